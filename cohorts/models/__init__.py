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
