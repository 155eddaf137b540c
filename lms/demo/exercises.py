"""The demo trainees' exercise work (data/exercises.yaml): CVs and business plans saved,
sent, returned with comments or reviewed through learning.exercise_services, as a tablet and
a trainer would. Work that exists (a document past its empty start) is left as it is."""

from cohorts.models import Enrolment
from learning import exercise_services as services
from learning.models import Status
from lms.demo import files

#: The steps from a saved draft to each demo state.
_STEPS = {
    Status.DRAFT: (),
    Status.SUBMITTED: ("submit",),
    Status.RETURNED: ("submit", "return"),
    Status.REVIEWED: ("submit", "review"),
}


def load() -> None:
    spec = files.read("exercises.yaml")
    for kind in ("cv", "plan"):
        for entry in spec.get(kind, []):
            enrolment = (
                Enrolment.objects.active()
                .filter(trainee__user__username=entry["username"])
                .select_related("trainee__user", "cohort")
                .order_by("-cohort__start_date")
                .first()
            )
            if enrolment is not None:
                _work(kind, enrolment, entry)


def _work(kind: str, enrolment: Enrolment, entry: dict) -> None:
    trainee = enrolment.trainee
    document = services.get_or_start_document(trainee, kind, enrolment)
    if document.version > 0 or document.status != Status.DRAFT:
        return
    document = services.save_document(document, entry["data"], document.version, by=trainee.user)
    trainer = enrolment.cohort.trainers.order_by("pk").first()
    for step in _STEPS[Status(entry["state"])]:
        if step == "submit":
            document = services.submit_document(document, by=trainee.user)
        else:
            document = services.review_document(
                document,
                by=trainer,
                comments=entry.get("comments", {}),
                returned=step == "return",
            )
