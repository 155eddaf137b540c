"""Assessment results in the trainer workspace: a cohort's pre/post table, its survey, exports."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cohorts.admin_views import cohort_crumb, crumbs
from cohorts.permissions import cohort_policy, get_cohort_for_user
from learning import results as cohort_results
from learning import services
from learning.models import Attempt
from lms import audit


class AttemptChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, attempt):
        test = _("test de début") if attempt.phase == "pre" else _("test de fin")
        score = "—" if attempt.score is None else f"{floatformat(attempt.score, -1)} %"
        return f"{attempt.enrolment.trainee.display_name} — {test} — {score}"


class ReopenAttemptForm(forms.Form):
    """Which of the cohort's submitted attempts to reopen, and why."""

    attempt = AttemptChoiceField(queryset=Attempt.objects.none(), label=gettext_lazy("Test"))
    reason = forms.CharField(
        label=gettext_lazy("Raison"), max_length=services.REASON_MAX_LENGTH, strip=True
    )

    def __init__(self, cohort, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attempt"].queryset = (
            Attempt.objects.submitted()
            .filter(enrolment__cohort=cohort)
            .select_related("enrolment__trainee")
            .order_by("enrolment__trainee__display_name", "phase")
        )


def _crumbs(cohort, label):
    return crumbs(cohort_crumb(cohort), {"url": "", "label": label})


def _csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def results(request, cohort_id: int):
    return _results_page(request, get_cohort_for_user(request.user, cohort_id))


def _results_page(request, cohort, reopen_form=None, status: int = 200):
    table = cohort_results.cohort_results(cohort)
    survey = cohort_results.survey_results(cohort, table.active_count)
    scale_charts = [
        (item, cohort_results.scale_chart(item)) for item in (survey.scale_items if survey else [])
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
        "may_teach": cohort_policy.user_has_permission_for_instance(request.user, "teach", cohort),
        "reopen_form": reopen_form or ReopenAttemptForm(cohort),
    }
    return TemplateResponse(request, "learning/admin/cohort_results.html", context, status=status)


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


def _back_to_results(cohort):
    return redirect("learning_cohort_results", cohort.pk)


@require_POST
def reopen_attempt(request, cohort_id: int):
    """The trainer reopens a trainee's submitted test, with a reason kept in the audit trail."""
    cohort = get_cohort_for_user(request.user, cohort_id, "teach")
    form = ReopenAttemptForm(cohort, request.POST)
    if not form.is_valid():
        return _results_page(request, cohort, reopen_form=form, status=400)
    attempt = form.cleaned_data["attempt"]
    try:
        services.reopen_attempt(attempt, form.cleaned_data["reason"], by=request.user)
    except services.NotSubmitted:
        messages.warning(request, _("Ce test n'était pas envoyé : il est déjà ouvert."))
    else:
        messages.success(
            request,
            _("Le test de %(name)s est rouvert : il peut répondre à nouveau et renvoyer.")
            % {"name": attempt.enrolment.trainee.display_name},
        )
    return _back_to_results(cohort)


@require_POST
def open_post_test(request, cohort_id: int):
    cohort = get_cohort_for_user(request.user, cohort_id, "teach")
    if services.open_post_test(cohort, by=request.user):
        messages.success(request, _("Le test de fin est ouvert pour toute la cohorte."))
    return _back_to_results(cohort)
