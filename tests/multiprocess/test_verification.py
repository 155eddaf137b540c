"""With 4 gunicorn workers and no Redis, a revocation made in one process (here
``manage.py shell``, as a coordinator's request in any worker would) shows as "revoked" in
every worker at once, on the page and in its JSON form; and the limit on wrong codes holds
across workers (it lives in the shared cache)."""

import pytest
from allauth.core.internal.ratelimit import parse_rates

from certificates import codes
from certificates.verification import MISS_RATE_LIMIT_ACTION, rate_limits
from tests.multiprocess.gunicorn_conf import HOLD_HEADER, RETIRE_HEADER
from tests.multiprocess.server import WORKERS

# django_db: the server's database is a copy of the test database (see conftest.py).
pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db]

HOLD_SECONDS = "0.4"  # WORKERS requests sent at once meet in WORKERS different workers
VISITS = 2 * WORKERS

ISSUE = """
from tests.certificates.issued import issue_attestation
print(issue_attestation().code)
"""

REVOKE = """
from certificates import services
from certificates.models import Certificate
services.revoke(by=None, certificate=Certificate.objects.get(code="{code}"), reason="withdrawn")
"""


def visits(server, path: str, count: int = VISITS) -> list:
    """``count`` anonymous visits of ``path``, WORKERS at a time, each held in its worker."""
    held = {HOLD_HEADER: HOLD_SECONDS}
    return server.in_parallel(count, lambda _: server.visitor().get(path, headers=held))


def workers(server, responses) -> set[str]:
    return set(server.answered_by([r.probe for r in responses]).values())


def test_a_revocation_shows_in_every_worker_at_once(server):
    code = server.django(ISSUE).split()[-1]
    page, data = f"/verify/{code}/", f"/verify/{code}.json"

    before = visits(server, page) + visits(server, data)
    assert [r.status_code for r in before] == [200] * (2 * VISITS)
    assert all("Attestation authentique" in r.text for r in before[:VISITS])
    assert all(r.json()["status"] == "valid" for r in before[VISITS:])
    assert len(workers(server, before)) == WORKERS, "every worker answered before"

    server.django(REVOKE.format(code=code))

    after_page, after_data = visits(server, page), visits(server, data)
    assert [r.status_code for r in after_page + after_data] == [200] * (2 * VISITS)
    assert all("Attestation révoquée" in r.text for r in after_page)
    assert not any("Attestation authentique" in r.text for r in after_page)
    assert [r.json()["status"] for r in after_data] == ["revoked"] * VISITS
    assert {r.json()["revocation_reason"] for r in after_data} == {"withdrawn"}
    assert all("no-store" in r.headers["Cache-Control"] for r in after_page + after_data)
    assert len(workers(server, after_page + after_data)) == WORKERS, "every worker answered"


def test_the_limit_on_wrong_codes_holds_across_workers(server):
    allowed = min(r.amount for r in parse_rates(rate_limits()[MISS_RATE_LIMIT_ACTION]))
    responses = []
    for n in range(allowed):
        # Half-way, the worker that answered retires: the rest are answered by others.
        headers = {RETIRE_HEADER: "1"} if n == allowed // 2 else {}
        responses.append(server.visitor().get(f"/verify/{codes.new_code()}/", headers=headers))
    one_more = server.visitor("en").get(f"/verify/{codes.new_code()}.json")

    assert [r.status_code for r in responses] == [404] * allowed
    assert one_more.status_code == 429
    assert one_more.json()["message"].startswith("Too many checks")
    assert len(workers(server, responses)) > 1, "the guesses were answered by several workers"
