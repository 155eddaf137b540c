"""The demo assessments (data/assessments/): the knowledge tests of the two 10-day modules and
their satisfaction surveys, in French and English, and the modules they are set on.

Assessments are snippets translated with Wagtail's TranslatableMixin. Each is found by the
fixed translation key of its file, and its questions keep the fixed block ids of the file in
both languages: answers are stored against those ids, so an English attempt is scored like a
French one, and loading again finds what it made.
"""

import uuid
from collections import defaultdict
from typing import Any

from courses.models import Assessment, ModulePage
from lms.demo import files, pages

# The question blocks an assessment may hold, from the model itself: a type the model does not
# know is an error in the data, and a question's default points are the block's own.
QUESTION_BLOCKS = Assessment._meta.get_field("questions").stream_block.child_blocks


def load() -> None:
    """Create the missing assessments and set them on modules that have none yet."""
    chosen: dict[str, dict[str, Assessment]] = defaultdict(dict)
    for spec in files.records("assessments"):
        # A file with "copies" makes one assessment per copy, the same questions in each.
        for copy in spec.get("copies", [{}]):
            record = {**spec, **copy}
            assessment = _assessment(record)
            for field in record["used_as"]:
                chosen[record["module"]][field] = assessment
    for code, fields in chosen.items():
        _set_on_module(code, fields)


def _assessment(record: dict) -> Assessment:
    """The French assessment and its English translation, each created once."""
    french, english = pages.locales()
    translation_key = uuid.UUID(record["translation_key"])
    assessment = Assessment.objects.filter(translation_key=translation_key, locale=french).first()
    if assessment is None:
        assessment = Assessment.objects.create(
            translation_key=translation_key,
            locale=french,
            kind=record["kind"],
            **_texts(record, "fr"),
        )
    if assessment.get_translation_or_none(english) is None:
        translation = assessment.copy_for_translation(english)
        for name, value in _texts(record, "en").items():
            setattr(translation, name, value)
        translation.save()
    return assessment


def _texts(record: dict, language: str) -> dict[str, Any]:
    labels = files.localise(record.get("scale_labels", {}), language)
    return {
        "title": files.localise(record["title"], language),
        "instructions": files.localise(record["instructions"], language),
        "questions": [_question(q, labels, language) for q in record["questions"]],
    }


def _question(question: dict, scale_labels: dict, language: str) -> dict[str, Any]:
    """One question as stream data, under the file's block id."""
    block_type = question["type"]
    points = QUESTION_BLOCKS[block_type].child_blocks["points"].get_default()
    own = {k: v for k, v in question.items() if k not in ("id", "type", "choices")}
    value = {"read_aloud": "", "image": None, "points": points}
    if block_type == "scale":
        value |= {
            "low_label": scale_labels["low"],
            "high_label": scale_labels["high"],
            "overall": False,
        }
    value |= files.localise(own, language)
    if "choices" in question:
        # Choices are {fr, en, correct}: answers are stored as a choice's position, the same in
        # both languages.
        value["choices"] = [
            {"text": choice[language], "image": None, "correct": choice.get("correct", False)}
            for choice in question["choices"]
        ]
    return {"type": block_type, "id": question["id"], "value": value}


def _set_on_module(code: str, fields: dict[str, Assessment]) -> None:
    """Set the assessments on each translation of the module, unless an editor chose some."""
    for page in ModulePage.objects.filter(code=code):
        if page.pre_test_id or page.post_test_id or page.survey_id:
            continue
        for field, assessment in fields.items():
            setattr(page, field, assessment.get_translation_or_none(page.locale) or assessment)
        revision = page.save_revision()
        if page.live:
            revision.publish()
