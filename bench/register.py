"""The register on the trainer's tablet (`make bench`, step 8; `--only register` alone).

Two cohorts of the demo's module, of 12 and of 30 trainees, each with a session day today,
taught by the demo's Rabat trainer; for each: the register page (GET) and one mark sent by the
outbox (one event, POST JSON), measured as ``run.timed`` measures the trainee's requests:
server CPU per request and the SQL queries of the last one. The checks: both under their
budget, and the same number of queries for 12 and for 30 trainees (the page and a mark must
not cost more with a bigger class).

The cohorts, trainees and days are made through the project's services in the bench's
throwaway database (idempotent, for --workdir); the trainer's session is made there too, as
allauth leaves it after the two-factor sign-in (a TOTP authenticator is set, so that the MFA
middleware lets the trainer through as it would in production). Only 127.0.0.1 is contacted.
"""

import json
import subprocess
import sys
import time
import uuid

from common import ROOT, BenchError, Browser, Check, Server, say, table

SIZES = (12, 30)
COHORT_NAME = "Banc d'essai — Registre de {size}"
TRAINER = "trainer.rabat@example.org"
# Measured on 2 CPUs under a load average of 15 to 20 (other work on the machine): the page
# 27-35 ms, a mark 17-26 ms. Budgets with that room; the queries are the steadier gauge.
TARGET_PAGE_CPU_MS = 45.0
TARGET_PAGE_QUERIES = 20
TARGET_MARK_CPU_MS = 30.0
TARGET_MARK_QUERIES = 25
# 2.5 times the trainees: the page renders more rows, but neither request may cost
# anywhere near 2.5 times as much (measured 1.2x for the page, 1.05x for a mark).
MAX_GROWTH = 1.5

SETUP_SCRIPT = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import base_user, get_user_model, hashers, models as auth_models
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from allauth.mfa.models import Authenticator
from cohorts import services
from cohorts.models import Cohort, SessionDay

sizes, name, trainer_email = {sizes!r}, {name!r}, {trainer!r}
trainer = get_user_model().objects.get(email=trainer_email)
demo = Cohort.objects.filter(trainers=trainer).order_by("pk").first()
hashed = hashers.make_password("2468")
def same_hash(raw_password, *args, **kwargs):
    return hashed
base_user.make_password = auth_models.make_password = same_hash
Authenticator.objects.get_or_create(
    user=trainer, type=Authenticator.Type.TOTP, defaults={{"data": {{"secret": "BENCH"}}}}
)
found = {{}}
for size in sizes:
    cohort = Cohort.objects.filter(name=name.format(size=size)).first() or services.create_cohort(
        by=trainer, trainers=[trainer], name=name.format(size=size), module=demo.module,
        orientation_point=demo.orientation_point, modality=demo.modality,
        start_date=timezone.localdate(), end_date=timezone.localdate(), capacity=size,
        status=demo.status,
    )
    for n in range(cohort.enrolments.count() + 1, size + 1):
        services.create_trainee(
            by=trainer, cohort=cohort, display_name=f"Registre {{size}}-{{n}}", sex="FM"[n % 2],
            birth_year=1980 + n % 25, nationality="ml", pin="2468",
            consents={{"data_processing": True}},
        )
    day, _ = SessionDay.objects.get_or_create(cohort=cohort, date=timezone.localdate())
    found[size] = [cohort.pk, day.pk, list(cohort.enrolments.values_list("pk", flat=True))]
session = SessionStore()
session[SESSION_KEY] = str(trainer.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = trainer.get_session_auth_hash()
session.create()
print(json.dumps({{"session": session.session_key, "cohorts": found}}))
"""


def setup(env: dict[str, str]) -> dict:
    script = SETUP_SCRIPT.format(sizes=SIZES, name=COHORT_NAME, trainer=TRAINER)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise BenchError(f"the register's cohorts could not be made:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench(server: Server, count: int, timed) -> tuple[list, list[Check]]:
    """``timed``: run.timed (passed in: run.py imports this module)."""
    started = time.monotonic()
    made = setup(server.env)
    say(
        f"  cohorts of {' and '.join(map(str, SIZES))} trainees ready in "
        f"{time.monotonic() - started:.0f} s"
    )
    tablet = Browser(server.port)
    tablet.cookies["sessionid"] = made["session"]
    tablet.get("/admin/")  # the CSRF cookie
    results = {}
    statuses = ["present", "late", "excused", "absent"]
    for size in SIZES:
        cohort, day, enrolments = made["cohorts"][str(size)]
        page = f"/admin/cohorts/{cohort}/register/"
        events = f"/admin/cohorts/{cohort}/register/events/?day={day}"

        def mark(n, events=events, enrolments=enrolments):
            return tablet.post_json(
                events,
                {
                    "events": [
                        {
                            "id": str(uuid.uuid4()),
                            "enrolment": enrolments[n % len(enrolments)],
                            "status": statuses[n % len(statuses)],
                            "at": int(time.time() * 1000),
                        }
                    ]
                },
            )

        results[size] = (
            timed(
                server,
                f"register page, {size} trainees",
                page,
                count,
                lambda n, p=page: tablet.get(p),
            ),
            timed(server, f"one mark, {size} trainees", events, count, mark),
        )
    rows = [r for pair in results.values() for r in pair]
    say(
        table(
            ["request", "path", "calls", "statuses", "server CPU/req", "SQL queries"],
            [
                [
                    r.name,
                    r.path,
                    r.requests,
                    ",".join(map(str, sorted(r.statuses))),
                    f"{r.cpu_ms:.2f} ms",
                    r.queries,
                ]
                for r in rows
            ],
        )
    )
    (small_page, small_mark), (big_page, big_mark) = results[SIZES[0]], results[SIZES[1]]
    page_growth = big_page.cpu_ms / max(small_page.cpu_ms, 0.01)
    mark_growth = big_mark.cpu_ms / max(small_mark.cpu_ms, 0.01)
    checks = [
        Check(
            f"register page ({SIZES[1]} trainees): server CPU",
            f"{big_page.cpu_ms:.2f} ms ({SIZES[0]}: {small_page.cpu_ms:.2f})",
            f"<= {TARGET_PAGE_CPU_MS} ms",
            big_page.cpu_ms <= TARGET_PAGE_CPU_MS,
        ),
        Check(
            "register page: SQL queries, 12 vs 30 trainees",
            f"{small_page.queries} vs {big_page.queries}",
            f"equal, <= {TARGET_PAGE_QUERIES}",
            small_page.queries == big_page.queries and 0 <= big_page.queries <= TARGET_PAGE_QUERIES,
        ),
        Check(
            f"one mark ({SIZES[1]} trainees): server CPU",
            f"{big_mark.cpu_ms:.2f} ms ({SIZES[0]}: {small_mark.cpu_ms:.2f})",
            f"<= {TARGET_MARK_CPU_MS} ms",
            big_mark.cpu_ms <= TARGET_MARK_CPU_MS,
        ),
        Check(
            "one mark: SQL queries, 12 vs 30 trainees",
            f"{small_mark.queries} vs {big_mark.queries}",
            f"equal, <= {TARGET_MARK_QUERIES}",
            small_mark.queries == big_mark.queries and 0 <= big_mark.queries <= TARGET_MARK_QUERIES,
        ),
        Check(
            f"server CPU, {SIZES[1]} vs {SIZES[0]} trainees (page, mark)",
            f"{page_growth:.2f}x, {mark_growth:.2f}x",
            f"<= {MAX_GROWTH}x",
            page_growth <= MAX_GROWTH and mark_growth <= MAX_GROWTH,
        ),
        Check(
            "errors (register requests)",
            ",".join(str(s) for r in rows for s in r.statuses if s != 200) or "0",
            "0",
            all(r.statuses == {200} for r in rows),
        ),
    ]
    return rows, checks
