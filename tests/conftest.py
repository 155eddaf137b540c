"""Shared fixtures: the demo content, loaded once, and the people who use the site."""

import pytest
from django.core.cache import cache

from content.demo import seed_content


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; every test runs inside a transaction rolled back after it."""
    with django_db_blocker.unblock():
        seed_content()


@pytest.fixture(autouse=True)
def empty_page_cache():
    """The cache outlives each test's rolled-back transaction: start every test without it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    """A Wagtail admin user who may edit every page."""
    # No password: tests sign in with force_login, and hashing one costs a second a user.
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password=None
    )


@pytest.fixture
def outsider(django_user_model):
    """A signed-in user with no access to the admin."""
    return django_user_model.objects.create_user(
        username="outsider", email="outsider@example.org", password=None
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PINs and passwords are hashed on every account the tests create: use a cheap hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
