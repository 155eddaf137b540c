"""A classroom of tablets autosaving their business plans (`make bench`, step 7).

Sixty trainees, each signed in on their own tablet (their own session), write their own
business plan; every tablet autosaves every 10 s (± 1 s, so that they do not beat in step),
each save changing one field of a realistic plan (the sixteen sections' texts, a few hundred
characters each, and the tables: three pieces of equipment, two lines of stock, two
pre-opening costs, the monthly costs, twelve seasonal factors, the funding). The run is
bounded: each tablet makes ``seconds / interval`` saves (360 in all by default) and the run
stops after ``seconds + 60`` s whatever happens.

Measured: latency of each save as the tablet waits for it (p50, p95, max), errors (any answer
but 200, or a failed connection), server CPU per save (the gunicorn master's and workers' CPU
time over the run, divided by the saves) and the SQL queries of each save (X-Query-Count).

The trainees are made for the bench in its throwaway database through the project's services
(cohorts.services.create_trainee in a cohort of the entrepreneurship module, "ec";
learning.exercise_services.get_or_start_document), then sign in with their PIN as a trainee
does. Only 127.0.0.1 is contacted.
"""

import contextlib
import http.client
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from common import DEMO_PIN, ROOT, BenchError, Browser, Server, load_average

TABLETS = 60
SECONDS = 60.0  # of simulated classroom time
INTERVAL = 10.0  # seconds between two autosaves of one tablet
JITTER = 1.0  # ± seconds around each autosave
TARGET_SAVE_CPU_MS = 5.0  # the issue's: server CPU per autosave of a business plan
COHORT_NAME = "Banc d'essai — Entrepreneuriat"
USERNAME_PREFIX = "banc"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

# Run by `manage.py shell -c` in the bench's environment; prints the tablets as JSON.
# Idempotent (a database kept with --workdir is used again).
SETUP_SCRIPT = """
import json
from django.contrib.auth import base_user, hashers, models as auth_models
from cohorts import services
from cohorts.models import Cohort, Enrolment
from learning.exercise_services import get_or_start_document

count, pin, name, prefix = {count}, {pin!r}, {name!r}, {prefix!r}
demo = Cohort.objects.filter(module__code="ec").order_by("pk").first()
if demo is None:
    raise SystemExit("no cohort of the entrepreneurship module (ec) in the demo")
trainer = demo.trainers.first()
# PBKDF2 costs about 0.6 s a hash here: the bench's trainees share one PIN, hashed once.
hashed = hashers.make_password(pin)
def same_hash(raw_password, *args, **kwargs):
    return hashed
base_user.make_password = auth_models.make_password = same_hash
cohort = Cohort.objects.filter(name=name).first() or services.create_cohort(
    by=trainer, trainers=[trainer], name=name, module=demo.module,
    orientation_point=demo.orientation_point, modality=demo.modality,
    start_date=demo.start_date, end_date=demo.end_date, capacity=count, status=demo.status,
)
if cohort.capacity < count:
    services.update_cohort(by=trainer, cohort=cohort, capacity=count)
tablets = []
for n in range(1, count + 1):
    username = f"{{prefix}}{{n:03d}}"
    enrolment = (
        Enrolment.objects.filter(cohort=cohort, trainee__user__username=username)
        .select_related("trainee").first()
    )
    if enrolment is None:
        trainee, _ = services.create_trainee(
            by=trainer, cohort=cohort, display_name=f"Tablette {{n}}", sex="FM"[n % 2],
            birth_year=1980 + n % 25, nationality="ml", username=username, pin=pin,
            consents={{"data_processing": True}},
        )
        enrolment = Enrolment.objects.select_related("trainee").get(trainee=trainee, cohort=cohort)
    document = get_or_start_document(enrolment.trainee, "plan", enrolment)
    tablets.append([username, enrolment.pk, document.version])
print(json.dumps(tablets))
"""


# --- The plan a tablet types ------------------------------------------------------------------

PRODUCTS = ["pain", "savon", "jus de bissap", "beignets", "yaourt", "attiéké"]
TEXTS = {
    "summary": (
        "Je veux ouvrir une petite boulangerie de quartier à Bamako, près du marché de Médina "
        "Coura. Je vends du pain, des croissants et des beignets le matin, aux familles et aux "
        "vendeurs du marché. J'ai appris le métier pendant quatre ans en France."
    ),
    "promoter": (
        "J'ai travaillé quatre ans comme aide-boulanger à Lyon, puis deux ans comme vendeur. "
        "Je sais faire le pain, tenir une caisse et commander la farine. Mon frère m'aidera le "
        "matin ; ma femme tiendra la vente l'après-midi."
    ),
    "idea": (
        "Du pain frais chaque matin à 6 h, moins cher que le supermarché et plus proche que la "
        "grande boulangerie du centre. Les clients sont les familles du quartier et les "
        "vendeurs du marché qui achètent pour revendre."
    ),
    "market": (
        "Le quartier compte environ 4 000 familles. Deux boulangeries sont à plus de 2 km ; "
        "les vendeuses de rue vendent du pain de la veille. J'estime vendre 300 baguettes par "
        "jour la première année, plus pendant le ramadan."
    ),
    "marketing": (
        "Produit : baguette, pain de mie, beignets. Prix : 250 FCFA la baguette. Place : une "
        "boutique sur la route du marché. Promotion : affiches, bouche-à-oreille, un beignet "
        "offert aux dix premiers clients chaque lundi."
    ),
    "operations": (
        "Boutique louée de 20 m² avec un four à gaz, un pétrin et des étagères. La farine "
        "vient des Grands Moulins du Mali, livrée chaque semaine ; le gaz est acheté au dépôt "
        "du quartier."
    ),
    "staff": "Moi-même à plein temps, mon frère le matin (payé 40 000 FCFA par mois).",
    "legal": (
        "Entreprise individuelle, inscrite au registre du commerce au guichet unique de "
        "l'APIM ; carte professionnelle ; contrat de bail écrit avec le propriétaire."
    ),
    "risks": (
        "Panne du four : un contrat d'entretien et une réserve de trois mois. Hausse du prix "
        "de la farine : deux fournisseurs. Concurrence : la qualité et l'heure d'ouverture."
    ),
    "actions": (
        "Mois 1 : bail et registre. Mois 2 : four et pétrin, premiers essais. Mois 3 : "
        "ouverture, affiches dans le quartier. Mois 6 : bilan avec le conseiller de l'OIM."
    ),
}


def amount(value: int) -> str:
    """As a trainee types it: "1 250 000"."""
    return f"{value:,}".replace(",", " ")


def plan_for(tablet: int) -> dict:
    """A complete business plan, a little different on each tablet."""
    scale = 1 + (tablet % 7) / 10
    return {
        "currency": "XOF",
        "texts": dict(TEXTS),
        "startup": {
            "equipment": [
                {
                    "label": "Four à gaz",
                    "amount": amount(int(900_000 * scale)),
                    "life_months": "60",
                },
                {"label": "Pétrin", "amount": amount(int(350_000 * scale)), "life_months": "48"},
                {"label": "Étagères et vitrine", "amount": amount(120_000), "life_months": "36"},
            ],
            "stock": [
                {"label": "Farine (10 sacs)", "amount": amount(175_000)},
                {"label": "Levure, sel, sucre", "amount": amount(30_000)},
            ],
            "pre_opening": [
                {"label": "Registre du commerce", "amount": amount(25_000)},
                {"label": "Caution du bail", "amount": amount(150_000)},
            ],
            "reserve_months": "3",
        },
        "monthly": {
            "rent": amount(50_000),
            "wages": amount(40_000),
            "drawings": amount(60_000),
            "utilities": amount(25_000),
            "phone_transport": amount(10_000),
            "loan_instalment": amount(0),
            "other": [{"label": "Entretien du four", "amount": amount(5_000)}],
        },
        "sales": {
            "product": PRODUCTS[tablet % len(PRODUCTS)],
            "price": "250",
            "variable_cost": "120",
            "units_per_month": amount(int(6_000 * scale)),
            "seasonal": ["1", "1", "1,2", "1,5", "1", "0,8", "0,8", "0,9", "1", "1", "1,1", "1,3"],
        },
        "funding": {
            "iom_in_kind": amount(1_000_000),
            "own": amount(200_000),
            "loan": amount(300_000),
        },
    }


def change(plan: dict, step: int) -> None:
    """What the trainee typed since the last autosave: one field, a different one each time
    (texts, table amounts, a seasonal factor), to a value it never had before."""
    kind = step % 4
    if kind == 0:
        key = list(TEXTS)[step // 4 % len(TEXTS)]
        plan["texts"][key] = f"{TEXTS[key]} Mis à jour ({step})."
    elif kind == 1:
        row = plan["startup"]["equipment"][step // 4 % 3]
        row["amount"] = amount(100_000 + 5_000 * step)
    elif kind == 2:
        plan["monthly"]["rent"] = amount(40_000 + 500 * step)
    else:
        month = step // 4 % 12
        plan["sales"]["seasonal"][month] = f"{1 + step % 9 / 10:.1f}".replace(".", ",")


# --- Tablets ----------------------------------------------------------------------------------


@dataclass
class Save:
    latency_ms: float
    status: int  # 0: no answer
    queries: int
    wrote: bool  # a new version was kept
    detail: str = ""  # the start of an answer other than 200


@dataclass
class Tablet:
    number: int
    username: str
    enrolment: int
    version: int
    browser: Browser | None = None
    plan: dict = field(default_factory=dict)
    step: int = 0

    @property
    def save_url(self) -> str:
        return f"/learn/plan/{self.enrolment}/save/"

    def sign_in(self, port: int) -> None:
        self.browser = Browser(port)
        self.browser.get("/accounts/trainee/")
        answer = self.browser.post_form(
            "/accounts/trainee/",
            {
                "username": self.username,
                "pin": DEMO_PIN,
                "csrfmiddlewaretoken": self.browser.cookies.get("csrftoken", ""),
            },
        )
        if answer.status != 302:
            raise BenchError(f"{self.username}'s sign-in answered {answer.status}")
        page = self.browser.get(f"/learn/plan/{self.enrolment}/")
        if page.status != 200:
            raise BenchError(f"{self.username}'s business plan answered {page.status}")
        self.plan = plan_for(self.number)

    def save(self) -> Save:
        """One autosave: the plan with one more field changed, from the version last known."""
        change(self.plan, self.step)
        self.step += 1
        started = time.perf_counter()
        try:
            answer = self.browser.post_json(
                self.save_url, {"version": self.version, "answers": self.plan}
            )
        except (OSError, http.client.HTTPException) as error:
            return Save((time.perf_counter() - started) * 1000, 0, -1, False, repr(error))
        latency = (time.perf_counter() - started) * 1000
        wrote, detail = False, "" if answer.status == 200 else answer.text[:200]
        if answer.status in (200, 409):  # 409: another version won; go on from it
            version = json.loads(answer.body).get("version", self.version)
            wrote, self.version = answer.status == 200 and version > self.version, version
        return Save(latency, answer.status, answer.queries, wrote, detail)


def make_tablets(env: dict[str, str], count: int) -> list[Tablet]:
    """``count`` trainees of the bench's own cohort, each with a business plan started."""
    script = SETUP_SCRIPT.format(
        count=count, pin=DEMO_PIN, name=COHORT_NAME, prefix=USERNAME_PREFIX
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise BenchError(f"the bench's trainees could not be made:\n{result.stderr[-3000:]}")
    rows = json.loads(result.stdout.strip().splitlines()[-1])
    return [
        Tablet(number, username, enrolment, version)
        for number, (username, enrolment, version) in enumerate(rows, 1)
    ]


# --- The run ----------------------------------------------------------------------------------


@dataclass
class TabletsResult:
    database: str
    tablets: int
    saves: list[Save]
    seconds: float
    server_cpu_s: float
    client_cpu_s: float
    load_before: str
    load_after: str
    capped: bool
    made_s: float = 0.0  # making the trainees and their plans
    signed_in_s: float = 0.0  # signing them in, opening their plans, their first autosave
    floor_cpu_ms: float = 0.0  # server CPU of /healthz on the same server, just before

    @property
    def latencies(self) -> list[float]:
        return [s.latency_ms for s in self.saves]

    def percentile(self, p: int) -> float:
        values = self.latencies
        if len(values) < 2:
            return values[0] if values else 0.0
        return statistics.quantiles(values, n=100, method="inclusive")[p - 1]

    @property
    def errors(self) -> int:
        return sum(s.status != 200 for s in self.saves)

    @property
    def wrote(self) -> int:
        return sum(s.wrote for s in self.saves)

    @property
    def cpu_ms_per_save(self) -> float:
        return 1000 * self.server_cpu_s / len(self.saves) if self.saves else 0.0

    @property
    def queries(self) -> str:
        counts = sorted(s.queries for s in self.saves if s.queries >= 0)
        if not counts:
            return "-"
        low, high = counts[0], counts[-1]
        return str(low) if low == high else f"{statistics.median(counts):g} ({low}–{high})"


def floor_cpu_ms(server: Server, count: int = 200) -> float:
    """Server CPU of a /healthz (the whole middleware stack and one SELECT 1), in ms: what
    any request costs on this server, at this load (step 6's hello-world floor)."""
    client = Browser(server.port)
    client.get("/healthz")
    before = server.cpu_seconds()
    for _ in range(count):
        client.get("/healthz")
    client.connection.close()
    return 1000 * (server.cpu_seconds() - before) / count


def bench(
    server: Server,
    database: str,
    count: int = TABLETS,
    seconds: float = SECONDS,
    interval: float = INTERVAL,
    seed: int = 9,
) -> TabletsResult:
    """``count`` tablets signed in, then autosaving for ``seconds`` of classroom time."""
    started = time.monotonic()
    tablets = make_tablets(server.env, count)
    made = time.monotonic() - started
    # Sign-ins hash the PIN (PBKDF2: most of their cost): a few at once, before the clock.
    with ThreadPoolExecutor(max_workers=2 * server.workers) as pool:
        list(pool.map(lambda tablet: tablet.sign_in(server.port), tablets))
        # A first autosave from each (not measured): the plan goes from empty to complete
        # and every worker has answered one.
        first = list(pool.map(Tablet.save, tablets))
    if any(s.status != 200 for s in first):
        failed = next(s for s in first if s.status != 200)
        raise BenchError(f"a first autosave answered {failed.status}: {failed.detail}")
    signed_in = time.monotonic() - started - made
    floor = floor_cpu_ms(server)

    saves_each = max(1, round(seconds / interval))
    rng = random.Random(seed)  # noqa: S311 (a schedule the same on every run, not a secret)
    offsets = [rng.uniform(0, interval) for _ in tablets]
    jitters = [[rng.uniform(-JITTER, JITTER) for _ in range(saves_each)] for _ in tablets]
    lock = threading.Lock()
    saves: list[Save] = []
    capped = threading.Event()
    load_before = load_average()
    cpu_before, client_before = server.cpu_seconds(), time.process_time()
    clock = time.monotonic()
    deadline = clock + seconds + 60

    def run(index: int, tablet: Tablet) -> None:
        for n in range(saves_each):
            due = clock + offsets[index] + n * interval + jitters[index][n]
            if due > deadline:
                capped.set()
                return
            time.sleep(max(0.0, due - time.monotonic()))
            save = tablet.save()
            with lock:
                saves.append(save)

    threads = [threading.Thread(target=run, args=item) for item in enumerate(tablets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = TabletsResult(
        database=database,
        tablets=len(tablets),
        saves=saves,
        seconds=time.monotonic() - clock,
        server_cpu_s=server.cpu_seconds() - cpu_before,
        client_cpu_s=time.process_time() - client_before,
        load_before=load_before,
        load_after=load_average(),
        capped=capped.is_set(),
        made_s=made,
        signed_in_s=signed_in,
        floor_cpu_ms=floor,
    )
    for tablet in tablets:
        tablet.browser.connection.close()
    return result


# --- A throwaway PostgreSQL database ----------------------------------------------------------


class PostgresUnavailable(Exception):
    pass


@contextlib.contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the local PostgreSQL server ``server_url``
    (postgres://user@127.0.0.1:5432), dropped on the way out; its URL is yielded.

    Raises PostgresUnavailable when the server cannot be reached or refuses."""
    parts = urlsplit(server_url)
    if parts.hostname not in LOCAL_HOSTS:
        raise PostgresUnavailable(f"{parts.hostname} is not this machine: the bench stays local")
    try:
        import psycopg
    except ImportError as error:
        raise PostgresUnavailable(f"psycopg is not installed ({error})") from None
    base = f"{parts.scheme}://{parts.netloc}"
    name = f"foras_bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        raise PostgresUnavailable(str(error).strip().splitlines()[0]) from None
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
