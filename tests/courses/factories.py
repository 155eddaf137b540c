"""Catalogue pages and assessments for tests: modules, lessons, tests and surveys.

Wagtail pages live in a tree, so they are added under their parent rather than built by a
model factory; assessments are snippets and have a factory-boy factory.
"""

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from courses.models import Assessment, AssessmentKind, CourseIndexPage, LessonPage, ModulePage


def course_index() -> CourseIndexPage:
    index = CourseIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        # Under the site's home when there is one, so that lessons have a URL.
        site = Site.objects.filter(is_default_site=True).first()
        parent = site.root_page if site else Page.get_first_root_node()
        index = CourseIndexPage(title="Formations", slug="formations-test")
        parent.add_child(instance=index)
    return index


def module_page(code: str = "dp", title: str = "Développement personnel", **fields) -> ModulePage:
    """The French module with this code, created under the course index if missing."""
    existing = ModulePage.objects.filter(code=code, locale=Locale.get_default()).first()
    if existing:
        return existing
    page = ModulePage(title=title, slug=f"module-{code}", code=code, duration_days=10, **fields)
    course_index().add_child(instance=page)
    return page


def lesson(module: ModulePage, day: int, title: str | None = None, **fields) -> LessonPage:
    title = title or f"Jour {day}"
    return module.add_child(
        instance=LessonPage(title=title, slug=f"{module.slug}-jour-{day}", day_number=day, **fields)
    )


def plan_day(module: ModulePage, day: int = 6) -> LessonPage:
    """A day of ``module`` linking to the business plan: the module then has the plan."""
    body = [("exercise", {"exercise": "business_plan", "text": ""})]
    return lesson(module, day, title=f"Jour {day} — mon plan d'affaires", body=body)


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    title = factory.Sequence(lambda n: f"Test {n}")
    kind = AssessmentKind.KNOWLEDGE
    locale = factory.LazyFunction(Locale.get_default)
    questions = factory.LazyFunction(list)


def choice(text: str, correct: bool = False) -> dict:
    return {"text": text, "image": None, "correct": correct}


def question(text: str, points: int = 1, **fields) -> dict:
    """The value of one question block."""
    return {"text": text, "read_aloud": "", "image": None, "points": points, **fields}


def knowledge_questions() -> list[tuple[str, dict]]:
    """Six questions, one of each type, worth 1 + 2 + 1 + 1 + 0 + 0 points (max 5)."""
    return [
        (
            "single_choice",
            question(
                "Où se trouve le Point d'Orientation ?",
                choices=[choice("À Rabat", correct=True), choice("À Paris"), choice("À Dakar")],
            ),
        ),
        (
            "multiple_choice",
            question(
                "Quels documents garder ?",
                points=2,
                choices=[
                    choice("Le passeport", correct=True),
                    choice("Un ticket de bus"),
                    choice("Le diplôme", correct=True),
                ],
            ),
        ),
        ("true_false", question("Le CV tient sur une page.", answer=True)),
        (
            "picture_choice",
            question(
                "Quelle image montre un marché ?",
                choices=[choice("Un marché", correct=True), choice("Une école")],
            ),
        ),
        (
            "scale",
            question(
                "Je me sens prêt.", points=0, low_label="Pas du tout", high_label="Tout à fait"
            ),
        ),
        ("open", question("Qu'avez-vous appris ?", points=0)),
    ]


def make_assessment(kind="knowledge", questions=None, title="Test de début — DP") -> Assessment:
    return AssessmentFactory(kind=kind, title=title, questions=questions or knowledge_questions())
