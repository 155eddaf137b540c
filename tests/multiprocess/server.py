"""A production-like server for tests that need several processes: gunicorn with 4 sync
workers, DEBUG off, no Redis, on a free 127.0.0.1 port, against a SQLite file of its own.

pytest-django's test database is held in a transaction the server's processes cannot see, so
the server gets a copy of it taken once the demo content is committed (migrations and the
public site). The cache is the default without Redis: a folder of files shared by the
workers. Tests change the server's data through `manage.py shell` in a subprocess
(`Server.django(...)`), the way an editor's change reaches every worker: through the database
and the shared cache only.

Each request carries a probe header that gunicorn's access log writes beside the worker's pid,
so a test can say which worker answered what. Only 127.0.0.1 is ever contacted.
"""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
WORKERS = 4
START_SECONDS = 90
REQUEST_SECONDS = 20
PROBE_HEADER = "X-Test-Probe"


class ServerError(RuntimeError):
    pass


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (the machine is shared)."""
    for _ in range(20):
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            port = probe.getsockname()[1]
        with socket.socket() as check:
            if check.connect_ex((HOST, port)) != 0:
                return port
    raise ServerError("no free port on 127.0.0.1")


def copy_sqlite(source: str, target: Path) -> None:
    """A consistent copy of a SQLite database (its WAL included), through SQLite's backup."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def production_env(workdir: Path, database: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "Q_SYNC", "SITE_BASE_URL"}
    }
    env.update(
        DEBUG="false",
        SECRET_KEY="multiprocess-tests-only",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SQLITE_PATH=str(database),
        MEDIA_ROOT=str(workdir / "media"),
        CACHE_DIR=str(workdir / "cache"),  # the default without Redis: files, one folder
        CACHE_PREFIX=f"foras-mp-{uuid.uuid4().hex[:8]}",
        # Plain HTTP on 127.0.0.1: cookies without the Secure flag, no redirect to HTTPS.
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        MFA_REQUIRED_FOR_STAFF="false",
        PYTHONUNBUFFERED="1",
    )
    return env


class Server:
    """gunicorn lms.wsgi with WORKERS sync workers; `with Server(...) as server:`."""

    def __init__(self, workdir: Path, database: Path):
        self.workdir = workdir
        self.database = database
        self.env = production_env(workdir, database)
        self.log = workdir / "gunicorn.log"
        self.access_log = workdir / "access.log"
        self.process: subprocess.Popen | None = None
        self.port = 0

    # --- life cycle ---------------------------------------------------------------------
    def __enter__(self) -> "Server":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        import gunicorn.config

        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "lms.wsgi",
            f"--bind={HOST}:{self.port}",
            f"--workers={WORKERS}",
            "--worker-class=sync",
            "--config=python:tests.multiprocess.gunicorn_conf",
            "--graceful-timeout=3",
            "--timeout=60",
            "--log-level=warning",
            f"--access-logfile={self.access_log}",
            f'--access-logformat=%(p)s %({{{PROBE_HEADER.lower()}}}i)s %(s)s "%(r)s"',
        ]
        if any(s.name == "control_socket_disable" for s in gunicorn.config.KNOWN_SETTINGS):
            command.append("--no-control-socket")
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"gunicorn stopped at start:\n{self.log_tail()}")
            try:
                if requests.get(self.url("/healthz"), timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise ServerError(f"gunicorn did not answer within {START_SECONDS} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def log_tail(self) -> str:
        return self.log.read_text()[-3000:] if self.log.exists() else "(no log)"

    # --- requests -----------------------------------------------------------------------
    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def visitor(self, language: str = "fr") -> "Visitor":
        """A new anonymous visitor: a browser of their own, with its own cookies."""
        return Visitor(self, language)

    def answered_by(self, probes: list[str]) -> dict[str, str]:
        """Which worker pid answered each probe (from gunicorn's access log)."""
        wanted = set(probes)
        found = {}
        for line in self.access_log.read_text().splitlines():
            pid, probe, *_ = line.split(" ", 2)
            if probe in wanted:
                found[probe] = pid
        return found

    def in_parallel(self, count: int, fetch) -> list:
        """``count`` calls of ``fetch(index)`` from WORKERS threads: several workers answer."""
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return list(pool.map(fetch, range(count)))

    # --- the server's data ----------------------------------------------------------------
    def django(self, code: str) -> str:
        """Run Python in `manage.py shell` against the server's database; its output."""
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", textwrap.dedent(code)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise ServerError(f"manage.py shell failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def clear_cache(self) -> None:
        """Empty the shared cache (pages and sign-in limits), as a restart of Redis would."""
        for entry in (self.workdir / "cache").glob("*.djcache"):
            entry.unlink(missing_ok=True)


class Visitor:
    """One browser: its cookies, its language; every request tagged with a probe."""

    def __init__(self, server: Server, language: str):
        self.server = server
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = language
        self.probes: list[str] = []

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, headers=None, **kwargs) -> requests.Response:
        token = self.session.cookies.get("csrftoken", "")
        headers = {"Referer": self.server.url(path), "X-CSRFToken": token, **(headers or {})}
        return self.request(
            "POST", path, data={"csrfmiddlewaretoken": token, **data}, headers=headers, **kwargs
        )

    def request(self, method: str, path: str, headers=None, **kwargs) -> requests.Response:
        probe = uuid.uuid4().hex
        self.probes.append(probe)
        response = self.session.request(
            method,
            self.server.url(path),
            headers={PROBE_HEADER: probe, **(headers or {})},
            allow_redirects=False,
            timeout=REQUEST_SECONDS,
            **kwargs,
        )
        response.probe = probe
        return response


def form_action(html: str) -> str:
    """The action of the (first) form of a page."""
    match = re.search(r'<form[^>]*action="([^"]+)"', html)
    if not match:
        raise AssertionError("no form with an action on the page")
    return match.group(1).replace("&amp;", "&")
