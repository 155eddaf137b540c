"""Fixtures for the browser tests.

pytest-playwright's fixtures are configured here (not with ``-p`` or command-line options):
Debian's chromium, headless, with flags that keep it off the network, and a touch screen in
French. Every test that takes ``tab`` runs twice, on a phone and on a tablet.
"""

from pathlib import Path

import pytest

from lms.demo import load_public_site
from tests.wagtail_roots import restore_wagtail_roots

from .browser import CHROMIUM, CHROMIUM_ARGS, SIZES, TOUCH_DEVICE, Tab


@pytest.fixture(scope="session", autouse=True)
def database_calls_beside_playwright():
    """Playwright's sync API keeps an event loop running in the test thread, and Django refuses
    database calls from a thread with a running loop unless told this is safe. It is, here: the
    test thread only prepares data and reads it back.

    Set for the browser tests only: they run last (tests/conftest.py), and this fixture comes
    first in their session, before the test database and Playwright are set up."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        "headless": True,
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **TOUCH_DEVICE}


@pytest.fixture(params=list(SIZES))
def size(request) -> str:
    return request.param


@pytest.fixture
def context(new_context, size):
    """A fresh browser (empty cache, no cookies) with the screen of ``size``."""
    return new_context(viewport=SIZES[size], screen=SIZES[size])


@pytest.fixture(scope="session")
def base_url():
    """Unused: tests address the live server, whose port is only known once it runs."""
    return None


@pytest.fixture
def demo_site(live_server, django_db_serialized_rollback):
    """The live server with the demo content (home, guides index, eight guides in FR/EN).

    ``live_server`` runs each test in a transactional database that is emptied afterwards:
    what the migrations created (Wagtail's root page, the default locale) is put back when
    the serialized rollback did not, then the demo content is loaded again.
    """
    restore_wagtail_roots()
    load_public_site()
    return live_server


@pytest.fixture
def tab(page, size, demo_site, pytestconfig) -> Tab:
    # Beside pytest-playwright's own artifacts: test-results/screenshots/ unless --output says.
    screenshots = Path(pytestconfig.getoption("--output")).absolute() / "screenshots"
    return Tab(page, size, demo_site.url, screenshots)
