"""The trainee's check-in: /checkin/ (type the six digits on the trainer's screen) and
/checkin/<window>/<token>/ (the address in the screen's QR code: one big "I'm here" button).

Opening the QR code's address changes nothing (a GET); the button's POST checks the trainee in
through ``attendance_services.check_in``, which says why it refuses (CheckInRefused).

A trainee not signed in who scans the code is sent to the trainee sign-in and back here, which
takes longer than a code lives (``STEP_SECONDS``, accepted for two steps). So when the address
is opened while its code is current, the session remembers that it was seen then (the server's
clock, in the server-side session: nothing the phone can forge), and for ``SEEN_GRACE`` after
that the code is checked, and lateness judged, at the time it was seen. A code opened once it
has expired (a photo of the screen sent outside) is never remembered. On a shared tablet the
memory goes to whoever signs in next within that grace, in the same room.
"""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cohorts import attendance_services, check_in_limits
from cohorts import check_in as codes
from cohorts.attendance_errors import CheckInRefused
from cohorts.check_in_forms import CheckInCodeForm
from cohorts.models import AttendanceStatus, CheckInWindow
from cohorts.signin import sign_in_then_return
from lms.roles import is_trainee

SEEN_KEY = "cohorts:check-in-seen"
SEEN_GRACE = datetime.timedelta(minutes=2)


def trainee_only(view):
    """Trainees in, with their profile; anonymous visitors to the trainee sign-in and back;
    anyone else (staff) a 403 page. Never cached: a shared tablet's Back shows nothing."""

    @never_cache
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return sign_in_then_return(request)
        trainee = getattr(request.user, "trainee", None)
        if trainee is None or not is_trainee(request.user):
            return render(request, "cohorts/check_in/forbidden.html", status=403)
        return view(request, trainee, *args, **kwargs)

    return wrapper


def _remember_if_fresh(request: HttpRequest, window: CheckInWindow, token: str) -> None:
    now = timezone.now()
    if codes.matching_step(window.secret, token, codes.step_at(now.timestamp())) is None:
        return
    request.session[SEEN_KEY] = {"window": window.pk, "token": token, "at": now.timestamp()}


def _seen_at(request: HttpRequest, window: CheckInWindow, token: str):
    seen = request.session.pop(SEEN_KEY, None)
    if not isinstance(seen, dict) or (seen.get("window"), seen.get("token")) != (
        window.pk,
        token,
    ):
        return None
    at = datetime.datetime.fromtimestamp(float(seen.get("at", 0)), tz=datetime.UTC)
    return at if timezone.now() - at <= SEEN_GRACE else None


def _done(request, mark) -> HttpResponse:
    context = {"mark": mark, "late": mark.status == AttendanceStatus.LATE}
    return render(request, "cohorts/check_in/done.html", context)


def _refused(request, template: str, refused: CheckInRefused, context=None) -> HttpResponse:
    if refused.reason == "wrong_code":
        check_in_limits.count_wrong_code(request)
    status = 429 if refused.reason == "too_many_tries" else 400
    context = {**(context or {}), "error": refused.messages[0], "reason": refused.reason}
    return render(request, template, context, status=status)


def _window_for(trainee, code: str) -> CheckInWindow | None:
    """The window the typed code belongs to: one of the trainee's cohorts' first, else any
    open window today (so that a trainee of another cohort is told so, by the service)."""
    window = attendance_services.find_window_for_code(trainee=trainee, code=code)
    if window is not None:
        return window
    now = timezone.now()
    step = codes.step_at(now.timestamp())
    others = CheckInWindow.objects.filter(
        closed_at__isnull=True, closes_at__gt=now, session_day__date=timezone.localdate(now)
    )
    return next(
        (other for other in others if codes.matching_step(other.secret, code, step) is not None),
        None,
    )


@require_http_methods(["GET", "POST"])
@trainee_only
def check_in_by_code(request: HttpRequest, trainee) -> HttpResponse:
    """/checkin/: the trainee types the six digits shown on the trainer's screen."""
    template = "cohorts/check_in/code.html"
    if request.method != "POST":
        return render(request, template, {"form": CheckInCodeForm()})
    form = CheckInCodeForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    code = codes.normalise(form.cleaned_data["code"])
    fresh = {"form": CheckInCodeForm()}
    if not check_in_limits.may_try(request):
        return _refused(request, template, CheckInRefused("too_many_tries"), fresh)
    window = _window_for(trainee, code)
    if window is None:
        return _refused(request, template, CheckInRefused("wrong_code"), fresh)
    try:
        mark = attendance_services.check_in(trainee=trainee, window=window, code=code)
    except CheckInRefused as refused:
        return _refused(request, template, refused, fresh)
    return _done(request, mark)


@require_http_methods(["GET", "POST"])
def check_in_by_qr(request: HttpRequest, window_id: int, token: str) -> HttpResponse:
    """/checkin/<window>/<token>/: GET shows the button (and remembers a fresh code, signed in
    or not); POST checks in."""
    window = get_object_or_404(CheckInWindow.objects.select_related("session_day"), pk=window_id)
    token = codes.normalise(token)
    if request.method == "GET":
        _remember_if_fresh(request, window, token)
    return _qr_page(request, window=window, token=token)


@trainee_only
def _qr_page(request: HttpRequest, trainee, *, window: CheckInWindow, token: str):
    template = "cohorts/check_in/qr.html"
    if request.method != "POST":
        return render(request, template, {"window": window})
    if not check_in_limits.may_try(request):
        return _refused(request, template, CheckInRefused("too_many_tries"), {"window": window})
    try:
        mark = attendance_services.check_in(
            trainee=trainee, window=window, code=token, seen_at=_seen_at(request, window, token)
        )
    except CheckInRefused as refused:
        return _refused(request, template, refused, {"window": window})
    return _done(request, mark)
