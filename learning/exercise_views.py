"""The trainee's exercises (/learn/cv/<enrolment>/, /learn/plan/<enrolment>/): the CV and the
business plan, written over several days on a shared tablet.

The page autosaves through the offline queue (lms/static/js/offline-queue.js, driven by
lms/static/js/exercise.js): JSON {version, answers} in; {version, figures} out; 409 with the
newer text when the tablet's version is old (the trainee then chooses which to keep: both are
on the server, see learning/exercise_services.py). The enrolment in the address says which
course the trainee came from; the CV is the trainee's whatever the course, a business plan
that enrolment's, opened only from a module that has it. Only the trainee's own active
enrolments open (learning/permissions.py).
"""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.exercises import ExerciseError, exercise
from courses.exercises.plan_figures import cash_flow_chart_svg
from learning import cv_photo, delivery, exercise_pdf
from learning import exercise_services as services
from learning.decorators import trainee_required
from learning.models import Document, DocumentVersion
from learning.permissions import get_document_for_user, get_enrolment_for_exercise
from lms.json_body import BadBody, read_json_object, read_version

#: The address of each exercise's page (courses/blocks.py links lessons to them).
PAGE_URL_NAMES = {"cv": "learn_cv", "plan": "learn_business_plan"}


def _document(request, trainee, kind: str, enrolment_id: int, *, bare: bool = False):
    """The enrolment in the address (the user's own, active, in a module that has the
    exercise when the work is the enrolment's) and the trainee's work on the exercise;
    ``bare``: the enrolment without its cohort and module (an autosave)."""
    try:
        exercise(kind)
    except KeyError:
        raise Http404 from None
    # Before any row is started: a plan only from an enrolment whose module has the plan.
    enrolment = get_enrolment_for_exercise(request.user, enrolment_id, kind, bare=bare)
    return enrolment, services.get_or_start_document(trainee, kind, enrolment)


def page_url(kind: str, enrolment_id: int) -> str:
    return reverse(PAGE_URL_NAMES[kind], args=[enrolment_id])


def draft_key(document) -> str:
    """The offline draft's name on the tablet (offline-queue.js adds "foras:<user id>:")."""
    return f"exercise-{document.pk}"


def figures_of(document, data: dict | None = None) -> dict | None:
    """What the page shows worked out from the data (the plan's figures), JSON-ready; of an
    earlier version's ``data`` when given (None if it no longer reads as the exercise's)."""
    figures = exercise(document.kind).figures
    if figures is None:
        return None
    if data is None:
        return figures(document.data)
    try:
        return figures(exercise(document.kind).clean(data))
    except ExerciseError:
        return None


def page_context(request, enrolment, document) -> dict:
    described = exercise(document.kind)
    comments: dict[str, list] = {}
    for comment in document.comments.filter(resolved_at__isnull=True):
        comments.setdefault(comment.section, []).append(comment)
    return {
        "enrolment": enrolment,
        "document": document,
        "exercise": described,
        "data": document.data,
        "figures": figures_of(document),
        "comments": comments,
        "sections": [
            {
                "section": section,
                "comments": comments.get(section.key, []),
                "value": document.data.get(section.key, ""),
            }
            for section in described.sections
        ],
        "draft_key": draft_key(document),
        "save_url": reverse("learn_exercise_save", args=[document.kind, enrolment.pk]),
        "delivery": {
            "url": reverse("learn_deliver"),
            "token": delivery.token_for_document(document, request.user.pk),
            "key": delivery.key_for_document(document, request.user.pk),
        },
    }


@require_GET
@trainee_required
def page(request, trainee, kind: str, enrolment_id: int):
    enrolment, document = _document(request, trainee, kind, enrolment_id)
    described = exercise(kind)
    return render(request, described.template, page_context(request, enrolment, document))


def _json_error(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def conflict_response(conflict: services.VersionConflict) -> JsonResponse:
    current = conflict.document
    return JsonResponse(
        {
            "version": current.version,
            "answers": current.data,
            "conflict": True,
            "copy": conflict.copy.pk if conflict.copy else None,
        },
        status=409,
    )


@require_POST
@trainee_required
def save(request, trainee, kind: str, enrolment_id: int):
    """Autosave: JSON {version, answers} in, {version, figures} out."""
    enrolment, document = _document(request, trainee, kind, enrolment_id, bare=True)
    try:
        payload = read_json_object(request)
        version = read_version(payload)
        document = services.save_document(
            document, payload.get("answers"), version, by=request.user
        )
    except BadBody as error:
        return _json_error(error.message)
    except ExerciseError as error:
        return _json_error(error.message, errors=error.errors)
    except services.VersionConflict as conflict:
        return conflict_response(conflict)
    except services.NotEditable:
        return _json_error(
            _("Ce travail est chez votre formateur : vous pourrez le changer à son retour."),
            status=409,
            location=page_url(kind, enrolment.pk),
        )
    described = exercise(kind)
    figures = described.autosave_figures or described.figures
    return JsonResponse(
        {"version": document.version, "figures": figures(document.data) if figures else None}
    )


@require_POST
@trainee_required
def submit(request, trainee, kind: str, enrolment_id: int):
    """Sends the work to the trainer (the page has saved everything first)."""
    enrolment, document = _document(request, trainee, kind, enrolment_id)
    if document.is_editable:
        services.submit_document(document, by=request.user)
        messages.success(request, _("Envoyé à votre formateur. Bravo !"))
    return redirect(page_url(kind, enrolment.pk))


@require_GET
@trainee_required
def history(request, trainee, kind: str, enrolment_id: int):
    """The earlier versions of the work: read one again, bring it back."""
    enrolment, document = _document(request, trainee, kind, enrolment_id)
    shown = request.GET.get("version", "")
    versions = list(document.versions.select_related("created_by")[:100])
    chosen = next((v for v in versions if str(v.pk) == shown), None)
    return render(
        request,
        "learning/exercises/history.html",
        {
            "enrolment": enrolment,
            "document": document,
            "exercise": exercise(kind),
            "versions": versions,
            "chosen": chosen,
            "chosen_figures": figures_of(document, chosen.data) if chosen else None,
            "preview_template": exercise(kind).preview_template,
            "page_url": page_url(kind, enrolment.pk),
        },
    )


def pdf_response(document, language: str) -> HttpResponse:
    """The document's PDF, for the trainee's page and the trainer's review alike."""
    response = HttpResponse(exercise_pdf.document_pdf(document, language), "application/pdf")
    name = exercise_pdf.filename(document, language)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_GET
@trainee_required
def pdf(request, trainee, kind: str, enrolment_id: int):
    """The work as a PDF to print: in the page's language, or ?lang=fr|en (a CV in English)."""
    enrolment, document = _document(request, trainee, kind, enrolment_id)
    if not exercise(kind).pdf_template:
        raise Http404
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang") or translation.get_language()
    return pdf_response(document, language if language in languages else "fr")


@require_GET
@trainee_required
def plan_chart(request, trainee, enrolment_id: int):
    """The business plan's cash-flow chart as an SVG image: the page asks for it after an
    autosave, only while the chart is on screen (the autosave itself does not draw it)."""
    enrolment, document = _document(request, trainee, "plan", enrolment_id)
    svg = cash_flow_chart_svg(document.data)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    # ?v=<version> in the address: one version's chart never changes.
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
@trainee_required
def restore(request, trainee, kind: str, enrolment_id: int, version_id: int):
    enrolment, document = _document(request, trainee, kind, enrolment_id)
    earlier = get_object_or_404(DocumentVersion, pk=version_id, document=document)
    try:
        services.restore_version(document, earlier, by=request.user)
    except services.NotEditable:
        messages.error(
            request, _("Ce travail est chez votre formateur : il ne peut pas changer maintenant.")
        )
    except ExerciseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("La version choisie est revenue."))
    return redirect(page_url(kind, enrolment.pk))


def deliver(sent: delivery.Delivery) -> JsonResponse:
    """Exercise work left on a tablet after a sign-out (learning/delivery.py): kept under the
    autosave's rules. A stale one is kept as an earlier version (409: the tablet forgets it,
    nothing is lost); one for work now with the trainer likewise."""
    owner = sent.document.trainee.user
    try:
        document = services.save_document(sent.document, sent.answers, sent.version, by=owner)
    except ExerciseError as error:
        return _json_error(error.message, errors=error.errors)
    except (services.VersionConflict, services.NotEditable):
        return _json_error(_("Un travail plus récent est déjà enregistré."), status=409)
    return JsonResponse({"version": document.version})


# --- The CV's photo (learning/cv_photo.py) -------------------------------------------------


@require_POST
@trainee_required
def cv_photo_upload(request, trainee, enrolment_id: int):
    """Puts a photo on the CV (multipart "photo") or takes it away ("remove"); back to the
    page's photo step with a message either way. A refused upload changes nothing."""
    enrolment, document = _document(request, trainee, "cv", enrolment_id)
    back = page_url("cv", enrolment.pk) + "#step-photo"
    if not cv_photo.photo_allowed(trainee):
        messages.error(request, _("Pas de photo sans votre accord : parlez-en à votre formateur."))
    elif not document.is_editable:
        messages.error(
            request, _("Ce travail est chez votre formateur : il ne peut pas changer maintenant.")
        )
    elif "remove" in request.POST:
        services.set_photo(document, None, by=request.user)
        messages.success(request, _("La photo n’est plus sur votre CV."))
    else:
        try:
            photo = cv_photo.prepare_photo(request.FILES.get("photo"))
        except cv_photo.PhotoError as error:
            messages.error(request, str(error))
        else:
            services.set_photo(document, photo, by=request.user)
            messages.success(request, _("Votre photo est sur votre CV."))
    return redirect(back)


@require_GET
@never_cache
def cv_photo_file(request, document_id: int):
    """The CV's photo, for whoever may read the CV (the trainee, their trainers, a
    coordinator); never stored by the browser of a shared tablet."""
    document = get_document_for_user(
        request.user, "view", document_id, Document.objects.of_kind("cv")
    )
    photo = cv_photo.shown_photo(document)
    if photo is None:
        raise Http404
    return FileResponse(photo.open("rb"), content_type="image/jpeg")
