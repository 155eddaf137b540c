"""The parts of a lesson that every trainee sees alike (its body, the days before and after)
are kept in the shared cache: never a stale copy once an editor publishes, and never the
live copy in place of a draft an editor previews."""

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.test import RequestFactory

from tests.cohorts.factories import TraineeFactory
from tests.learning.test_lessons import add_lesson, course_index  # noqa: F401 (fixture)


def text(words: str):
    return [("text", f"<p>{words}</p>")]


@pytest.fixture
def lessons(cohort):
    return [add_lesson(cohort.module, day, body=text(f"Texte du jour {day}")) for day in (1, 2)]


def test_the_body_is_rendered_once_for_every_trainee(client, trainee, trainer, cohort, lessons):
    lesson = lessons[0]
    client.force_login(trainee.user)
    assert "Texte du jour 1" in client.get(lesson.url).text
    key = make_template_fragment_key("lesson-body", [lesson.learner_body_key()])
    assert "Texte du jour 1" in cache.get(key)

    # Another trainee of the cohort is served that copy: changed behind the cache's back (no
    # publish, which no editor can do), the cached body is what they see.
    cache.set(key, "<p>Le corps gardé</p>")
    classmate = TraineeFactory(cohort=cohort, display_name="Fatou Test", by=trainer)
    client.force_login(classmate.user)
    page = client.get(lesson.url).text
    assert "Le corps gardé" in page
    assert "Texte du jour 1" not in page


def test_a_published_change_reaches_the_trainees_at_once(client, trainee, lessons):
    lesson = lessons[0]
    client.force_login(trainee.user)
    assert "Texte du jour 1" in client.get(lesson.url).text

    lesson.body = text("Texte corrigé")
    lesson.save_revision().publish()

    page = client.get(lesson.url).text
    assert "Texte corrigé" in page
    assert "Texte du jour 1" not in page


def test_a_day_published_later_becomes_the_next_day(client, trainee, cohort, lessons):
    client.force_login(trainee.user)
    last = lessons[1]
    assert 'rel="next"' not in client.get(last.url).text

    day_three = add_lesson(cohort.module, 3, body=text("Texte du jour 3"))
    day_three.save_revision().publish()

    assert f'rel="next" href="{day_three.url}"' in client.get(last.url).text


def test_an_unpublished_day_is_no_longer_the_next_one(client, trainee, lessons):
    client.force_login(trainee.user)
    first, second = lessons
    assert f'rel="next" href="{second.url}"' in client.get(first.url).text

    second.unpublish()

    assert 'rel="next"' not in client.get(first.url).text


def test_an_editor_previewing_a_draft_sees_the_draft_not_the_cached_body(
    client, trainee, editor, lessons
):
    lesson = lessons[0]
    client.force_login(trainee.user)
    client.get(lesson.url)  # the live body is now in the cache

    lesson.body = text("Brouillon du jour")
    lesson.save_revision()  # a draft: the trainees still read the live page
    assert "Texte du jour 1" in client.get(lesson.url).text

    request = RequestFactory().get(lesson.url)
    request.user = editor
    draft = lesson.get_latest_revision_as_object()
    preview = draft.serve_preview(request, draft.default_preview_mode)
    preview.render()
    assert "Brouillon du jour" in preview.text
    assert "Texte du jour 1" not in preview.text
