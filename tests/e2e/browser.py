"""What every browser test shares: the chromium build, the screen sizes, and a tab that checks
each page it shows (layout at its width, accessibility, requests that stay on this machine)."""

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")

# No downloads, no lookups of Google's hosts at start-up: nothing may leave this machine.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

# A cheap phone and the programme's tablets, both held in portrait and used by touch.
SIZES = {
    "phone": {"width": 360, "height": 740},
    "tablet": {"width": 800, "height": 1280},
}
TOUCH_DEVICE = {
    "has_touch": True,
    "is_mobile": True,
    "device_scale_factor": 2,
    "locale": "fr-FR",
}

LOCAL_HOSTS = {"localhost", "127.0.0.1"}
# Requests that never reach a network.
LOCAL_SCHEMES = {"data", "blob", "about"}
BLOCKING_IMPACTS = {"serious", "critical"}

requires_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"Browser tests need Debian's chromium at {CHROMIUM} (apt install chromium).",
)

_axe = Axe()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


class Tab:
    """A browser tab on the live server at one screen size.

    ``check(step)`` is called on every page a test visits: it saves a screenshot, fails if the
    page is wider than the screen or if axe-core finds a serious or critical problem.
    """

    def __init__(self, page: Page, size: str, base_url: str, screenshots: Path):
        self.page = page
        self.size = size
        self.base_url = base_url
        self.screenshots = screenshots
        self.requests: list[str] = []
        self.failures: list[str] = []
        # What the browser refused under the Content-Security-Policy, on any page of the tab.
        self.csp_violations: list[str] = []
        page.on("console", self._record_csp_violation)
        page.context.on("request", lambda request: self.requests.append(request.url))
        page.context.on("response", self._record_failure)
        page.context.on("requestfailed", lambda request: self.failures.append(request.url))

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    # page.wait_for_function takes a Promise for a true value and returns at once: what the
    # browser answers through a Promise is awaited with page.evaluate instead.
    def wait_for_drafts(self) -> None:
        """Until the page's drafts are stored: encrypted first, they land a moment after a tap."""
        self.page.evaluate("() => window.OfflineQueue.kept()")

    def wait_for_worker(self) -> None:
        """Until the page's service worker is active: from the next load, pages go through it."""
        self.page.evaluate("async () => { await navigator.serviceWorker.ready; }")

    def wait_for_copy(self, cache: str, *, kept_since: int = 0, timeout: float = 10) -> None:
        """Until the service worker holds a copy of this page in ``cache``, kept (its
        X-Kept-At, in ms) at ``kept_since`` or later."""
        deadline = time.monotonic() + timeout
        while (
            self.page.evaluate(
                # As the worker looks (the copy varies on the cookie, which this request lacks).
                """async (name) => {
                const copy = await (await caches.open(name))
                    .match(window.location.href, { ignoreVary: true });
                return copy ? Number(copy.headers.get("X-Kept-At")) : -1;
            }""",
                cache,
            )
            < kept_since
        ):
            assert time.monotonic() < deadline, f"no copy of {self.page.url} in {cache}"
            self.page.wait_for_timeout(100)

    def reload_offline(self) -> None:
        """Reloads the page with the network down; it must come from the service worker's copy.

        Should it not, the failure says what the worker held, so that a rare failure on a busy
        machine can be understood from the CI log alone.
        """
        url = self.page.url
        try:
            self.page.reload()
        except PlaywrightError as error:
            held = [_what_the_worker_holds(worker) for worker in self.page.context.service_workers]
            raise AssertionError(
                f"{url} reloaded offline: {error}; service workers: {held}"
            ) from error

    def url(self, path: str) -> re.Pattern:
        """The full address of ``path`` on the live server, to compare with the page's."""
        return re.compile(re.escape(self.base_url + path) + r"(#.*)?$")

    def check(self, step: str, *, javascript: bool = True) -> None:
        """Screenshot, width and (when the page runs scripts) accessibility of this step.

        With JavaScript disabled ``page.evaluate`` never returns, so the sizes come from the
        DevTools protocol instead and axe-core cannot run.
        """
        page = self.page
        page.wait_for_load_state("load")
        self.screenshots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=self.screenshots / f"{self.size}-{step}.png", full_page=True)
        self.assert_fits_the_screen(step, javascript=javascript)
        self.assert_no_csp_violation(step)
        if javascript:
            self.assert_accessible(step)

    def assert_fits_the_screen(self, step: str, *, javascript: bool = True) -> None:
        if javascript:
            scroll_width, inner_width = self.page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
        else:
            cdp = self.page.context.new_cdp_session(self.page)
            metrics = cdp.send("Page.getLayoutMetrics")
            cdp.detach()
            scroll_width = metrics["cssContentSize"]["width"]
            inner_width = metrics["cssLayoutViewport"]["clientWidth"]
        screen = SIZES[self.size]["width"]
        assert scroll_width <= inner_width, (
            f"{step} ({self.page.url}) scrolls sideways at {self.size} size: "
            f"{scroll_width}px of content for a {inner_width}px window"
        )
        # A mobile browser zooms out on a page that is too wide, which widens the window too.
        assert inner_width == screen, (
            f"{step} ({self.page.url}) is shown {inner_width}px wide on a {screen}px screen"
        )

    def assert_accessible(self, step: str) -> None:
        # Colours are checked once they are final: Wagtail's messages fade in, and a colour
        # caught half-way fails the contrast rule.
        self.page.evaluate(
            """() => Promise.race([
                new Promise((done) => setTimeout(done, 1000)),
                Promise.all(document.getAnimations()
                    .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
                    .map((a) => a.finished.catch(() => null))),
            ])"""
        )
        results = _axe.run(self.page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            pytest.fail(
                f"axe-core: {len(blocking)} serious or critical problem(s) on {step} "
                f"({self.page.url}) at {self.size} size:\n{format_violations(blocking)}",
                pytrace=False,
            )

    def _record_csp_violation(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def assert_no_csp_violation(self, step: str) -> None:
        assert not self.csp_violations, (
            f"{step}: the Content-Security-Policy refused something:\n"
            + "\n".join(self.csp_violations)
        )

    def _record_failure(self, response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def assert_stayed_local(self) -> None:
        assert self.requests, "no request was recorded"
        assert not self.foreign_requests(), f"requests left this machine: {self.foreign_requests()}"

    def assert_network_clean(self) -> None:
        """Every request stayed on this machine and none failed (no 404 for a missing file)."""
        self.assert_stayed_local()
        assert not self.failures, f"requests failed: {self.failures}"


def format_violations(violations: list[dict]) -> str:
    """axe-core violations as readable text: rule, impact, help link and each failing node."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


# What a service worker keeps in its caches, and when each copy was kept.
_HELD = """async () => {
    const held = {};
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        held[name] = await Promise.all((await cache.keys()).map(
            async (r) => [r.url, (await cache.match(r)).headers.get("X-Kept-At")]
        ));
    }
    return {now: Date.now(), held};
}"""


def _what_the_worker_holds(worker) -> object:
    try:
        return {"url": worker.url, **worker.evaluate(_HELD)}
    except PlaywrightError as error:
        return {"url": worker.url, "error": str(error)}
