"""The demo's awareness sessions and remote orientations (data/awareness.yaml): a year at the
three orientation points, entered through cohorts/awareness_services.py by the staff account
of each point, as a trainer or coordinator would.

Their figures are invented for the demo and each session says so in its notes. What exists is
left alone: a session is found by point, date and modality, a remote orientation by point,
date and country.
"""

import datetime

from django.contrib.auth import get_user_model

from cohorts.awareness_services import create_awareness_session, create_remote_orientation
from cohorts.models import (
    REACH_GROUPS,
    AwarenessSession,
    Modality,
    RemoteOrientation,
    TraineeProfile,
)
from content.models import OrientationPoint
from lms.demo import files


def load() -> None:
    """Create the missing demo sessions and remote orientations (after the demo people)."""
    data = files.read("awareness.yaml")
    accounts = get_user_model().objects
    entered_by = {}
    for spec in data["orientation_points"]:
        point = OrientationPoint.objects.get(city=spec["city"])
        by = accounts.get(username=spec["entered_by"])
        entered_by[point.city] = by
        for session in spec["sessions"]:
            _session(point, by, spec["facilitator"], data["notes"], session)
    for spec in data["remote_orientations"]:
        _remote_orientation(spec, entered_by[spec["city"]])


def _session(point, by, facilitator: str, notes: str, spec: dict) -> None:
    date = _date(spec["date"])
    modality = Modality(spec.get("modality", Modality.IN_PERSON))
    if AwarenessSession.objects.filter(
        orientation_point=point, date=date, modality=modality
    ).exists():
        return
    create_awareness_session(
        by=by,
        date=date,
        orientation_point=point,
        modality=modality,
        topic_countries=spec.get("topics", []),
        facilitator=spec.get("facilitator", facilitator),
        notes=notes,
        people=spec.get("people", []),
        **{name: spec.get(name, 0) for name in REACH_GROUPS},
    )


def _remote_orientation(spec: dict, by) -> None:
    point = OrientationPoint.objects.get(city=spec["city"])
    date = _date(spec["date"])
    if RemoteOrientation.objects.filter(
        orientation_point=point, date=date, country=spec["country"]
    ).exists():
        return
    trainee = (
        TraineeProfile.objects.get(user__username=spec["trainee"]) if "trainee" in spec else None
    )
    create_remote_orientation(
        by=by,
        date=date,
        orientation_point=point,
        trainee=trainee,
        person_name=spec.get("person", ""),
        sex=spec.get("sex", ""),
        age_group=spec.get("age_group", ""),
        country=spec["country"],
        mode=spec["mode"],
        counsellor=spec.get("counsellor", ""),
        mission=spec["mission"],
    )


def _date(value) -> datetime.date:
    # YAML reads 2026-03-12 as a date already; a quoted one is a string.
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
