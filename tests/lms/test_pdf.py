"""The PDF service reads only local files: a template cannot make the server fetch a URL."""

import pytest
from django.conf import settings
from weasyprint.urls import URLFetcher

from lms.pdf import LOCAL_BASE_URL, fetcher_class, render_pdf

SITE_CSS = LOCAL_BASE_URL + "static/css/site.css"


@pytest.fixture
def network_calls(monkeypatch):
    """Every URL WeasyPrint's own fetcher (the one that goes to the network) was asked for."""
    calls = []

    def record(self, url, headers=None):
        calls.append(url)
        raise OSError("the network is not available to tests")

    monkeypatch.setattr(URLFetcher, "fetch", record)
    return calls


@pytest.fixture
def template_dir(settings, tmp_path):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    return tmp_path


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "https://example.org/",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "ftp://example.org/x.png",
    ],
)
def test_the_fetcher_refuses_anything_but_local_files(url, network_calls):
    with pytest.raises(ValueError, match="local static or media files"):
        fetcher_class()().fetch(url)

    assert network_calls == []


def test_the_fetcher_serves_static_files_from_disk(network_calls):
    response = fetcher_class()().fetch(SITE_CSS)

    with open(settings.BASE_DIR / "lms" / "static" / "css" / "site.css", "rb") as css:
        assert response.read() == css.read()
    assert response.content_type == "text/css"
    assert network_calls == []


def test_a_static_path_on_another_host_is_still_read_from_disk(network_calls):
    response = fetcher_class()().fetch("https://example.org/static/css/site.css")

    assert response.content_type == "text/css"
    assert network_calls == []


def test_the_fetcher_serves_media_files_from_disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")

    response = fetcher_class()().fetch(LOCAL_BASE_URL + "media/logo.svg")

    assert response.read().startswith(b"<svg")


def test_the_fetcher_does_not_leave_the_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (tmp_path / "secret.txt").write_text("not for documents")

    with pytest.raises(ValueError):
        fetcher_class()().fetch(LOCAL_BASE_URL + "media/../secret.txt")
    with pytest.raises(ValueError):
        fetcher_class()().fetch(LOCAL_BASE_URL + "media/%2e%2e/secret.txt")


def test_the_fetcher_reads_inline_data():
    response = fetcher_class()().fetch("data:text/plain,bonjour")

    assert response.read() == b"bonjour"


def test_a_template_with_an_external_image_renders_without_going_to_the_network(
    template_dir, network_calls, monkeypatch
):
    asked = []
    local_fetch = fetcher_class().fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return local_fetch(self, url, headers)

    monkeypatch.setattr(fetcher_class(), "fetch", spy)
    (template_dir / "external.html").write_text(
        '<link rel="stylesheet" href="/static/css/site.css">'
        '<h1>Attestation</h1><img src="http://example.org/x.png" alt="">'
    )

    document = render_pdf("external.html", {})

    assert document.startswith(b"%PDF")
    assert asked == [SITE_CSS, "http://example.org/x.png"]
    assert network_calls == []


def test_the_site_starts_without_importing_weasyprint():
    """WeasyPrint is imported on the first render only: a web process that never renders a
    PDF does not carry it."""
    import subprocess
    import sys

    code = (
        "import django, sys; django.setup(); "
        "from django.urls import resolve; resolve('/healthz'); "
        "import lms.urls, content.models, cohorts.admin_views, cohorts.tasks; "
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"
