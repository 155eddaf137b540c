from cohorts.models.attendance import (
    AttendanceEntry,
    AttendanceMark,
    AttendanceStatus,
    CheckInUse,
    CheckInWindow,
    Holiday,
    MarkSource,
    SessionDay,
)
from cohorts.models.cohorts import (
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentStatus,
    Modality,
    load_schedules,
)
from cohorts.models.people import (
    CONSENT_TEXT_VERSION,
    ConsentPurpose,
    ConsentRecord,
    Sex,
    TraineeProfile,
)

__all__ = [
    "AttendanceEntry",
    "AttendanceMark",
    "AttendanceStatus",
    "CheckInUse",
    "CheckInWindow",
    "Holiday",
    "MarkSource",
    "SessionDay",
    "CONSENT_TEXT_VERSION",
    "Cohort",
    "CohortStatus",
    "ConsentPurpose",
    "ConsentRecord",
    "Enrolment",
    "EnrolmentStatus",
    "Modality",
    "Sex",
    "TraineeProfile",
    "load_schedules",
]
