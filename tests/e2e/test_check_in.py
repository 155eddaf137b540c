"""Check-in on tablets held in portrait (800×1280, touch): the trainer opens the check-in and
the screen shows a QR code that a trainee's tablet opens (read here from the trainer's
screen by an independent decoder); and the trainer's tablet camera reads a trainee's
printed login card (Chromium's fake camera films it)."""

import io
import re
from pathlib import Path

import pytest
import qrcode
import zxingcpp
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from cohorts import attendance_services
from cohorts.models import AttendanceMark, AttendanceStatus, MarkSource
from lms.roles import Role
from tests.cohorts import factories

from .browser import CHROMIUM_ARGS, SIZES, TOUCH_DEVICE, Tab, requires_chromium
from .test_qr_scanner import HEIGHT, WIDTH, write_y4m

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.checkin@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — pointage", orientation_point__city="Rabat", trainers=[trainer]
    )
    trainee = factories.TraineeFactory(cohort=cohort, display_name="Awa Pointage", by=trainer)
    day = attendance_services.add_session_day(by=trainer, cohort=cohort, date=timezone.localdate())
    return {"trainer": trainer, "cohort": cohort, "trainee": trainee, "day": day}


def staff_sign_in(tab: Tab, email: str) -> None:
    page = tab.page
    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))


def read_qr_on_screen(tab: Tab, selector: str) -> str:
    """The QR code as the trainee's camera sees it: a screenshot of it, decoded by zxing-cpp."""
    image = Image.open(io.BytesIO(tab.page.locator(selector).screenshot()))
    [code] = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return code.text


def test_a_trainee_checks_in_by_opening_the_qr_codes_address(
    tab: Tab, classroom, new_context, pytestconfig
):
    page = tab.page
    cohort, trainee = classroom["cohort"], classroom["trainee"]

    # The trainer opens today's check-in on the classroom's screen.
    staff_sign_in(tab, classroom["trainer"].email)
    tab.open(reverse("cohorts:check_in", args=[cohort.pk]))
    tab.check("check-in-1-open")
    page.get_by_role("button", name="Ouvrir le pointage").tap()
    expect(page.locator("[data-check-in-qr] svg")).to_be_visible()
    expect(page.locator("[data-check-in-count]")).to_have_text("0")
    tab.check("check-in-2-screen")
    url = read_qr_on_screen(tab, "[data-check-in-qr]")
    assert url.startswith(tab.base_url + "/checkin/")

    # A trainee's tablet opens the address: sign in first, then back to the code.
    trainee_tab = Tab(
        new_context(viewport=SIZES["tablet"], screen=SIZES["tablet"]).new_page(),
        "tablet",
        tab.base_url,
        tab.screenshots,
    )
    other = trainee_tab.page
    other.goto(url)
    expect(other).to_have_url(trainee_tab.url("/accounts/trainee/"))
    other.locator("input[name=username]").fill(trainee.username)
    keypad = other.locator("[data-keypad]")
    for digit in factories.PIN:
        keypad.locator(f"[data-digit='{digit}']").tap()
    keypad.locator("button.ok").tap()
    expect(other).to_have_url(url)
    button = other.get_by_role("button", name="Je suis là")
    assert button.bounding_box()["height"] >= 72
    trainee_tab.check("check-in-3-button")
    button.tap()
    expect(other.get_by_role("status")).to_contain_text("Présent")
    trainee_tab.check("check-in-4-done")

    mark = AttendanceMark.objects.get(enrolment__trainee=trainee, session_day=classroom["day"])
    assert (mark.status, mark.source) == (AttendanceStatus.PRESENT, MarkSource.CHECK_IN)
    # The trainer's screen counts the arrival by itself.
    expect(page.locator("[data-check-in-count]")).to_have_text("1", timeout=10_000)
    page.get_by_role("button", name="Fermer le pointage").tap()
    expect(page.get_by_text("Awa Pointage — Présent")).to_be_visible()
    tab.assert_stayed_local()


@pytest.fixture
def card_camera(tmp_path, classroom, demo_site):
    """A video of the trainee's printed login card (what its QR code holds: cohorts/tasks.py)."""
    text = f"{demo_site.url}/accounts/trainee/?username={classroom['trainee'].username}"
    code = qrcode.make(text, box_size=6, border=4).get_image().convert("L")
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(code, ((WIDTH - code.width) // 2, (HEIGHT - code.height) // 2))
    path = tmp_path / "card.y4m"
    write_y4m(frame.convert("RGB"), path)
    return path


@pytest.fixture
def camera_tab(browser_type, browser_type_launch_args, card_camera, demo_site, pytestconfig):
    browser = browser_type.launch(
        **{
            **browser_type_launch_args,
            "args": [
                *CHROMIUM_ARGS,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={card_camera}",
            ],
        }
    )
    context = browser.new_context(**TOUCH_DEVICE, viewport=SIZES["tablet"], screen=SIZES["tablet"])
    screenshots = Path(pytestconfig.getoption("--output")).absolute() / "screenshots"
    yield Tab(context.new_page(), "tablet", demo_site.url, screenshots)
    context.close()
    browser.close()


def test_the_trainers_tablet_reads_a_login_card_and_marks_the_trainee(camera_tab: Tab, classroom):
    page = camera_tab.page
    cohort, trainee = classroom["cohort"], classroom["trainee"]
    staff_sign_in(camera_tab, classroom["trainer"].email)

    camera_tab.open(reverse("cohorts:card_scan", args=[cohort.pk]))
    camera_tab.check("card-scan-1")
    page.get_by_role("button", name="Scanner avec la caméra").tap()

    expect(page.locator("[data-card-scan-result]")).to_have_text(
        "Awa Pointage : présent(e).", timeout=15_000
    )
    expect(page.locator("[data-card-scan-list] li")).to_have_text(
        [re.compile(r"^Awa Pointage — Présent \(\d\d:\d\d\)$")]
    )
    # Held in front of the camera, the card keeps being read: still one mark, one entry.
    page.wait_for_timeout(3000)
    mark = AttendanceMark.objects.get(enrolment__trainee=trainee, session_day=classroom["day"])
    assert (mark.status, mark.source, mark.entries.count()) == (
        AttendanceStatus.PRESENT,
        MarkSource.CARD,
        1,
    )
    assert page.url.endswith(reverse("cohorts:card_scan", args=[cohort.pk]))
    camera_tab.check("card-scan-2-read")
    camera_tab.assert_stayed_local()
