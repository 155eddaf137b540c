"""A lesson's URL read in fewer queries (content/routing.py, CourseIndexPage.route) leads to
the same page, behind the same view restrictions, as Wagtail's routing level by level."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from content.routing import site_for_request
from tests.learning.test_lessons import add_lesson, course_index, lesson, lessons  # noqa: F401


def protect(page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-du-module"
    )


def asks_for_the_password(response) -> bool:
    return response.status_code == 200 and b'name="password"' in response.content


def test_the_lesson_is_found_with_its_module_as_parent(rf, course_index, lesson):  # noqa: F811
    request = rf.get(lesson.url)
    module = lesson.get_parent()
    with CaptureQueriesContext(connection) as queries:
        found = course_index.route(request, [module.slug, lesson.slug]).page
        parent = found.module()

    assert found.pk == lesson.pk and type(found).__name__ == "LessonPage"
    assert found.body is not None and parent.pk == module.pk
    assert len(queries) == 1


def test_an_unknown_or_unpublished_lesson_is_a_404(client, trainee, lesson):  # noqa: F811
    client.force_login(trainee.user)
    module_url = lesson.get_parent().url

    assert client.get(f"{module_url}jour-99/").status_code == 404
    assert client.get(f"{lesson.url}plus-loin/").status_code == 404
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


@pytest.mark.parametrize("restricted", ["module", "index", "home"])
def test_a_restriction_above_the_lesson_still_applies_to_its_trainees(
    client,
    trainee,
    lesson,  # noqa: F811
    restricted,
):
    module = lesson.get_parent()
    ancestor = {"module": module, "index": module.get_parent(), "home": module.get_parent(2)}
    protect(ancestor[restricted])
    client.force_login(trainee.user)

    response = client.get(lesson.url)

    assert asks_for_the_password(response)
    assert b"Objectif du jour" not in response.content


def test_a_lesson_under_an_alias_takes_the_restriction_of_the_alias_source(
    client,
    coordinator,
    course_index,  # noqa: F811
    lesson,  # noqa: F811
):
    module = lesson.get_parent().specific
    alias = module.create_alias(
        parent=course_index, update_slug="module-alias", recursive=True, reset_translation_key=True
    )
    alias_lesson = alias.get_children().get(slug=lesson.slug)
    protect(module)
    client.force_login(coordinator)

    assert asks_for_the_password(client.get(alias_lesson.url))


def test_a_page_without_restrictions_is_checked_in_one_query(lesson):  # noqa: F811
    page = Page.objects.get(pk=lesson.pk).specific
    with CaptureQueriesContext(connection) as queries:
        assert not page.get_view_restrictions().exists()
    assert len(queries) == 1


def test_the_site_kept_in_the_cache_is_forgotten_when_a_site_changes(lesson):  # noqa: F811
    site = Site.objects.get(is_default_site=True)
    assert site_for_request(RequestFactory().get(lesson.url)).pk == site.pk

    with CaptureQueriesContext(connection) as queries:
        kept = site_for_request(RequestFactory().get(lesson.url))
        assert kept.pk == site.pk
        assert type(kept.root_page.specific).__name__ == "HomePage"
    assert len(queries) == 0

    site.site_name = "Foras renommé"
    site.save()
    assert site_for_request(RequestFactory().get(lesson.url)).site_name == "Foras renommé"
