"""The Content-Security-Policy is enforced and nothing the site needs is refused by it: the
public site, the trainee space (covered by every other browser test through ``Tab.check``) and
the Wagtail admin, where an editor edits and previews a guide."""

import pytest
from playwright.sync_api import expect

from content.models import CountryGuidePage
from lms.roles import Role
from tests.cohorts import factories

from .browser import Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]


@pytest.fixture
def size():
    return "tablet"


def test_the_admin_works_under_its_policy_editing_and_previewing_a_guide(tab: Tab, demo_site):
    page = tab.page
    factories.StaffFactory(email="editor.e2e@example.org", role=Role.EDITOR)
    guide = CountryGuidePage.objects.filter(locale__language_code="fr").first()

    tab.open("/accounts/login/")
    tab.check("csp-1-staff-login")
    page.locator("input[name=login]").fill("editor.e2e@example.org")
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))
    header = page.request.get(tab.base_url + "/admin/").headers["content-security-policy"]
    assert "default-src 'self'" in header and "unsafe-eval" not in header

    for step, path in [
        ("csp-2-dashboard", "/admin/"),
        ("csp-3-explorer", f"/admin/pages/{guide.get_parent().pk}/"),
        ("csp-4-images", "/admin/images/"),
    ]:
        tab.open(path)
        page.wait_for_load_state("networkidle")
        tab.assert_no_csp_violation(step)

    tab.open(f"/admin/pages/{guide.pk}/edit/")
    page.wait_for_load_state("networkidle")
    tab.assert_no_csp_violation("csp-5-editor")
    # The live preview: the page shown in a same-origin frame of the admin.
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("h1")).to_contain_text(guide.title, timeout=15_000)
    tab.assert_no_csp_violation("csp-6-preview")
