"""What every part of `make bench` shares: the throwaway database and its settings, the
gunicorn server (and its CPU time), a trainee's tablet as a script (one keep-alive
connection with a cookie jar), and the report's checks and tables.

Only 127.0.0.1 is ever contacted.
"""

import base64
import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
DEMO_PIN = "2468"  # every demo trainee's (lms/demo)


def say(message: str = "") -> None:
    print(message, flush=True)


def load_average() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


# --- The throwaway database ------------------------------------------------------------------


def bench_environment(workdir: Path, database_url: str = "") -> dict[str, str]:
    """The production settings on a throwaway database: its own SQLite file, or the
    PostgreSQL database ``database_url`` that the bench created (never a configured one)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on 127.0.0.1: no redirect to HTTPS, cookies sent without TLS, no HSTS.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        # Each answer says how many SQL queries it made (lms.middleware.QueryCountHeaderMiddleware).
        QUERY_COUNT_HEADER="true",
        SQLITE_PATH=str(workdir / "bench.sqlite3"),
        MEDIA_ROOT=str(workdir / "media"),
        # The cached pages of a shared Redis (when REDIS_URL is set) stay apart from others'.
        CACHE_PREFIX=f"foras-bench-{uuid.uuid4().hex[:8]}",
        # A throwaway signing key for the certificates' credentials, as production has one.
        CREDENTIAL_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
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


def prepare(env: dict[str, str], workdir: Path, static_files: bool = True) -> None:
    """migrate and seed_demo, and collectstatic unless ``static_files`` is False (a second
    database for the same static files)."""
    started = time.monotonic()
    # collectstatic needs no database: it runs while the database is being prepared.
    static_log = workdir / "collectstatic.log"
    static = (
        manage("collectstatic", "--no-input", "-v0", env=env, log=static_log)
        if static_files
        else None
    )
    try:
        migrate_log = workdir / "migrate.log"
        wait_for(
            manage("migrate", "--no-input", "-v0", env=env, log=migrate_log), "migrate", migrate_log
        )
        seed_log = workdir / "seed.log"
        # The demo loader refuses to create its demo accounts with DEBUG off; this throwaway
        # database needs them (trainees sign in to it), so it is seeded with DEBUG on; the
        # server then runs with DEBUG off.
        wait_for(
            manage("seed_demo", env={**env, "DEBUG": "true"}, log=seed_log), "seed_demo", seed_log
        )
        if static is not None:
            wait_for(static, "collectstatic", static_log)
    finally:
        if static is not None and static.poll() is None:
            static.terminate()
            static.wait(10)
    database = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    ready = "database, demo content and static files" if static_files else "database, demo content"
    say(f"  {database}: {ready} ready in {time.monotonic() - started:.0f} s")


# --- The server ------------------------------------------------------------------------------


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


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def queries(self) -> int:
        return int(self.headers.get("x-query-count", -1))

    @property
    def session_writes(self) -> int:
        return int(self.headers.get("x-session-writes", -1))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Browser:
    """One keep-alive connection with a cookie jar: a trainee's tablet, as a script."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=20)

    def request(self, method: str, path: str, body: bytes | None = None, headers=None) -> Answer:
        headers = {"Accept-Language": "fr", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers.setdefault("Origin", f"http://{HOST}:{self.port}")
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=20)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                key, _, val = cookie.partition("=")
                self.cookies[key.strip()] = val.strip()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data)

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post_form(self, path: str, fields: dict[str, str]) -> Answer:
        from urllib.parse import urlencode

        body = urlencode(fields).encode()
        return self.request(
            "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def post_json(self, path: str, payload) -> Answer:
        return self.request(
            "POST", path, json.dumps(payload).encode(), {"Content-Type": "application/json"}
        )


def found(pattern: str, text: str, what: str) -> str:
    match = re.search(pattern, text)
    if not match:
        raise BenchError(f"could not find {what} in the page")
    return match.group(1)


# --- Report --------------------------------------------------------------------------------


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
