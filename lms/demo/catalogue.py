"""The training catalogue of the demo: the course index and the modules with their days, in
French (the source tree) and English (data/modules/).

Each day's own texts (title, objectives, activity, tip, exercise links) come from its module's
file; the sample texts every day has around them come from modules/_catalogue.yaml.
"""

from html import escape
from typing import Any

from wagtail.models import Locale

from content.models import HomePage
from courses.models import CourseIndexPage, LessonPage, ModulePage
from lms.demo import files, pages


def load() -> dict[str, ModulePage]:
    """Create what is missing of the catalogue; return the French modules by code."""
    shared = files.read("modules/_catalogue.yaml")
    french, english = pages.locales()
    index = _index(shared["index"], french, english)
    modules = {}
    for spec in files.records("modules"):
        module = modules[spec["code"]] = _module(index, spec, french, english)
        for lesson in spec["lessons"]:
            _lesson(module, lesson, shared["day"], english)
    return modules


def _index(spec: dict, french: Locale, english: Locale) -> CourseIndexPage:
    french_text, english_text = (files.localise(spec, language) for language in files.LANGUAGES)
    index = CourseIndexPage.objects.filter(locale=french).first()
    if index is None:
        index = pages.add_child(
            HomePage.objects.get(locale=french), CourseIndexPage(locale=french, **french_text)
        )
    pages.translation_of(index, english, **english_text)
    return index


def _module(index: CourseIndexPage, spec: dict, french: Locale, english: Locale) -> ModulePage:
    french_text, english_text = (files.localise(spec, language) for language in files.LANGUAGES)
    # Found by code: cohorts, reports and the demo people refer to modules by it.
    module = ModulePage.objects.filter(code=spec["code"], locale=french).first()
    if module is None:
        module = pages.add_child(
            index,
            ModulePage(
                title=french_text["title"],
                slug=spec["code"],
                locale=french,
                code=spec["code"],
                summary=french_text["summary"],
                duration_days=spec["duration_days"],
            ),
        )
    pages.translation_of(
        module, english, title=english_text["title"], summary=english_text["summary"]
    )
    return module


def _lesson(module: ModulePage, spec: dict, day: dict, english: Locale) -> None:
    lesson = LessonPage.objects.child_of(module).filter(day_number=spec["day"]).first()
    if lesson is None:
        lesson = pages.add_child(
            module, LessonPage(locale=module.locale, **_lesson_fields(spec, day, "fr"))
        )
    pages.translation_of(lesson, english, **_lesson_fields(spec, day, "en"))


def _lesson_fields(spec: dict, day: dict, language: str) -> dict[str, Any]:
    """A day's page fields in ``language``: its own texts between the shared sample ones."""
    text = files.localise(spec, language)
    around = files.localise(day, language, fill={"day": spec["day"], "title": text["title"]})
    body = [
        ("text", around["intro"]),
        (
            "activity",
            {
                "title": text["activity"],
                "duration_minutes": day["activity_minutes"],
                "instructions": around["instructions"],
            },
        ),
        ("tip", {"kind": "tip", "text": f"<p>{escape(text['tip'], quote=False)}</p>"}),
        *(("exercise", {"exercise": link, "text": ""}) for link in spec.get("exercises", [])),
        ("text", around["recap"]),
    ]
    return {
        "title": text["title"],
        "slug": around["slug"],
        "day_number": spec["day"],
        "objectives": _html_list(text["objectives"]),
        "duration_minutes": day["duration_minutes"],
        "body": body,
    }


def _html_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>"
