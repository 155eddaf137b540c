"""`make bench`: what a guide costs a reader on a cheap phone, and the server that sends it.

1. Prepares a throwaway SQLite database (migrate, seed_demo --allow-production: the content
   only) and collectstatic, with the production settings (DEBUG off).
2. Starts gunicorn (2 gthread workers) on a free 127.0.0.1 port and waits for /healthz.
3. First visit of a guide at 360 px in Debian's chromium with an empty cache: requests and
   bytes transferred by resource type, against the budgets (HTML <= 30 KB, total <= 100 KB,
   <= 10 requests). A budget that fails makes the script exit with status 1.
4. Largest contentful paint on an emulated slow 3G line with a 4x slower CPU, median of 3
   (advisory: timings move with the machine's load; --gate-lcp makes it a budget too).
5. A bounded load (a fixed number of requests, a few threads, a time cap) on the guide and on
   /healthz: requests/s, latency percentiles, errors, server CPU time per request.
6. Stops gunicorn and removes the temporary folder, whatever happened.

Only 127.0.0.1 is ever contacted. Run it with `make bench` or `.venv/bin/python bench/run.py`.
"""

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
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
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "screen": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "fr-FR",
}
GUIDE = "/fr/guides/mali/"
HOST = "127.0.0.1"

KB = 1000  # budgets are in kilobytes of 1,000 bytes (the stricter reading)
BUDGET_HTML = 30 * KB
BUDGET_TOTAL = 100 * KB
BUDGET_REQUESTS = 10
BUDGET_LCP_MS = 1800

# "Regular 3G" as the issue defines it, applied by Chromium to every request.
SLOW_3G = {
    "offline": False,
    "latency": 300,  # ms added to each request
    "downloadThroughput": 750_000 / 8,  # bytes/s
    "uploadThroughput": 250_000 / 8,
}
CPU_SLOWDOWN = 4
RESOURCE_TYPES = ["document", "stylesheet", "script", "font", "image", "other"]


def say(message: str = "") -> None:
    print(message, flush=True)


def load_average() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def kb(size: float) -> str:
    return f"{size / KB:.1f} KB"


# --- 1. Preparation --------------------------------------------------------------------------


def bench_environment(workdir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # The bench always uses its own SQLite file, never a configured database.
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings",
        DEBUG="false",
        SECRET_KEY="bench-only",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SQLITE_PATH=str(workdir / "bench.sqlite3"),
        MEDIA_ROOT=str(workdir / "media"),
        # The cached pages of a shared Redis (when REDIS_URL is set) stay apart from others'.
        CACHE_PREFIX=f"foras-bench-{uuid.uuid4().hex[:8]}",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(*args: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_for(process: subprocess.Popen, name: str, log: Path) -> None:
    if process.wait() != 0:
        raise BenchError(f"{name} failed (exit {process.returncode}):\n{log.read_text()[-3000:]}")


def prepare(env: dict[str, str], workdir: Path) -> None:
    started = time.monotonic()
    # collectstatic needs no database: it runs while the database is being prepared.
    static_log = workdir / "collectstatic.log"
    static = manage("collectstatic", "--no-input", "-v0", env=env, log=static_log)
    try:
        migrate_log = workdir / "migrate.log"
        wait_for(
            manage("migrate", "--no-input", "-v0", env=env, log=migrate_log), "migrate", migrate_log
        )
        seed_log = workdir / "seed.log"
        # DEBUG is off here, as in production: the demo loader then loads the content (the
        # guides measured below) and never the demo accounts.
        wait_for(
            manage("seed_demo", "--allow-production", env=env, log=seed_log), "seed_demo", seed_log
        )
        wait_for(static, "collectstatic", static_log)
    finally:
        if static.poll() is None:
            static.terminate()
            static.wait(10)
    say(f"  database, demo content and static files ready in {time.monotonic() - started:.0f} s")


# --- 2. The server ---------------------------------------------------------------------------


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (the machine is shared)."""
    for _ in range(20):
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        with socket.socket() as check:
            if check.connect_ex((HOST, port)) != 0:
                return port
    raise BenchError("no free port found on 127.0.0.1")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process, from /proc/<pid>/stat."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    # After the command name: state is field 3, utime field 14 and stime field 15.
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def children_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            children.append(int(entry.name))
    return children


@dataclass
class Server:
    """gunicorn serving lms.wsgi on 127.0.0.1, started and stopped by the bench only."""

    env: dict[str, str]
    workdir: Path
    workers: int = 2
    threads: int = 4
    port: int = 0
    process: subprocess.Popen | None = None
    worker_pids: list[int] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def log(self) -> Path:
        return self.workdir / "gunicorn.log"

    def start(self) -> None:
        import gunicorn.config

        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "lms.wsgi",
            f"--bind={HOST}:{self.port}",
            f"--workers={self.workers}",
            "--worker-class=gthread",
            f"--threads={self.threads}",
            "--graceful-timeout=5",
            "--log-level=warning",
        ]
        if any(s.name == "control_socket_disable" for s in gunicorn.config.KNOWN_SETTINGS):
            # Recent gunicorn opens a control socket in ~/.gunicorn otherwise, shared by all.
            command.append("--no-control-socket")
        with self.log.open("w") as log:  # gunicorn's and Django's messages (404s, errors)
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped at start:\n{self.log_tail()}")
            try:
                status, _ = get(self.port, "/healthz")
            except OSError:
                status = None
            if status == 200:
                self.worker_pids = children_of(self.process.pid)
                return
            time.sleep(0.3)
        raise BenchError(f"gunicorn did not answer /healthz within 60 s:\n{self.log_tail()}")

    def log_tail(self) -> str:
        return self.log.read_text()[-3000:] if self.log.exists() else "(no log)"

    def cpu_seconds(self) -> float:
        if self.process is None:
            return 0.0
        pids = [self.process.pid, *children_of(self.process.pid)]
        return sum(cpu_seconds(pid) for pid in pids)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        workers = children_of(self.process.pid)
        self.process.send_signal(signal.SIGTERM)  # gunicorn stops its workers gracefully
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
            for pid in workers:  # orphaned workers of ours, still running gunicorn
                try:
                    if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():
                        os.kill(pid, signal.SIGKILL)
                except (FileNotFoundError, ProcessLookupError):
                    pass


def get(port: int, path: str, connection: http.client.HTTPConnection | None = None):
    """(status, body) of a GET on 127.0.0.1, compressed as a browser would ask for."""
    conn = connection or http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if connection is None:
            conn.close()


def warm_up(server: Server, path: str) -> None:
    """Concurrent requests, so that every worker has rendered and cached ``path``."""
    threads = [
        threading.Thread(target=get, args=(server.port, path)) for _ in range(4 * server.workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def render_times(server: Server, path: str, count: int = 5) -> list[float]:
    """Milliseconds to answer ``path`` without the page cache (an unknown query parameter
    makes the page uncacheable): what the first reader after a publish waits for."""
    times = []
    for n in range(count):
        started = time.perf_counter()
        status, _ = get(server.port, f"{path}?bench-render={n}")
        if status != 200:
            raise BenchError(f"{path} answered {status}")
        times.append((time.perf_counter() - started) * 1000)
    return times


# --- 3 and 4. In the browser ------------------------------------------------------------------


@dataclass
class Resource:
    url: str
    kind: str
    status: int = 0
    transferred: int = 0  # bytes on the wire, headers included (DevTools' "transferred")
    body: int = 0  # the (compressed) body: Content-Length
    encoding: str = ""


def resource_kind(cdp_type: str) -> str:
    kind = cdp_type.lower()
    return kind if kind in RESOURCE_TYPES else "other"


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def first_visit(browser, url: str) -> list[Resource]:
    """Every response of a first visit (empty cache) to ``url`` on a 360 px phone."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        resources: dict[str, Resource] = {}

        def on_response(event):
            response = event["response"]
            if response["url"].startswith("data:"):
                return
            headers = {name.lower(): value for name, value in response["headers"].items()}
            resources[event["requestId"]] = Resource(
                url=response["url"],
                kind=resource_kind(event.get("type", "Other")),
                status=response["status"],
                body=int(headers.get("content-length", 0) or 0),
                encoding=headers.get("content-encoding", ""),
            )

        def on_finished(event):
            if event["requestId"] in resources:
                resources[event["requestId"]].transferred = int(event["encodedDataLength"])

        cdp.on("Network.responseReceived", on_response)
        cdp.on("Network.loadingFinished", on_finished)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        page.goto(url, wait_until="networkidle")
        return list(resources.values())
    finally:
        context.close()


LCP_SCRIPT = """() => new Promise(resolve => {
  let last = null;
  new PerformanceObserver(list => { for (const entry of list.getEntries()) last = entry; })
    .observe({type: "largest-contentful-paint", buffered: true});
  setTimeout(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    resolve({
      lcp: last ? last.startTime : null,
      element: last && last.element ? last.element.tagName.toLowerCase() : null,
      fcp: fcp ? fcp.startTime : null,
    });
  }, 300);
})"""


def largest_contentful_paint(browser, url: str) -> dict:
    """One cold visit of ``url`` on an emulated slow 3G line with a 4x slower CPU."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load", timeout=60_000)
        return page.evaluate(LCP_SCRIPT)
    finally:
        context.close()


# --- 5. Load ---------------------------------------------------------------------------------


@dataclass
class LoadResult:
    path: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    server_cpu_s: float
    client_cpu_s: float
    load_before: str
    load_after: str
    capped: bool

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else 0.0
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_s / self.requests if self.requests else 0.0


def load(server: Server, path: str, total: int, concurrency: int, cap_s: float) -> LoadResult:
    """``total`` GETs of ``path`` from ``concurrency`` threads, stopped after ``cap_s`` seconds.

    Each thread keeps its connection open (as a browser would) and opens a new one if the
    server closed it.
    """
    lock = threading.Lock()
    issued = 0
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + cap_s

    def worker():
        nonlocal issued, errors
        connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
        while True:
            with lock:
                if issued >= total or time.monotonic() > deadline:
                    break
                issued += 1
            started = time.perf_counter()
            try:
                status, _ = get(server.port, path, connection)
                ok = status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                errors += not ok
        connection.close()

    load_before = load_average()
    cpu_before = server.cpu_seconds()
    client_before = time.process_time()
    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return LoadResult(
        path=path,
        requests=len(latencies),
        errors=errors,
        seconds=seconds,
        latencies_ms=latencies,
        server_cpu_s=server.cpu_seconds() - cpu_before,
        client_cpu_s=time.process_time() - client_before,
        load_before=load_before,
        load_after=load_average(),
        capped=len(latencies) < total,
    )


# --- Report ----------------------------------------------------------------------------------


class BenchError(Exception):
    pass


@dataclass
class Check:
    name: str
    value: str
    budget: str
    passed: bool
    gating: bool = True

    @property
    def verdict(self) -> str:
        if self.passed:
            return "PASS"
        return "FAIL" if self.gating else "over (advisory)"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    for row in rows:
        lines.append(
            "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        )
    return "\n".join("  " + line for line in lines)


def weight_report(resources: list[Resource]) -> list[Check]:
    say(
        table(
            ["type", "status", "transferred", "body", "encoding", "url"],
            [
                [r.kind, r.status, r.transferred, r.body, r.encoding or "-", r.url]
                for r in resources
            ],
        )
    )
    say()
    by_kind = {kind: [r for r in resources if r.kind == kind] for kind in RESOURCE_TYPES}
    rows = [
        [kind, len(items), kb(sum(r.transferred for r in items))] for kind, items in by_kind.items()
    ]
    total = sum(r.transferred for r in resources)
    rows.append(["total", len(resources), kb(total)])
    say(table(["resource type", "requests", "transferred"], rows))
    html = sum(r.transferred for r in by_kind["document"])
    foreign = [r.url for r in resources if not r.url.startswith(("http://127.0.0.1", "data:"))]
    checks = [
        Check("HTML (first visit)", kb(html), f"<= {kb(BUDGET_HTML)}", html <= BUDGET_HTML),
        Check("total (first visit)", kb(total), f"<= {kb(BUDGET_TOTAL)}", total <= BUDGET_TOTAL),
        Check(
            "requests (first visit)",
            str(len(resources)),
            f"<= {BUDGET_REQUESTS}",
            len(resources) <= BUDGET_REQUESTS,
        ),
        Check("requests to other hosts", str(len(foreign)), "0", not foreign),
    ]
    failed = [r for r in resources if r.status >= 400]
    if failed:
        say(f"  note: {len(failed)} response(s) with an error status: {[r.url for r in failed]}")
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per load run")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--cap", type=float, default=40, help="seconds at most per load run")
    parser.add_argument("--lcp-runs", type=int, default=3)
    parser.add_argument("--gate-lcp", action="store_true", help="fail when LCP is over budget")
    options = parser.parse_args()

    if not CHROMIUM.exists():
        say(f"make bench needs Debian's chromium at {CHROMIUM} (apt install chromium).")
        return 2
    from playwright.sync_api import sync_playwright

    began = time.monotonic()
    say(f"Foras bench — load average {load_average()} on {os.cpu_count()} CPU(s)")
    workdir = Path(tempfile.mkdtemp(prefix="foras-bench-"))
    env = bench_environment(workdir)
    server = Server(env, workdir)
    checks: list[Check] = []
    loads: list[LoadResult] = []
    lcp_ms = None
    try:
        say("\n1. Throwaway database (SQLite), migrate, seed_demo, collectstatic, DEBUG off")
        prepare(env, workdir)

        say("\n2. gunicorn lms.wsgi")
        server.start()
        cache = (
            "Redis (REDIS_URL)"
            if env.get("REDIS_URL")
            else "files (CACHE_DIR), shared by the workers"
        )
        say(
            f"  {server.base_url}: {server.workers} gthread workers x {server.threads} threads "
            f"(pids {server.process.pid}, {server.worker_pids}), page cache: {cache}"
        )
        rendered = render_times(server, GUIDE)
        say(
            f"  {GUIDE} rendered without the page cache: median "
            f"{statistics.median(rendered):.0f} ms over {len(rendered)} requests"
        )
        warm_up(server, GUIDE)

        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                say(f"\n3. First visit of {GUIDE} at 360 px, empty cache (chromium)")
                checks += weight_report(first_visit(browser, server.base_url + GUIDE))

                if options.lcp_runs:
                    say(
                        f"\n4. Largest contentful paint, {SLOW_3G['latency']} ms latency, "
                        f"{SLOW_3G['downloadThroughput'] * 8 / 1000:.0f} kbit/s down, "
                        f"CPU {CPU_SLOWDOWN}x slower, cold cache"
                    )
                    runs = []
                    for run in range(options.lcp_runs):
                        result = largest_contentful_paint(browser, server.base_url + GUIDE)
                        runs.append(result)
                        fcp = f"{result['fcp']:.0f} ms" if result["fcp"] is not None else "-"
                        lcp = f"{result['lcp']:.0f} ms" if result["lcp"] is not None else "-"
                        say(f"  run {run + 1}: FCP {fcp}, LCP {lcp} (<{result['element']}>)")
                    values = [r["lcp"] for r in runs if r["lcp"] is not None]
                    if values:
                        lcp_ms = statistics.median(values)
                        checks.append(
                            Check(
                                f"LCP, median of {len(values)} (slow 3G, CPU/{CPU_SLOWDOWN})",
                                f"{lcp_ms:.0f} ms",
                                f"<= {BUDGET_LCP_MS} ms",
                                lcp_ms <= BUDGET_LCP_MS,
                                gating=options.gate_lcp,
                            )
                        )
            finally:
                browser.close()

        say(
            f"\n5. Load: {options.requests} requests per path, {options.concurrency} threads, "
            f"at most {options.cap:.0f} s each (Python client on this same machine)"
        )
        for path in (GUIDE, "/healthz"):
            warm_up(server, path)
            result = load(server, path, options.requests, options.concurrency, options.cap)
            loads.append(result)
            say(
                f"  {path}: {result.requests} requests in {result.seconds:.1f} s"
                f"{' (time cap reached)' if result.capped else ''}, {result.errors} errors"
            )
        say()
        say(
            table(
                ["path", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "server CPU/req"],
                [
                    [
                        r.path,
                        f"{r.rate:.0f}",
                        f"{r.percentile(50):.1f}",
                        f"{r.percentile(95):.1f}",
                        f"{r.percentile(99):.1f}",
                        r.errors,
                        f"{r.cpu_ms_per_request:.2f} ms",
                    ]
                    for r in loads
                ],
            )
        )
        for r in loads:
            say(
                f"  {r.path}: client used {r.client_cpu_s:.1f} s CPU, "
                f"server {r.server_cpu_s:.1f} s; "
                f"load average {r.load_before} before, {r.load_after} after"
            )
            checks.append(Check(f"errors under load ({r.path})", str(r.errors), "0", not r.errors))
    except BenchError as error:
        say(f"\nBench failed: {error}")
        return 2
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    say(f"\nSummary (load average {load_average()}, {time.monotonic() - began:.0f} s in all)")
    say(
        table(
            ["check", "measured", "budget", "result"],
            [[c.name, c.value, c.budget, c.verdict] for c in checks],
        )
    )
    failed = [c for c in checks if not c.passed and c.gating]
    say(f"\n{'FAIL' if failed else 'PASS'}: {len(checks) - len(failed)}/{len(checks)} checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
