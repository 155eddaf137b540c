"""The session-days screen, the attendance grid with its exports, the holiday list and the
roster's attendance column: who may open them, what they show, what bad input gets."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts import attendance_services
from cohorts.models import Holiday, SessionDay
from lms import audit
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.courses.factories import lesson, module_page
from tests.permissions import PERSONAS, answers, sign_in_as

MONDAY = datetime.date(2026, 11, 2)


@pytest.fixture
def module(db):
    page = module_page("att", title="Présences")
    for day in range(1, 6):
        lesson(page, day, title=f"Leçon {day}")
    return page


@pytest.fixture
def days_cohort(module, trainer):
    return CohortFactory(
        name="Rabat — présences",
        module=module,
        trainers=[trainer],
        start_date=MONDAY,
        end_date=MONDAY + datetime.timedelta(days=13),
    )


def _days(cohort):
    return list(SessionDay.objects.filter(cohort=cohort).order_by("date"))


def _mark_all(trainer, cohort, statuses_by_name):
    """{display name: [status per held day]} → trainees enrolled and marked."""
    enrolments = {}
    for name, statuses in statuses_by_name.items():
        enrolment = TraineeFactory(cohort=cohort, display_name=name, by=trainer).enrolments.get()
        enrolments[name] = enrolment
        for day, status in zip(_days(cohort), statuses, strict=False):
            if status:
                attendance_services.record_mark(
                    by=trainer, enrolment=enrolment, day=day, status=status
                )
    return enrolments


# --- Access -----------------------------------------------------------------------------------


def attendance_urls(cohort, holiday):
    days = reverse("cohorts:session_days", args=[cohort.pk])
    grid = reverse("cohorts:attendance_grid", args=[cohort.pk])
    return {
        "days": ("get", days),
        "plan days": ("post", days),
        "grid": ("get", grid),
        "grid csv": ("get", grid + "?export=csv"),
        "grid xlsx": ("get", grid + "?export=xlsx"),
        "holidays": ("get", reverse("holidays:index")),
        "add holiday": ("get", reverse("holidays:add")),
        "edit holiday": ("get", reverse("holidays:edit", args=[holiday.pk])),
        "delete holiday": ("get", reverse("holidays:delete", args=[holiday.pk])),
        "holiday history": ("get", reverse("holidays:history", args=[holiday.pk])),
        "holiday usage": ("get", reverse("holidays:usage", args=[holiday.pk])),
        # Last: a coordinator's answer deletes the holiday the others are about.
        "delete holiday (confirm)": ("post", reverse("holidays:delete", args=[holiday.pk])),
    }


COHORT_SCREENS = {"days", "plan days", "grid", "grid csv", "grid xlsx"}


def expected(persona, name):
    if persona in ("anonymous", "trainee", "other_trainee"):
        return "login"
    if persona == "editor":
        return "denied"
    # The matrix posts no data: past the access check, "no action" is bad input (400).
    allowed = "400" if name == "plan days" else "ok"
    if persona == "coordinator":
        return allowed
    if name in COHORT_SCREENS:
        return allowed if persona == "trainer" else "hidden"
    return "ok" if name == "holidays" else "denied"  # trainers read the holidays only


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_attendance_url(
    persona, client, request, cohort, trainee, other_trainee
):
    holiday = Holiday.objects.create(date=datetime.date(2026, 11, 18), name="Indépendance")
    sign_in_as(client, request, persona)

    got = answers(client, attendance_urls(cohort, holiday))

    assert got == {name: expected(persona, name) for name in got}
    assert Holiday.objects.filter(pk=holiday.pk).exists() == (persona != "coordinator")


def test_a_trainer_of_another_cohort_cannot_read_its_grid_nor_export_it(
    client, other_trainer, days_cohort, trainer
):
    _mark_all(trainer, days_cohort, {"Awa": ["present"]})
    client.force_login(other_trainer)
    grid = reverse("cohorts:attendance_grid", args=[days_cohort.pk])

    assert client.get(grid).status_code == 404
    assert client.get(grid + "?export=csv").status_code == 404
    assert not audit.entries_about(days_cohort).filter(action=audit.Action.EXPORTED).exists()


# --- The session days screen ----------------------------------------------------------------


def _post(client, cohort, **data):
    return client.post(reverse("cohorts:session_days", args=[cohort.pk]), data)


def _error(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.select_one("[role=alert]").get_text().split())


def test_the_days_screen_lists_each_day_with_its_lesson(client, trainer, days_cohort):
    client.force_login(trainer)

    response = client.get(reverse("cohorts:session_days", args=[days_cohort.pk]))

    rows = BeautifulSoup(response.content, "html.parser").select("table.session-days tbody tr")
    assert len(rows) == 5
    assert "Leçon 1" in rows[0].get_text() and "lun 2\u00a0novembre\u00a02026" in rows[0].get_text()


def test_a_cohort_without_days_offers_to_plan_them(client, trainer, cohort, module):
    """The conftest cohort's module had no lesson when it was made: nothing was planned."""
    cohort.module = module
    cohort.save()
    client.force_login(trainer)
    page = client.get(reverse("cohorts:session_days", args=[cohort.pk]))
    assert "Planifier les jours" in page.content.decode()

    response = _post(client, cohort, action="plan")

    assert response.status_code == 302
    assert len(_days(cohort)) == 5
    assert audit.entries_about(cohort).filter(action=audit.Action.DAYS_PLANNED).exists()


def test_a_trainer_moves_a_day(client, trainer, days_cohort):
    client.force_login(trainer)
    day = _days(days_cohort)[4]
    new_date = MONDAY + datetime.timedelta(days=7)

    response = _post(client, days_cohort, action="move", day=day.pk, date=new_date.isoformat())

    assert response.status_code == 302
    day.refresh_from_db()
    assert day.date == new_date


def test_moving_a_day_onto_another_is_refused_with_a_message(client, trainer, days_cohort):
    client.force_login(trainer)
    first, second = _days(days_cohort)[:2]

    response = _post(client, days_cohort, action="move", day=second.pk, date=first.date.isoformat())

    assert response.status_code == 400
    assert _error(response) == "La cohorte a déjà un jour de session le 2 novembre 2026."
    second.refresh_from_db()
    assert second.date == MONDAY + datetime.timedelta(days=1)


def test_a_day_outside_the_cohort_is_refused_in_the_readers_language(client, trainer, days_cohort):
    client.force_login(trainer)
    client.cookies["django_language"] = "en"
    day = _days(days_cohort)[0]

    response = _post(client, days_cohort, action="move", day=day.pk, date="2027-03-01")

    assert response.status_code == 400
    assert _error(response) == ("This day is outside the cohort's dates: change its dates first.")
    day.refresh_from_db()
    assert day.date == MONDAY


@pytest.mark.parametrize(
    "data",
    [
        {"action": "move", "day": "x", "date": "2026-11-09"},
        {"action": "move", "day": "999999", "date": "2026-11-09"},
    ],
)
def test_an_unknown_day_is_not_found(client, trainer, days_cohort, data):
    client.force_login(trainer)

    assert _post(client, days_cohort, **data).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"action": "explode"},
        {"action": "add", "date": "not a date"},
        {"action": "add", "date": ""},
        {"action": "move", "day": "{day}", "date": "31/02/2026"},
    ],
)
def test_bad_input_gets_a_message_and_changes_nothing(client, trainer, days_cohort, data):
    client.force_login(trainer)
    before = [(day.date, day.cancelled) for day in _days(days_cohort)]
    data = {key: value.format(day=_days(days_cohort)[0].pk) for key, value in data.items()}

    response = _post(client, days_cohort, **data)

    assert response.status_code == 400
    assert _error(response)
    assert [(day.date, day.cancelled) for day in _days(days_cohort)] == before


def test_a_trainer_adds_a_day_then_cancels_and_restores_one(client, trainer, days_cohort):
    client.force_login(trainer)
    added = MONDAY + datetime.timedelta(days=7)

    assert _post(client, days_cohort, action="add", date=added.isoformat()).status_code == 302
    day = _days(days_cohort)[1]
    cancel = _post(client, days_cohort, action="cancel", day=day.pk, note="Grève des transports")
    assert cancel.status_code == 302
    day.refresh_from_db()
    assert day.cancelled and day.note == "Grève des transports"
    page = client.get(reverse("cohorts:session_days", args=[days_cohort.pk])).content.decode()
    assert "Grève des transports" in page and "Rétablir" in page

    assert _post(client, days_cohort, action="restore", day=day.pk).status_code == 302
    day.refresh_from_db()
    assert not day.cancelled
    assert len(_days(days_cohort)) == 6


def test_adding_a_day_on_a_taken_date_is_refused(client, trainer, days_cohort):
    client.force_login(trainer)

    response = _post(client, days_cohort, action="add", date=MONDAY.isoformat())

    assert response.status_code == 400
    assert "déjà un jour de session" in _error(response)
    assert len(_days(days_cohort)) == 5


# --- The grid and its exports ---------------------------------------------------------------


@pytest.fixture
def marked(trainer, days_cohort):
    return _mark_all(
        trainer,
        days_cohort,
        {
            "Awa": ["present", "present", "late", "present", "present"],
            "Binta": ["present", "absent", "excused", "absent", "present"],
            "Chloé": ["present", "present", "present", "present", None],
        },
    )


def test_the_grid_shows_each_status_as_text_with_rates_and_standing(client, trainer, marked):
    cohort = marked["Awa"].cohort
    client.force_login(trainer)

    response = client.get(reverse("cohorts:attendance_grid", args=[cohort.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    rows = {
        row.th.contents[0].strip(): row for row in soup.select("table.attendance-grid tbody tr")
    }
    awa = [" ".join(cell.get_text().split()) for cell in rows["Awa"].find_all("td")]
    assert awa == ["P Présent", "P Présent", "R En retard", "P Présent", "P Présent"]
    assert " ".join(rows["Awa"].th.get_text().split()) == ("Awa Taux : 100 % 5/5 — règle atteinte")
    binta = " ".join(rows["Binta"].get_text().split())
    assert "E Excusé" in binta and "A Absent" in binta
    assert "Taux : 40 % 2/5 — ne peut plus atteindre la règle" in binta
    assert "pas encore marqué" in rows["Chloé"].get_text()
    figures = soup.select_one("[data-figure=rate] dd").get_text(strip=True)
    assert figures == "73\xa0%"  # 11 attended of 15 held


def _export(client, cohort, fmt):
    response = client.get(reverse("cohorts:attendance_grid", args=[cohort.pk]) + f"?export={fmt}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content


def test_the_csv_export_holds_the_grid_and_is_audited(client, trainer, marked):
    cohort = marked["Awa"].cohort
    client.force_login(trainer)

    response, content = _export(client, cohort, "csv")

    assert 'filename="presences-rabat-presences.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Apprenant", "Inscription", "Jour 1 — 02/11/2026"]
    assert rows[0][-4:] == ["Jours présents", "Jours tenus", "Taux (%)", "Règle de présence"]
    binta = next(row for row in rows if row[0] == "Binta")
    assert binta[2:7] == ["Présent", "Absent", "Excusé", "Absent", "Présent"]
    assert binta[-4:] == ["2", "5", "40", "2/5 — ne peut plus atteindre la règle"]
    entry = audit.entries_about(cohort).get(action=audit.Action.EXPORTED)
    assert entry.user == trainer
    assert entry.data["document"] == "attendance grid csv"
    assert entry.data["trainees"] == sorted(e.trainee_id for e in marked.values())


def test_the_xlsx_export_has_numbers_in_number_cells(client, coordinator, marked):
    cohort = marked["Awa"].cohort
    client.force_login(coordinator)

    _response, content = _export(client, cohort, "xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    awa = next(row for row in rows if row[0] == "Awa")
    assert awa[-4:] == (5, 5, 100, "5/5 — règle atteinte")
    assert (
        audit.entries_about(cohort).filter(action=audit.Action.EXPORTED, user=coordinator).exists()
    )


# --- The roster -----------------------------------------------------------------------------


def test_the_roster_shows_each_trainees_attendance_and_the_attendance_screens(
    client, trainer, marked
):
    cohort = marked["Awa"].cohort
    client.force_login(trainer)

    response = client.get(reverse("cohorts:detail", args=[cohort.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    text = {" ".join(row.get_text().split()) for row in soup.select("table.lms-roster tbody tr")}
    assert any("Binta" in row and "2/5 ne peut plus atteindre la règle" in row for row in text)
    assert any("Chloé" in row and "4/5 règle atteinte" in row for row in text)
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".lms-actions a")}
    assert links["Grille des présences"] == reverse("cohorts:attendance_grid", args=[cohort.pk])
    assert links["Jours de session"] == reverse("cohorts:session_days", args=[cohort.pk])


# --- Holidays ---------------------------------------------------------------------------------


def test_a_coordinator_adds_a_holiday_through_the_service(client, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("holidays:add"), {"date": "2027-01-11", "name": "  Manifeste   de l'indépendance "}
    )

    assert response.status_code == 302
    holiday = Holiday.objects.get(date=datetime.date(2027, 1, 11))
    assert holiday.name == "Manifeste de l'indépendance"
    assert audit.entries_about(holiday).filter(action=audit.Action.CREATED).exists()


def test_a_holiday_on_a_date_already_listed_is_refused(client, coordinator):
    Holiday.objects.create(date=datetime.date(2027, 1, 11), name="Manifeste")
    client.force_login(coordinator)

    response = client.post(reverse("holidays:add"), {"date": "2027-01-11", "name": "Autre"})

    assert response.status_code == 200  # the form again, with its error
    assert Holiday.objects.count() == 1


def test_a_trainer_reads_the_holidays_but_may_not_delete_one(client, trainer):
    holiday = Holiday.objects.create(date=datetime.date(2027, 1, 11), name="Manifeste")
    client.force_login(trainer)

    assert "Manifeste" in client.get(reverse("holidays:index")).content.decode()
    client.post(reverse("holidays:delete", args=[holiday.pk]))
    assert Holiday.objects.filter(pk=holiday.pk).exists()


def _grid_queries(client, cohort) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("cohorts:attendance_grid", args=[cohort.pk])).status_code == 200
    return len(queries)


def test_the_grid_reads_a_fixed_number_of_queries_whatever_its_size(client, trainer, marked):
    cohort = marked["Awa"].cohort
    client.force_login(trainer)
    _grid_queries(client, cohort)  # warm the caches (site, locales, session)
    with_three = _grid_queries(client, cohort)
    _mark_all(trainer, cohort, {f"Apprenant {n}": ["present", "late"] for n in range(8)})

    assert _grid_queries(client, cohort) == with_three
