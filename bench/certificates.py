"""Step 6d of `make bench`: a 30-trainee cohort's attestations issued in the background.

A finished cohort whose trainees all meet the rule is made through the services
(bench/certificates_cohort.py); django-q2's qcluster (Q_WORKERS workers, the ORM broker on
the bench's SQLite file) is started; the bulk issue is requested, and the clock runs until
every attestation has its PDF stored. The worker processes' resident memory is sampled
every 0.1 s (the peak is reported). The bulk issue is then requested a second time: no
certificate may be added. `--only certificates` runs this step alone.
"""

import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from common import ROOT, BenchError, Check, children_of, cpu_seconds, manage, say

SIZE = 30
BUDGET_SECONDS = 30
TIMEOUT_SECONDS = 240


def _python(code: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode:
        raise BenchError(result.stderr[-2000:])
    return result.stdout.strip().splitlines()[-1]


_REQUEST = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
django.setup()
from certificates.services import request_bulk_issue
from cohorts.models import Cohort
print(request_bulk_issue(by=None, cohort=Cohort.objects.get(pk={cohort})).pk)
"""


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for child in children_of(pid):
        pids += _tree(child)
    return pids


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


@dataclass
class BulkResult:
    seconds: float
    certificates: int
    pdfs: int
    peak_worker_mib: float
    cpu_per_certificate: float
    after_second_request: int


def _state(database: Path, cohort: int, bulk: int) -> tuple[bool, int, int]:
    with sqlite3.connect(database, timeout=20) as connection:
        finished = connection.execute(
            "SELECT finished_at IS NOT NULL FROM certificates_bulkissue WHERE id = ?", (bulk,)
        ).fetchone()[0]
        certificates, pdfs = connection.execute(
            "SELECT count(*), sum(c.pdf != '') FROM certificates_certificate c "
            "JOIN cohorts_enrolment e ON e.id = c.enrolment_id WHERE e.cohort_id = ?",
            (cohort,),
        ).fetchone()
    return bool(finished), certificates, pdfs or 0


def run(env: dict[str, str], workdir: Path, workers: int = 2) -> tuple[BulkResult, list[Check]]:
    say(f"\n6d. Bulk issue of a {SIZE}-trainee cohort's attestations ({workers} workers)")
    database = Path(env["SQLITE_PATH"])
    say("  making the cohort through the services (not measured)")
    cohort = int(
        _python(
            f"import runpy, sys; sys.argv = ['x', '{SIZE}']; "
            "runpy.run_path('bench/certificates_cohort.py', run_name='__main__')",
            env,
        )
    )
    worker_env = {**env, "Q_WORKERS": str(workers)}
    worker_env.pop("Q_SYNC", None)
    log = workdir / "qcluster.log"
    cluster = manage("qcluster", env=worker_env, log=log)
    try:
        time.sleep(3)  # the cluster's workers start before the clock does
        cpu_before = sum(cpu_seconds(pid) for pid in _tree(cluster.pid))
        began = time.monotonic()
        bulk = int(_python(_REQUEST.format(cohort=cohort), env))
        peak = 0.0
        while True:
            # The largest process of the cluster: a worker rendering a PDF.
            peak = max(peak, max((_rss_mib(pid) for pid in _tree(cluster.pid)), default=0.0))
            finished, certificates, pdfs = _state(database, cohort, bulk)
            if finished and pdfs >= certificates:
                break
            if time.monotonic() - began > TIMEOUT_SECONDS:
                raise BenchError(f"bulk issue not done after {TIMEOUT_SECONDS} s (see {log})")
            time.sleep(0.1)
        seconds = time.monotonic() - began
        cpu = sum(cpu_seconds(pid) for pid in _tree(cluster.pid)) - cpu_before
        again = int(_python(_REQUEST.format(cohort=cohort), env))
        while not _state(database, cohort, again)[0]:
            time.sleep(0.2)
        after = _state(database, cohort, again)[1]
    finally:
        cluster.terminate()
        try:
            cluster.wait(15)
        except subprocess.TimeoutExpired:
            cluster.kill()
    result = BulkResult(seconds, certificates, pdfs, peak, cpu / max(certificates, 1), after)
    say(
        f"  {certificates} attestations with their PDFs in {seconds:.1f} s; "
        f"peak worker memory {peak:.0f} MiB; {result.cpu_per_certificate:.2f} s CPU per "
        f"certificate; requested again: {after} certificates"
    )
    checks = [
        Check(
            f"bulk issue, {SIZE} trainees (time)",
            f"{seconds:.1f} s",
            f"< {BUDGET_SECONDS} s",
            seconds < BUDGET_SECONDS and certificates == SIZE,
        ),
        Check(
            "bulk issue requested twice (duplicates)",
            str(after - certificates),
            "0",
            after == certificates,
        ),
        Check("bulk issue, worker peak memory", f"{peak:.0f} MiB", "reported", True, gating=False),
    ]
    return result, checks
