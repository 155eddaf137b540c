"""The CV's data: what a tablet may send, what is kept, and what is never asked."""

import pytest

from courses.exercises import CV, ExerciseError
from courses.exercises.cv import MAX_ROWS, PERSONAL_SKILLS, SECTIONS, TECHNICAL_SKILLS, clean
from courses.exercises.cv_view import view


def full_cv() -> dict:
    return {
        "name": "Awa Koné",
        "phone": "+223 00 00 00 00",
        "town": "Bamako",
        "birth_year": "1994",
        "objective": "Je cherche un travail de couturière à Bamako.",
        "skills": {"technical": ["tailoring", "cooking"], "personal": ["teamwork"]},
        "experience": [{"what": "Couturière", "where": "Casablanca", "how_long": "2-5y"}],
        "languages": [
            {"language": "Bambara", "speak": "3", "understand": "3", "read": "1", "write": "0"}
        ],
        "trainings": [{"title": "Couture", "where": "Rabat", "year": "2025"}],
        "education": "primary",
        "driving_licence": ["B"],
        "referees": [{"name": "Mme Diallo", "contact": "WhatsApp"}],
    }


def errors_of(data) -> dict:
    with pytest.raises(ExerciseError) as refused:
        clean(data)
    return refused.value.errors


def test_a_full_cv_is_kept_with_levels_as_numbers():
    kept = clean(full_cv())
    assert kept["languages"] == [
        {"language": "Bambara", "speak": 3, "understand": 3, "read": 1, "write": 0}
    ]
    assert kept["skills"] == {"technical": ["tailoring", "cooking"], "personal": ["teamwork"]}
    assert kept["experience"][0]["how_long"] == "2-5y"
    # Clean data is clean: a second pass changes nothing (what the page sends back is stable).
    assert clean(kept) == kept


def test_what_is_missing_is_empty_and_the_empty_cv_is_clean():
    assert clean({}) == CV.empty()
    assert clean(CV.empty()) == CV.empty()
    assert clean({"objective": "Maçon"})["skills"] == {"technical": [], "personal": []}


def test_unknown_parts_are_dropped_never_kept():
    kept = clean({**full_cv(), "nationality": "ml", "religion": "x", "health": "x"})
    assert set(kept) == set(CV.empty())


def test_emoji_and_arabic_are_kept():
    kept = clean({"name": "محمد 🌟", "objective": "نجار 🪚 à Conakry"})
    assert (kept["name"], kept["objective"]) == ("محمد 🌟", "نجار 🪚 à Conakry")


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"name": "x" * 121}, "name"),
        ({"objective": "x" * 10_000}, "objective"),
        ({"town": "x" * 10_000}, "town"),
        ({"experience": [{"what": "x" * 10_000}]}, "experience.0.what"),
        ({"referees": [{"name": "ok"}, {"contact": "y" * 501}]}, "referees.1.contact"),
        ({"skills": {"technical": ["masonry", "juggling"]}}, "skills.technical.1"),
        ({"skills": {"personal": ["tailoring"]}}, "skills.personal.0"),
        ({"skills": ["masonry"]}, "skills"),
        ({"skills": {"technical": "masonry"}}, "skills.technical"),
        ({"education": "phd"}, "education"),
        ({"education": ["primary"]}, "education"),
        ({"driving_licence": ["Z"]}, "driving_licence.0"),
        ({"experience": [{"what": "Maçon", "how_long": "3 ans"}]}, "experience.0.how_long"),
        ({"experience": "Maçon, 3 ans"}, "experience"),
        ({"experience": ["Maçon"]}, "experience.0"),
        ({"experience": [{"what": 12}]}, "experience.0.what"),
        ({"languages": [{"language": "Wolof", "speak": "4"}]}, "languages.0.speak"),
        ({"languages": [{"language": "Wolof", "read": True}]}, "languages.0.read"),
        ({"languages": [{"language": "Wolof", "write": -1}]}, "languages.0.write"),
        ({"trainings": [{"title": "Couture", "year": "25"}]}, "trainings.0.year"),
        ({"trainings": [{"title": "Couture", "year": "3025"}]}, "trainings.0.year"),
        ({"birth_year": "né en 1990"}, "birth_year"),
        ({"name": ["Awa"]}, "name"),
        ({"referees": [{"name": "ok"}] * (MAX_ROWS + 1)}, "referees"),
        ({"experience": [{}] * (MAX_ROWS + 1)}, "experience"),
    ],
)
def test_bad_input_is_refused_on_its_path(data, path):
    errors = errors_of(data)
    assert path in errors
    assert errors[path]


def test_twenty_rows_are_allowed_and_levels_may_be_numbers():
    kept = clean(
        {
            "experience": [{"what": f"Travail {n}"} for n in range(MAX_ROWS)],
            "languages": [{"language": "Peul", "speak": 2, "understand": ""}],
        }
    )
    assert len(kept["experience"]) == MAX_ROWS
    assert kept["languages"][0]["speak"] == 2
    assert kept["languages"][0]["understand"] == 0


def test_a_cv_that_is_not_an_object_is_refused():
    assert errors_of(["Awa"]) == {"": "Le CV envoyé est illisible."}


def test_the_illustrated_lists_have_a_pictogram_and_a_label_each():
    assert len(TECHNICAL_SKILLS) >= 20 and len(PERSONAL_SKILLS) >= 10
    ids = [skill.id for skill in TECHNICAL_SKILLS + PERSONAL_SKILLS]
    assert len(ids) == len(set(ids))
    assert all(skill.icon and str(skill.label) for skill in TECHNICAL_SKILLS + PERSONAL_SKILLS)


def test_every_step_has_a_prompt_to_read_aloud():
    assert [section.key for section in SECTIONS] == [
        "identity",
        "objective",
        "skills",
        "experience",
        "languages",
        "trainings",
        "education",
        "referees",
        "photo",
    ]
    assert all(str(section.prompt) for section in SECTIONS)


FORBIDDEN = ("nationalit", "religion", "santé", "health", "migrat", "statut", "legal", "légal")


def test_the_cv_never_asks_for_nationality_status_religion_or_health():
    words = " ".join([*CV.empty(), *(f"{s.key} {s.title} {s.prompt}" for s in SECTIONS)]).lower()
    assert not [word for word in FORBIDDEN if word in words]


def test_the_view_shows_labels_and_skips_empty_rows():
    data = clean(full_cv())
    data["experience"].append({"what": "", "where": " ", "how_long": "lt6m"})
    shown = view(data)
    assert [str(skill.label) for skill in shown["technical"]] == ["Cuisine", "Couture"]
    assert shown["experience"] == [
        {"what": "Couturière", "where": "Casablanca", "how_long": "2 à 5 ans"}
    ]
    levels = shown["languages"][0]["levels"]
    assert [str(item["level"].label) for item in levels] == [
        "Bien",
        "Bien",
        "Un peu",
        "Pas du tout",
    ]
    assert shown["education"] == "École primaire"


@pytest.mark.parametrize("data", [None, "text", {"skills": "x", "experience": "x"}, {"a": 1}])
def test_the_view_shows_any_earlier_data_without_failing(data):
    shown = view(data)
    assert shown["experience"] == [] and shown["technical"] == []
