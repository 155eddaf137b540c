"""The camera scanner (templates/components/qr_scanner.html, lms/static/js/qr-scanner.js) reads
a QR code from a real camera stream: Chromium's fake camera plays a video made here of a printed
card's QR code. With the browser's own BarcodeDetector where it has one, with the vendored
decoder (barcode-detector, zxing-cpp in WebAssembly) where it has not or when told to, under
the site's Content-Security-Policy, and with a clear message when there is no camera."""

import pytest
import qrcode
from PIL import Image
from playwright.sync_api import expect

from .browser import CHROMIUM_ARGS, SIZES, TOUCH_DEVICE, Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]

CARD = "FORAS-CARTE:rabat07:9f3kQ2"
VENDOR = "/static/vendor/barcode-detector-3.2.2/"
WIDTH, HEIGHT = 640, 480

START = "Scanner avec la caméra"
STOP = "Arrêter la caméra"

# Codes read on the page, collected by the page's own callback; the event is cancelled so that
# the page stays (otherwise the component's form would be sent).
COLLECT_CODES = """() => {
  window.codes = [];
  const root = document.querySelector("[data-qr-scanner]");
  QrScanner.attach(root).onCode((text) => window.codes.push(text));
  root.addEventListener("qr-scanner:code", (event) => event.preventDefault());
}"""


def write_y4m(image: Image.Image, path, frames: int = 2) -> None:
    """A raw YUV 4:2:0 video (the format Chromium's fake camera plays) showing ``image``."""
    y, cb, cr = image.convert("YCbCr").split()
    half = (WIDTH // 2, HEIGHT // 2)
    planes = y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes()
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            video.write(b"FRAME\n" + planes)


@pytest.fixture(scope="module")
def fake_camera(tmp_path_factory):
    code = qrcode.make(CARD, box_size=10, border=4).get_image().convert("L")
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(code, ((WIDTH - code.width) // 2, (HEIGHT - code.height) // 2))
    path = tmp_path_factory.mktemp("camera") / "card.y4m"
    write_y4m(frame.convert("RGB"), path)
    return path


@pytest.fixture(scope="module")
def camera_browser(browser_type, browser_type_launch_args, fake_camera):
    """Chromium whose camera films the card, and which grants the camera without asking (the
    page's Permissions-Policy still decides whether the page may ask at all)."""
    browser = browser_type.launch(
        **{
            **browser_type_launch_args,
            "args": [
                *CHROMIUM_ARGS,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={fake_camera}",
            ],
        }
    )
    yield browser
    browser.close()


@pytest.fixture
def scanner(camera_browser, demo_site, settings, pytestconfig):
    """A tablet tab on the test pages of tests/e2e/scanner_urls.py."""
    settings.ROOT_URLCONF = "tests.e2e.scanner_urls"
    context = camera_browser.new_context(
        **TOUCH_DEVICE, viewport=SIZES["tablet"], screen=SIZES["tablet"]
    )
    screenshots = pytestconfig.rootpath / pytestconfig.getoption("--output") / "screenshots"
    yield Tab(context.new_page(), "tablet", demo_site.url, screenshots)
    context.close()


def status(tab: Tab):
    return tab.page.get_by_role("status")


def has_native_qr_detector(tab: Tab) -> bool:
    return tab.page.evaluate(
        """async () => typeof BarcodeDetector === "function"
            && (await BarcodeDetector.getSupportedFormats()).includes("qr_code")"""
    )


def read_codes(tab: Tab) -> list[str]:
    tab.page.wait_for_function("() => window.codes.length > 0", timeout=15_000)
    # Held in front of the camera, the card is seen many times a second: reported once.
    tab.page.wait_for_timeout(1500)
    return tab.page.evaluate("window.codes")


def vendored_requests(tab: Tab) -> list[str]:
    return [url for url in tab.requests if VENDOR in url]


def test_the_vendored_decoder_reads_a_card_under_the_pages_policy(scanner: Tab):
    page = scanner.page
    response = page.goto(scanner.base_url + "/test-scanner/?native=off")
    policy = response.headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if "script-src" in part)
    assert "'wasm-unsafe-eval'" in script_src and "'unsafe-eval'" not in script_src
    assert "camera=(self)" in response.headers["permissions-policy"]
    page.evaluate(COLLECT_CODES)
    assert not vendored_requests(scanner), "the decoder is loaded only when it is needed"

    page.get_by_role("button", name=START).tap()
    assert read_codes(scanner) == [CARD]
    assert page.locator("[data-qr-scanner]").get_attribute("data-qr-scanner-detector") == "library"
    expect(status(scanner)).to_have_text("Code lu.")
    assert {url.rsplit("/", 1)[1] for url in vendored_requests(scanner)} == {
        "barcode-detector.js",
        "zxing_reader.wasm",
    }
    scanner.check("scanner-1-reading")
    scanner.assert_network_clean()

    page.get_by_role("button", name=STOP).tap()
    expect(status(scanner)).to_have_text("Caméra arrêtée.")
    expect(page.locator("video")).to_be_hidden()
    expect(page.get_by_role("button", name=START)).to_be_visible()


def test_the_browsers_own_detector_reads_a_card_where_it_has_one(scanner: Tab):
    page = scanner.page
    page.goto(scanner.base_url + "/test-scanner/")
    if not has_native_qr_detector(scanner):
        pytest.skip(
            "This Chromium has no BarcodeDetector that reads QR codes (desktop Linux builds "
            "have none; Chrome on Android, ChromeOS and macOS do): the vendored decoder is used."
        )
    page.evaluate(COLLECT_CODES)
    page.get_by_role("button", name=START).tap()
    assert read_codes(scanner) == [CARD]
    assert page.locator("[data-qr-scanner]").get_attribute("data-qr-scanner-detector") == "native"
    assert not vendored_requests(scanner)


# A stand-in for a browser's own BarcodeDetector (the Chromium here has none), to show which
# decoder the scanner picks: it "reads" a fixed text from any frame of the camera.
NATIVE_DETECTOR = """window.BarcodeDetector = class {
  static async getSupportedFormats() { return %s; }
  async detect(video) { return video.videoWidth ? [{rawValue: "NATIVE", format: "qr_code"}] : []; }
};"""


@pytest.mark.parametrize(
    ("formats", "detector", "codes"),
    [('["qr_code", "ean_13"]', "native", ["NATIVE"]), ('["ean_13"]', "library", [CARD])],
    ids=["reads-qr", "reads-no-qr"],
)
def test_the_browsers_detector_is_used_only_when_it_reads_qr_codes(
    scanner: Tab, formats, detector, codes
):
    page = scanner.page
    page.add_init_script(NATIVE_DETECTOR % formats)
    page.goto(scanner.base_url + "/test-scanner/")
    page.evaluate(COLLECT_CODES)
    page.get_by_role("button", name=START).tap()
    assert read_codes(scanner) == codes
    assert page.locator("[data-qr-scanner]").get_attribute("data-qr-scanner-detector") == detector
    assert bool(vendored_requests(scanner)) == (detector == "library")


def test_a_card_read_is_sent_with_the_form(scanner: Tab):
    """No page script at all: the component fills its form with the code and sends it. Here
    the browser chooses the decoder (the vendored one where it has none of its own)."""
    page = scanner.page
    page.goto(scanner.base_url + "/test-scanner/")
    scanner.check("scanner-2-ready")
    page.get_by_role("button", name=START).tap()
    expect(page.locator("#scanned")).to_have_text(CARD, timeout=15_000)


def test_a_page_not_allowed_the_camera_says_so_and_keeps_the_typed_code(scanner: Tab):
    page = scanner.page
    response = page.goto(scanner.base_url + "/test-scanner-without-camera/")
    assert "camera=()" in response.headers["permissions-policy"]
    page.get_by_role("button", name=START).tap()
    expect(status(scanner)).to_contain_text("L’accès à la caméra a été refusé.")
    expect(page.locator("video")).to_be_hidden()

    page.get_by_label("Ou tapez le code").fill("K7P4")
    page.get_by_role("button", name="Valider").tap()
    expect(page.locator("#scanned")).to_have_text("K7P4")


def test_a_device_without_a_camera_is_told_so(scanner: Tab):
    page = scanner.page
    page.add_init_script(
        """navigator.mediaDevices.getUserMedia = () =>
             Promise.reject(new DOMException("No camera", "NotFoundError"));"""
    )
    page.goto(scanner.base_url + "/test-scanner/")
    page.get_by_role("button", name=START).tap()
    expect(status(scanner)).to_contain_text("Aucune caméra disponible")
    scanner.check("scanner-3-no-camera")
