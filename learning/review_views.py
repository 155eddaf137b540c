"""The trainer's review of exercise work in the Wagtail admin (/admin/exercises/).

The list is Wagtail's generic index view over the documents the user may ``view`` under the
document policy (learning/permissions.py): a trainer's own cohorts' trainees, every one for a
coordinator. One document's screen shows the work as the trainee wrote it, its earlier
versions and, while it waits for the trainer, a comment box per section and the two answers
(return it with comments, mark it reviewed). Every screen fetches through
``get_document_for_user`` (403 for an editor, 404 outside the user's scope) and changes state
only through learning/exercise_services.py; each reading of the work is recorded.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic

from cohorts.models import Enrolment
from cohorts.permissions import cohort_policy
from courses.exercises import ExerciseError, exercise
from learning import exercise_services as services
from learning.exercise_views import figures_of, pdf_response
from learning.filters import DocumentFilterSet
from learning.models import Document, DocumentVersion, Status
from learning.permissions import document_policy, get_document_for_user

RETURN, REVIEWED = "return", "reviewed"


def review_url(document) -> str:
    return reverse("exercises:review", args=[document.pk])


def cohorts_seen_by(user):
    return cohort_policy.instances_user_has_permission_for(user, "view")


def with_cohorts(documents, user):
    """The documents with what the list shows of each: the trainee, the plan's cohort, the
    trainee's cohorts the user sees (a CV's), the comments still open; in a fixed number of
    queries whatever the number of rows."""
    seen = Enrolment.objects.filter(cohort__in=cohorts_seen_by(user)).select_related("cohort")
    return (
        documents.select_related("trainee", "enrolment__cohort")
        .prefetch_related(
            Prefetch(
                "trainee__enrolments",
                queryset=seen.order_by("-cohort__start_date"),
                to_attr="enrolments_seen",
            )
        )
        .annotate(open_comments=Count("comments", filter=Q(comments__resolved_at__isnull=True)))
    )


def cohort_names(document) -> str:
    """A plan's cohort; for a CV (the trainee's, across courses) the trainee's cohorts that the
    reader sees (``with_cohorts`` read them)."""
    if document.enrolment_id:
        return document.enrolment.cohort.name
    names = dict.fromkeys(e.cohort.name for e in document.trainee.enrolments_seen)
    return ", ".join(names) or "—"


class TraineeColumn(TitleColumn):
    """The trainee's name, a link to the work, with their cohort and the open comments beneath:
    the list must fit a trainer's tablet."""

    cell_template_name = "learning/admin/exercise_title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["cohorts"] = cohort_names(instance)
        return context


class DocumentIndexView(generic.IndexView):
    filterset_class = DocumentFilterSet
    default_ordering = "-updated_at"
    page_title = gettext_lazy("Exercices")
    # Seeing the list is the policy's "view": trainers and coordinators.
    any_permission_required = ["view"]

    def get_base_queryset(self):
        visible = document_policy.instances_user_has_permission_for(self.request.user, "view")
        return with_cohorts(visible, self.request.user)

    @cached_property
    def columns(self):
        return [
            TraineeColumn(
                "trainee",
                label=gettext_lazy("Apprenant"),
                accessor="trainee.display_name",
                sort_key="trainee__display_name",
                get_url=review_url,
            ),
            Column(
                "kind", label=gettext_lazy("Exercice"), accessor="get_kind_display", sort_key="kind"
            ),
            StatusTagColumn(
                "status",
                label=gettext_lazy("État"),
                accessor="get_status_display",
                sort_key="status",
                # What waits for the trainer stands out.
                primary=lambda document: document.status == Status.SUBMITTED,
            ),
            DateColumn(
                "updated_at", label=gettext_lazy("Dernier changement"), sort_key="updated_at"
            ),
        ]


class ReviewForm(forms.Form):
    """A comment per section of the exercise, and the trainer's answer: return the work with
    the comments, or mark it reviewed (comments then are notes the trainee reads)."""

    decision = forms.ChoiceField(
        choices=[
            (RETURN, gettext_lazy("Rendre avec des commentaires")),
            (REVIEWED, gettext_lazy("Marquer comme relu")),
        ],
        error_messages={"required": gettext_lazy("Choisissez : rendre ou marquer comme relu.")},
    )

    def __init__(self, described, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = described.sections
        for section in self.sections:
            self.fields[self.field_name(section)] = forms.CharField(
                label=_("Commentaire sur « %(section)s »") % {"section": section.title},
                required=False,
                max_length=services.COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @staticmethod
    def field_name(section) -> str:
        return f"comment-{section.key}"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == RETURN and not self.comments():
            raise ValidationError(
                _("Écrivez au moins un commentaire pour dire à l'apprenant quoi reprendre.")
            )
        return cleaned

    def comments(self) -> dict[str, str]:
        return {
            section.key: text
            for section in self.sections
            if (text := self.cleaned_data.get(self.field_name(section), "").strip())
        }

    @property
    def returned(self) -> bool:
        return self.cleaned_data["decision"] == RETURN


def _document(request, action: str, pk: int) -> Document:
    rows = with_cohorts(Document.objects.all(), request.user)
    return get_document_for_user(request.user, action, pk, queryset=rows)


def _crumbs(label: str) -> list[dict]:
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
        {"url": reverse("exercises:index"), "label": _("Exercices")},
        {"url": "", "label": label},
    ]


def _sections(document, described, form) -> list[dict]:
    """Each section (the work itself is shown whole by the exercise's preview): the comments
    on it (those still open first) and, while the work waits for the trainer, its comment box."""
    comments: dict[str, list] = {}
    for comment in document.comments.order_by("resolved_at", "created_at"):
        comments.setdefault(comment.section, []).append(comment)
    return [
        {
            "section": section,
            "comments": comments.get(section.key, []),
            "field": form[ReviewForm.field_name(section)] if form else None,
        }
        for section in described.sections
    ]


def _review_page(request, document, form=None, status: int = 200):
    described = exercise(document.kind)
    may_review = document_policy.user_has_permission_for_instance(request.user, "review", document)
    if form is None and may_review and document.status == Status.SUBMITTED:
        form = ReviewForm(described)
    versions = list(document.versions.select_related("created_by")[:100])
    shown = request.GET.get("version", "")
    chosen = next((v for v in versions if str(v.pk) == shown), None)
    services.viewed_document(document, by=request.user)
    title = _("%(name)s — %(exercise)s") % {
        "name": document.trainee.display_name,
        "exercise": described.title,
    }
    context = {
        "document": document,
        "exercise": described,
        "trainee": document.trainee,
        "data": document.data,
        "figures": figures_of(document),
        "cohorts": cohort_names(document),
        # The exercise's own preview, or its texts in order until it has one.
        "preview_template": described.preview_template,
        "form": form,
        "sections": _sections(document, described, form),
        "versions": versions,
        "chosen": chosen,
        "chosen_figures": figures_of(document, chosen.data) if chosen else None,
        "may_restore": may_review and document.is_editable,
        "pdf_url": reverse("exercises:pdf", args=[document.pk]) if described.pdf_template else "",
        "header_title": title,
        "header_icon": "doc-full",
        "breadcrumbs_items": _crumbs(title),
    }
    return TemplateResponse(request, "learning/admin/review.html", context, status=status)


@require_GET
def review(request, pk: int):
    return _review_page(request, _document(request, "view", pk))


@require_POST
def review_post(request, pk: int):
    """Returns the work with the comments, or marks it reviewed: only a sent work, once."""
    document = _document(request, "review", pk)
    form = ReviewForm(exercise(document.kind), request.POST)
    if not form.is_valid():
        return _review_page(request, document, form, status=400)
    try:
        services.review_document(
            document, by=request.user, comments=form.comments(), returned=form.returned
        )
    except services.WrongStatus:
        messages.error(
            request,
            _(
                "Ce travail n'attend pas de relecture (pas encore envoyé, ou déjà relu) : "
                "rien n'a changé."
            ),
        )
    else:
        name = document.trainee.display_name
        if form.returned:
            messages.success(request, _("Rendu à %(name)s avec vos commentaires.") % {"name": name})
        else:
            messages.success(request, _("Le travail de %(name)s est relu.") % {"name": name})
    return redirect(review_url(document))


@require_POST
def restore(request, pk: int, version_id: int):
    """The trainer brings back an earlier version (the text it replaces is kept too)."""
    document = _document(request, "review", pk)
    earlier = get_object_or_404(DocumentVersion, pk=version_id, document=document)
    try:
        services.restore_version(document, earlier, by=request.user)
    except services.NotEditable:
        messages.error(
            request,
            _(
                "Ce travail attend votre relecture : relisez-le d'abord, "
                "il ne peut pas changer maintenant."
            ),
        )
    except ExerciseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("La version choisie est revenue : l'apprenant la retrouve."))
    return redirect(review_url(document))


@require_GET
def pdf(request, pk: int):
    """The work as a PDF, in the admin's language or ?lang=fr|en (a CV to send in English)."""
    document = _document(request, "view", pk)
    if not exercise(document.kind).pdf_template:
        raise Http404
    language = request.GET.get("lang") or translation.get_language()
    language = language if language in dict(settings.LANGUAGES) else "fr"
    services.exported_document(document, by=request.user, language=language)
    return pdf_response(document, language)


# Mounted under /admin/exercises/ by the exercise viewset (learning/wagtail_hooks.py).
urlpatterns = [
    path("<int:pk>/", review, name="review"),
    path("<int:pk>/review/", review_post, name="review_post"),
    path("<int:pk>/versions/<int:version_id>/restore/", restore, name="restore"),
    path("<int:pk>/pdf/", pdf, name="pdf"),
]
