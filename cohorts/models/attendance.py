"""Session days, attendance marks with their history, holidays, and QR check-in windows.

A cohort's days are rows (``SessionDay``), generated from its dates and its module's days and
then edited by hand (moved, added, cancelled), so that "today's lesson", the tests' opening
days and the attendance rule all read the same calendar.

A trainee has at most one ``AttendanceMark`` per day: its current status. Every mark ever
made, from the register, a check-in or a tablet's outbox, is an ``AttendanceEntry`` of that
mark's history; an entry sent twice (same ``event_id``) is kept once, and the mark shows the
entry made last by its own time, whatever the order in which they arrived.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Holiday(models.Model):
    """A day off for every cohort (public holidays, Eid…): generated schedules skip it."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("nom"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("jour férié")
        verbose_name_plural = _("jours fériés")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.name}"


class SessionDayQuerySet(models.QuerySet):
    def held(self):
        """The days that are (or will be) taught: not cancelled."""
        return self.filter(cancelled=False)


class SessionDay(models.Model):
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.CASCADE,
        related_name="session_days",
        verbose_name=_("cohorte"),
    )
    date = models.DateField(_("date"))
    # The module's day taught that day; none for an extra day beyond the module's lessons.
    lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leçon"),
    )
    cancelled = models.BooleanField(_("annulé"), default=False)
    note = models.CharField(_("remarque"), max_length=200, blank=True)

    objects = SessionDayQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "date"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "date"], name="one_session_day_per_date")
        ]
        verbose_name = _("jour de session")
        verbose_name_plural = _("jours de session")

    def __str__(self):
        return f"{self.cohort} — {self.date:%d/%m/%Y}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Présent")
    LATE = "late", _("En retard")
    EXCUSED = "excused", _("Excusé")
    ABSENT = "absent", _("Absent")


class MarkSource(models.TextChoices):
    REGISTER = "register", _("Registre")
    CHECK_IN = "check_in", _("Code QR")
    CARD = "card", _("Carte scannée")


class AttendanceMark(models.Model):
    """A trainee's attendance on a session day: the latest mark by the time it was made."""

    session_day = models.ForeignKey(
        SessionDay, on_delete=models.CASCADE, related_name="marks", verbose_name=_("jour")
    )
    enrolment = models.ForeignKey(
        "cohorts.Enrolment",
        on_delete=models.CASCADE,
        related_name="attendance_marks",
        verbose_name=_("inscription"),
    )
    status = models.CharField(_("présence"), max_length=8, choices=AttendanceStatus.choices)
    marked_at = models.DateTimeField(_("marqué le"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marqué par"),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=MarkSource.choices, default=MarkSource.REGISTER
    )

    class Meta:
        ordering = ["session_day", "enrolment"]
        constraints = [
            models.UniqueConstraint(
                fields=["session_day", "enrolment"], name="one_attendance_mark_per_day"
            )
        ]
        verbose_name = _("présence")
        verbose_name_plural = _("présences")

    def __str__(self):
        return f"{self.enrolment_id}/{self.session_day_id}: {self.status}"


class AttendanceEntry(models.Model):
    """One mark as it was made: the history of an ``AttendanceMark``."""

    mark = models.ForeignKey(
        AttendanceMark, on_delete=models.CASCADE, related_name="entries", verbose_name=_("présence")
    )
    status = models.CharField(_("présence"), max_length=8, choices=AttendanceStatus.choices)
    marked_at = models.DateTimeField(_("marqué le"))
    received_at = models.DateTimeField(_("reçu le"), default=timezone.now)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marqué par"),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=MarkSource.choices, default=MarkSource.REGISTER
    )
    # Made on the tablet for each mark: a mark sent twice by the outbox is kept once.
    event_id = models.UUIDField(_("identifiant"), null=True, blank=True, unique=True)

    class Meta:
        ordering = ["marked_at", "pk"]
        verbose_name = _("historique de présence")
        verbose_name_plural = _("historiques de présence")

    def __str__(self):
        return f"{self.mark_id}: {self.status} @ {self.marked_at:%Y-%m-%d %H:%M:%S}"


def _new_secret() -> str:
    return secrets.token_hex(32)


class CheckInWindow(models.Model):
    """A few minutes during which trainees check themselves in with the rotating code.

    The codes are derived from ``secret`` and the time (cohorts/check_in.py): nothing is
    written when the code on the screen changes.
    """

    session_day = models.ForeignKey(
        SessionDay,
        on_delete=models.CASCADE,
        related_name="check_in_windows",
        verbose_name=_("jour"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ouvert par"),
    )
    opened_at = models.DateTimeField(_("ouvert le"), default=timezone.now)
    late_after = models.DateTimeField(_("en retard après"))
    closes_at = models.DateTimeField(_("se ferme à"))
    closed_at = models.DateTimeField(_("fermé le"), null=True, blank=True)
    secret = models.CharField(max_length=64, default=_new_secret, editable=False)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("fenêtre de pointage")
        verbose_name_plural = _("fenêtres de pointage")

    def __str__(self):
        return f"{self.session_day} — {self.opened_at:%H:%M}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.closed_at is None and self.opened_at <= now < self.closes_at


class CheckInUse(models.Model):
    """Who used which code of a window: a code used by one trainee and presented later by
    another (a photo sent to a friend) is refused once its own few seconds are over."""

    window = models.ForeignKey(CheckInWindow, on_delete=models.CASCADE, related_name="uses")
    step = models.BigIntegerField()
    enrolment = models.ForeignKey("cohorts.Enrolment", on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["window", "step", "enrolment"], name="one_use_per_code_and_trainee"
            )
        ]

    def __str__(self):
        return f"{self.window_id}/{self.step}/{self.enrolment_id}"
