"""The CV as it is shown: the builder's live preview, the trainer's review, earlier versions
and the PDF all read ``view(data)``, so they say the same thing in the same words.

Ids become labels in the active language, rows left empty are skipped. Any data is shown
as well as it can be (an earlier version may predate today's shape): nothing here raises.
"""

from courses.exercises.cv import (
    DURATIONS,
    EDUCATION,
    LANGUAGE_SKILLS,
    LEVELS,
    LICENCES,
    PERSONAL_SKILLS,
    TECHNICAL_SKILLS,
    Choice,
)


def _text(source: dict, key: str) -> str:
    value = source.get(key)
    return value.strip() if isinstance(value, str) else ""


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _picked(ids, choices) -> list[Choice]:
    ids = {item for item in _list(ids) if isinstance(item, str)}
    return [choice for choice in choices if choice.id in ids]


def _label(value, choices) -> str:
    found = next((choice for choice in choices if choice.id == value), None)
    return str(found.label) if found else ""


def _level(value) -> Choice:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    return LEVELS[min(max(number, 0), len(LEVELS) - 1)]


def _rows(data: dict, key: str, fields: tuple[str, ...]) -> list[dict]:
    rows = []
    for row in _list(data.get(key)):
        row = _dict(row)
        texts = {field: _text(row, field) for field in fields}
        if any(texts.values()):
            rows.append({**row, **texts})
    return rows


def view(data) -> dict:
    """The CV ``data`` ready for a template (see the module's docstring)."""
    data = _dict(data)
    skills = _dict(data.get("skills"))
    experience = [
        {**row, "how_long": _label(row.get("how_long"), DURATIONS)}
        for row in _rows(data, "experience", ("what", "where"))
    ]
    languages = [
        {
            "language": row["language"],
            "levels": [
                {"skill": skill, "level": _level(row.get(skill.id))} for skill in LANGUAGE_SKILLS
            ],
        }
        for row in _rows(data, "languages", ("language",))
    ]
    shown = {
        "name": _text(data, "name"),
        "phone": _text(data, "phone"),
        "town": _text(data, "town"),
        "birth_year": _text(data, "birth_year"),
        "objective": _text(data, "objective"),
        "technical": _picked(skills.get("technical"), TECHNICAL_SKILLS),
        "personal": _picked(skills.get("personal"), PERSONAL_SKILLS),
        "experience": experience,
        "languages": languages,
        "trainings": _rows(data, "trainings", ("title", "where", "year")),
        "education": _label(data.get("education"), EDUCATION),
        "licences": _picked(data.get("driving_licence"), LICENCES),
        "referees": _rows(data, "referees", ("name", "contact")),
    }
    shown["has_skills"] = bool(shown["technical"] or shown["personal"])
    shown["has_education"] = bool(shown["education"] or shown["licences"])
    return shown


def labels() -> dict:
    """Every label the live preview may need, by id, in the active language (the page hands
    them to cv.js, which then never holds a word of its own)."""

    def by_id(choices):
        return {choice.id: str(choice.label) for choice in choices}

    return {
        "technical": by_id(TECHNICAL_SKILLS),
        "personal": by_id(PERSONAL_SKILLS),
        "durations": by_id(DURATIONS),
        "levels": {level.id: {"word": str(level.label), "dots": level.icon} for level in LEVELS},
        "education": by_id(EDUCATION),
        "licences": by_id(LICENCES),
    }
