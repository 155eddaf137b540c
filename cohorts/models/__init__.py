from cohorts.models.awareness import (
    REACH_GROUPS,
    AgeGroup,
    AwarenessSession,
    Reach,
    RegisteredPerson,
    RemoteMode,
    RemoteOrientation,
    validate_reach,
)
from cohorts.models.cohorts import (
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentStatus,
    Modality,
)
from cohorts.models.people import (
    CONSENT_TEXT_VERSION,
    ConsentPurpose,
    ConsentRecord,
    Sex,
    TraineeProfile,
)

__all__ = [
    "REACH_GROUPS",
    "AgeGroup",
    "AwarenessSession",
    "Reach",
    "RegisteredPerson",
    "RemoteMode",
    "RemoteOrientation",
    "validate_reach",
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
]
