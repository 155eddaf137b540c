"""The camera scanner's server side: the headers a scanning page gets (lms.middleware
.scans_qr_codes), and the vendored decoder kept in step with its pin in package-lock.json.
Its browser behaviour is in tests/e2e/test_qr_scanner.py."""

import json
import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from lms.middleware import (
    ContentSecurityPolicyMiddleware,
    PermissionsPolicyMiddleware,
    scans_qr_codes,
)

ROOT = Path(__file__).resolve().parents[2]
COMPONENT = ROOT / "templates" / "components" / "qr_scanner.html"


def page(request):
    return HttpResponse("<!doctype html><title>Check-in</title>")


def headers(view, path: str) -> HttpResponse:
    """The response to ``path`` as it leaves the two header middlewares."""
    request = RequestFactory().get(path)
    response = PermissionsPolicyMiddleware(view)(request)
    return ContentSecurityPolicyMiddleware(lambda request: response)(request)


def script_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return next(part.split()[1:] for part in policy.split(";") if "script-src" in part.split())


@pytest.mark.parametrize("path", ["/admin/checkin/", "/fr/checkin/"])
def test_a_scanning_page_may_use_the_camera_and_webassembly_but_not_eval(path):
    response = headers(scans_qr_codes(page), path)
    assert "camera=(self)" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    sources = script_src(response)
    assert "'wasm-unsafe-eval'" in sources and "'unsafe-eval'" not in sources
    assert "'self'" in sources


@pytest.mark.parametrize(
    ("path", "unchanged"),
    [("/admin/checkin/", "'unsafe-inline'"), ("/fr/checkin/", "'self'")],
)
def test_a_scanning_page_keeps_the_rest_of_its_paths_policy(path, unchanged):
    scanning = headers(scans_qr_codes(page), path)["Content-Security-Policy"]
    plain = headers(page, path)["Content-Security-Policy"]
    assert scanning.replace(" 'wasm-unsafe-eval'", "") == plain
    assert unchanged in script_src(headers(scans_qr_codes(page), path))


@pytest.mark.parametrize("path", ["/admin/checkin/", "/fr/checkin/"])
def test_every_other_page_has_neither_camera_nor_webassembly(path):
    response = headers(page, path)
    assert "camera=()" in response["Permissions-Policy"]
    assert "'wasm-unsafe-eval'" not in response["Content-Security-Policy"]


def locked_version(package: str) -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    return lock["packages"][f"node_modules/{package}"]["version"]


def test_the_vendored_decoder_is_the_locked_version_with_its_licences():
    version = locked_version("barcode-detector")
    folder = ROOT / "lms" / "static" / "vendor" / f"barcode-detector-{version}"
    for name in ("LICENSE", "LICENSE.zxing-wasm", "LICENSE.zxing-cpp"):
        assert (folder / name).stat().st_size > 500, f"{name} is missing from {folder}"
    assert (folder / "zxing_reader.wasm").read_bytes()[:4] == b"\0asm"
    # The JavaScript glue and the .wasm must come from the same zxing-wasm build.
    script = (folder / "barcode-detector.js").read_text()
    assert f"zxing-wasm@{locked_version('zxing-wasm')}/" in script
    # Only one version is kept, and it is the one the component loads.
    assert [p.name for p in folder.parent.glob("barcode-detector-*")] == [folder.name]
    paths = set(re.findall(r"vendor/barcode-detector-[^/]+/[\w.-]+", COMPONENT.read_text()))
    assert paths == {
        f"vendor/barcode-detector-{version}/barcode-detector.js",
        f"vendor/barcode-detector-{version}/zxing_reader.wasm",
    }
