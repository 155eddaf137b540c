"""The attendance services: days planned and edited, marks kept once and in their own order."""

import datetime
import uuid

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from cohorts import attendance_services as services
from cohorts.attendance_errors import DayCancelled, DayOutsideCohort, DayTaken, MarkTooEarly
from cohorts.models import AttendanceEntry, AttendanceMark, Holiday, SessionDay
from cohorts.models.attendance import MarkSource
from tests.cohorts.factories import CohortFactory, StaffFactory, TraineeFactory
from tests.concurrency import at_once
from tests.courses.factories import lesson, module_page

MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture
def module(db):
    page = module_page(code="att", title="Module de présence")
    for day in range(1, 4):
        lesson(page, day)
    return page


@pytest.fixture
def planned(module, trainer):
    cohort = CohortFactory(
        module=module,
        start_date=MONDAY - datetime.timedelta(days=7),
        end_date=MONDAY + datetime.timedelta(days=14),
        trainers=[trainer],
    )
    services.plan_session_days(by=trainer, cohort=cohort)
    return cohort


def _days(cohort):
    return list(SessionDay.objects.filter(cohort=cohort).order_by("date"))


def test_the_days_follow_the_module_and_link_its_lessons(planned, module):
    days = _days(planned)

    assert [day.date.weekday() for day in days] == [0, 1, 2]
    assert [day.lesson.day_number for day in days] == [1, 2, 3]
    planned.refresh_from_db()
    assert planned.first_session_day == days[0].date
    assert planned.last_session_day == days[-1].date


def test_planning_twice_adds_nothing(planned, trainer):
    services.plan_session_days(by=trainer, cohort=planned)

    assert len(_days(planned)) == 3


def test_a_holiday_is_skipped_when_planning(module, trainer):
    start = MONDAY - datetime.timedelta(days=7)
    Holiday.objects.create(date=start, name="Jour férié")
    cohort = CohortFactory(module=module, start_date=start, end_date=MONDAY, trainers=[trainer])

    days = services.plan_session_days(by=trainer, cohort=cohort)

    assert start not in [day.date for day in days]


def test_cancelling_a_day_moves_the_lessons_to_the_next_days(planned, trainer):
    first, second, third = _days(planned)
    services.add_session_day(by=trainer, cohort=planned, date=third.date + datetime.timedelta(1))

    services.cancel_session_day(by=trainer, day=second, note="Grève des transports")

    days = _days(planned)
    assert [day.lesson.day_number if day.lesson else None for day in days] == [1, None, 2, 3]
    assert days[1].cancelled and days[1].note == "Grève des transports"

    services.restore_session_day(by=trainer, day=second)
    assert [day.lesson.day_number if day.lesson else None for day in _days(planned)] == [
        1,
        2,
        3,
        None,
    ]


def test_moving_a_day_keeps_it_inside_the_cohort_and_alone_on_its_date(planned, trainer):
    first, second, _third = _days(planned)

    with pytest.raises(DayTaken):
        services.move_session_day(by=trainer, day=first, date=second.date)
    with pytest.raises(DayOutsideCohort):
        services.move_session_day(
            by=trainer, day=first, date=planned.end_date + datetime.timedelta(1)
        )

    moved = services.move_session_day(
        by=trainer, day=first, date=second.date + datetime.timedelta(2)
    )

    # The days keep the module's order by date: the moved day now teaches the last lesson.
    assert moved.lesson.day_number == 3
    assert [day.lesson.day_number for day in _days(planned)] == [1, 2, 3]
    planned.refresh_from_db()
    assert planned.first_session_day == second.date
    assert planned.last_session_day == moved.date


@pytest.fixture
def day(planned):
    return _days(planned)[0]


@pytest.fixture
def enrolment(planned, trainer):
    return TraineeFactory(cohort=planned, by=trainer).enrolments.get()


def _at(hour, minute=0, second=0):
    return timezone.make_aware(
        datetime.datetime.combine(
            MONDAY - datetime.timedelta(7), datetime.time(hour, minute, second)
        )
    )


def test_a_correction_keeps_its_history(day, enrolment, trainer):
    services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="absent", marked_at=_at(9)
    )
    services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="late", marked_at=_at(9, 20)
    )

    mark = AttendanceMark.objects.get()
    assert mark.status == "late"
    assert [entry.status for entry in mark.entries.all()] == ["absent", "late"]


def test_a_later_mark_wins_by_its_own_time_not_its_arrival(day, enrolment, trainer):
    # The tablet offline marked "present" at 9:20; the other trainer's "absent" of 9:00
    # arrives after it.
    services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="present", marked_at=_at(9, 20)
    )
    services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="absent", marked_at=_at(9)
    )

    mark = AttendanceMark.objects.get()
    assert mark.status == "present"
    assert mark.entries.count() == 2


def test_the_same_event_sent_twice_counts_once(day, enrolment, trainer):
    event = services.MarkEvent(enrolment.pk, day.pk, "late", _at(9, 5), uuid.uuid4())

    first = services.record_events(by=trainer, day=day, events=[event])
    again = services.record_events(by=trainer, day=day, events=[event])

    assert first == {"applied": 1, "known": 0}
    assert again == {"applied": 0, "known": 1}
    assert AttendanceEntry.objects.count() == 1
    assert AttendanceMark.objects.get().marked_at == _at(9, 5)


def test_a_tablet_clock_ahead_of_time_is_taken_as_now(day, enrolment, trainer):
    future = timezone.now() + datetime.timedelta(days=2)

    services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="present", marked_at=future
    )

    assert AttendanceMark.objects.get().marked_at <= timezone.now() + services.CLOCK_SKEW


def test_no_mark_on_a_cancelled_or_future_day(planned, enrolment, trainer):
    past, _today, future = _days(planned)[0], None, _days(planned)[-1]
    services.add_session_day(by=trainer, cohort=planned, date=MONDAY + datetime.timedelta(days=8))
    future = SessionDay.objects.get(cohort=planned, date=MONDAY + datetime.timedelta(days=8))
    services.cancel_session_day(by=trainer, day=past)

    with pytest.raises(DayCancelled):
        services.record_mark(by=trainer, enrolment=enrolment, day=past, status="present")
    with pytest.raises(MarkTooEarly):
        services.record_mark(by=trainer, enrolment=enrolment, day=future, status="present")
    assert not AttendanceMark.objects.exists()


def test_everyone_present_leaves_the_marked_and_the_withdrawn(day, planned, trainer):
    awa, binta, chris = (TraineeFactory(cohort=planned, by=trainer) for _ in range(3))
    services.record_mark(by=trainer, enrolment=awa.enrolments.get(), day=day, status="excused")
    from cohorts.services import withdraw

    withdraw(by=trainer, enrolment=chris.enrolments.get(), reason="Départ")

    assert services.mark_everyone_present(by=trainer, day=day) == 1
    statuses = dict(
        AttendanceMark.objects.values_list("enrolment__trainee__display_name", "status")
    )
    assert statuses == {awa.display_name: "excused", binta.display_name: "present"}
    assert services.mark_everyone_present(by=trainer, day=day) == 0


def test_a_mark_writes_one_audit_entry(day, enrolment, trainer):
    from wagtail.models import ModelLogEntry

    before = ModelLogEntry.objects.count()
    services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="present", source=MarkSource.REGISTER
    )

    entry = ModelLogEntry.objects.latest("pk")
    assert ModelLogEntry.objects.count() == before + 1
    assert entry.action == "foras.attendance_marked"
    assert entry.data == {"enrolment": enrolment.pk, "status": "present", "source": "register"}


@pytest.mark.django_db(transaction=True)
def test_two_trainers_marking_at_once_leave_one_mark_and_both_in_its_history(module):
    trainer = StaffFactory(email="t1@example.org")
    second = StaffFactory(email="t2@example.org")
    cohort = CohortFactory(
        module=module,
        start_date=MONDAY - datetime.timedelta(days=7),
        end_date=MONDAY + datetime.timedelta(days=14),
        trainers=[trainer, second],
    )
    day = services.plan_session_days(by=trainer, cohort=cohort)[0]
    enrolment = TraineeFactory(cohort=cohort, by=trainer).enrolments.get()

    def mark(by, status, minute):
        return services.record_mark(
            by=by, enrolment=enrolment, day=day, status=status, marked_at=_at(9, minute)
        )

    at_once(lambda: mark(trainer, "present", 1), lambda: mark(second, "late", 2))

    mark_row = AttendanceMark.objects.get()
    assert mark_row.status == "late"
    assert sorted(mark_row.entries.values_list("status", flat=True)) == ["late", "present"]


# --- Losing a race ----------------------------------------------------------------------------
# On SQLite, writes are serialised (an immediate transaction each): two requests never meet
# between a read and a write, so the threads above never take the losing branches of _apply.
# Here another request's write is slipped in right after the read, as it happens on PostgreSQL,
# and the IntegrityError that follows is what the service must absorb.


def _write_after_reading(monkeypatch, name, rival):
    """Make ``services.<name>`` read, then let ``rival()`` write (once), then answer what was
    read before that write."""
    real = getattr(services, name)
    wrote = []

    def read_then_lose(*args):
        found = real(*args)
        if not wrote:
            wrote.append(True)
            rival()
        return found

    monkeypatch.setattr(services, name, read_then_lose)
    return wrote


def _write_after_looking_up(monkeypatch, model, rival):
    """Let ``rival()`` write (once) right after a look-up of a ``model`` row found none:
    between get_or_create's look-up and its insert, which then fails on the unique
    constraint, as when two requests meet on PostgreSQL."""
    real = QuerySet.get
    wrote = []

    def look_up_then_lose(queryset, *args, **kwargs):
        try:
            return real(queryset, *args, **kwargs)
        except queryset.model.DoesNotExist:
            if queryset.model is model and not wrote:
                wrote.append(True)
                rival()
            raise

    monkeypatch.setattr(QuerySet, "get", look_up_then_lose)
    return wrote


@pytest.mark.parametrize(
    "ours, theirs, kept",
    [((9, 2), (9, 1), "late"), ((9, 1), (9, 2), "present")],
    ids=["ours later", "theirs later"],
)
def test_a_mark_created_by_another_trainer_since_we_looked_is_the_one_kept(
    monkeypatch, day, enrolment, trainer, ours, theirs, kept
):
    second = StaffFactory(email="second.race@example.org")
    rival = {}

    def other_trainer_marks():
        rival["mark"] = services.record_mark(
            by=second, enrolment=enrolment, day=day, status="present", marked_at=_at(*theirs)
        )

    wrote = _write_after_looking_up(monkeypatch, AttendanceMark, other_trainer_marks)

    mark = services.record_mark(
        by=trainer, enrolment=enrolment, day=day, status="late", marked_at=_at(*ours)
    )

    assert wrote == [True]
    # Our insert failed on the unique constraint: the row is the other trainer's.
    assert mark.pk == rival["mark"].pk
    assert AttendanceMark.objects.count() == 1
    row = AttendanceMark.objects.get()
    assert row.status == kept
    assert sorted(row.entries.values_list("marked_by__email", "status")) == sorted(
        [(trainer.email, "late"), (second.email, "present")]
    )


def test_the_same_event_kept_by_another_request_since_we_looked_counts_once(
    monkeypatch, day, enrolment, trainer
):
    from wagtail.models import ModelLogEntry

    event = services.MarkEvent(enrolment.pk, day.pk, "late", _at(9, 5), uuid.uuid4())
    other_request = {}

    def same_event_from_the_outbox_again():
        other_request["result"] = services.record_events(by=trainer, day=day, events=[event])

    wrote = _write_after_reading(monkeypatch, "_known_entry", same_event_from_the_outbox_again)
    marked = ModelLogEntry.objects.filter(action="foras.attendance_marked")
    before = marked.count()

    result = services.record_events(by=trainer, day=day, events=[event])

    assert wrote == [True]
    assert other_request["result"] == {"applied": 1, "known": 0}
    # Our entry's insert failed on the event id: the event is known, not applied twice.
    assert result == {"applied": 0, "known": 1}
    assert AttendanceEntry.objects.get().event_id == event.event_id
    assert AttendanceMark.objects.get().status == "late"
    assert marked.count() == before + 1


def test_a_mark_lost_race_leaves_the_request_usable(monkeypatch, day, enrolment, trainer):
    # The failed insert is rolled back to its savepoint only: the same request goes on marking.
    other = TraineeFactory(cohort=day.cohort, by=trainer).enrolments.get()
    second = StaffFactory(email="second.usable@example.org")
    _write_after_looking_up(
        monkeypatch,
        AttendanceMark,
        lambda: services.record_mark(by=second, enrolment=enrolment, day=day, status="absent"),
    )
    events = [
        services.MarkEvent(enrolment.pk, day.pk, "present", _at(9, 1), uuid.uuid4()),
        services.MarkEvent(other.pk, day.pk, "excused", _at(9, 2), uuid.uuid4()),
    ]

    assert services.record_events(by=trainer, day=day, events=events) == {
        "applied": 2,
        "known": 0,
    }
    # The other trainer's "absent" was made now, after the tablet's "present" of last week.
    assert dict(AttendanceMark.objects.values_list("enrolment_id", "status")) == {
        enrolment.pk: "absent",
        other.pk: "excused",
    }
    assert AttendanceEntry.objects.filter(mark__enrolment=enrolment).count() == 2
