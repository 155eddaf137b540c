"""Assessment results in the trainer workspace: a cohort's pre/post table, its survey, exports."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cohorts.admin_views import cohort_crumb, crumbs
from cohorts.permissions import get_cohort_for_user
from learning import results as cohort_results
from lms import audit


def _crumbs(cohort, label):
    return crumbs(cohort_crumb(cohort), {"url": "", "label": label})


def _csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def results(request, cohort_id: int):
    cohort = get_cohort_for_user(request.user, cohort_id)
    table = cohort_results.cohort_results(cohort)
    survey = cohort_results.survey_results(cohort, table.active_count)
    scale_charts = [
        (item, cohort_results.scale_chart(item), f"scale-chart-{index}")
        for index, item in enumerate(survey.scale_items if survey else [], start=1)
    ]
    context = {
        "cohort": cohort,
        "results": table,
        "figures": table.figures,
        "chart": cohort_results.pre_post_chart(table),
        "survey": survey,
        "scale_charts": scale_charts,
        "header_title": _("Résultats — %(cohort)s") % {"cohort": cohort},
        "breadcrumbs_items": _crumbs(cohort, _("Résultats")),
    }
    return TemplateResponse(request, "learning/admin/cohort_results.html", context)


def results_csv(request, cohort_id: int):
    """The per-trainee table only: survey answers are never exported next to a name."""
    cohort = get_cohort_for_user(request.user, cohort_id, "export")
    content = cohort_results.results_csv(cohort_results.cohort_results(cohort))
    trainees = list(cohort.enrolments.values_list("trainee_id", flat=True))
    audit.record(
        request.user,
        audit.Action.EXPORTED,
        cohort,
        document="assessment results csv",
        trainees=trainees,
    )
    return _csv_response(content, f"resultats-{slugify(cohort.name)}.csv")


def survey_csv(request, cohort_id: int):
    """Anonymous survey answers: one row per response, no trainee, no date, sorted by content."""
    cohort = get_cohort_for_user(request.user, cohort_id, "export")
    content = cohort_results.survey_csv(cohort)
    audit.record(request.user, audit.Action.EXPORTED, cohort, document="survey answers csv")
    return _csv_response(content, f"questionnaire-{slugify(cohort.name)}.csv")
