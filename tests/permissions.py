"""The permission matrix: the same questions asked by each of the seven personas.

A test lists URLs (name → (method, url)) and the answer each persona should get; ``answers``
asks them all as that persona. Answers read as words:

- ``ok``: 200, or a redirect after a POST that did its work;
- ``login``: sent to sign in;
- ``denied``: 403, or Wagtail's redirect to the dashboard (its answer to PermissionDenied);
- ``hidden``: 404 — the row is not even revealed.
"""

from django.urls import reverse

PERSONAS = (
    "anonymous",
    "trainee",
    "other_trainee",
    "trainer",
    "other_trainer",
    "coordinator",
    "editor",
)
TRAINEES = ("trainee", "other_trainee")
STAFF = ("trainer", "other_trainer", "coordinator", "editor")

# The answers to an action on a cohort that only its trainers and the coordinators may take:
# trainees have no admin access at all (Wagtail sends them to sign in), another trainer is not
# even told the cohort exists, an editor is refused.
COHORT_TEACHERS_ONLY = {
    "anonymous": "login",
    "trainee": "login",
    "other_trainee": "login",
    "trainer": "ok",
    "other_trainer": "hidden",
    "coordinator": "ok",
    "editor": "denied",
}


def user_of(request, persona: str):
    """The persona's user account (None for anonymous), from the fixtures of tests/conftest.py."""
    if persona == "anonymous":
        return None
    person = request.getfixturevalue(persona)
    return getattr(person, "user", person)


def sign_in_as(client, request, persona: str):
    user = user_of(request, persona)
    if user is not None:
        client.force_login(user)
    return user


def answer(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location or "/accounts/trainee/" in location:
            return "login"
        if location == reverse("wagtailadmin_home"):
            return "denied"
        return "ok"
    return {200: "ok", 204: "ok", 403: "denied", 404: "hidden"}.get(
        response.status_code, str(response.status_code)
    )


def answers(client, urls: dict[str, tuple[str, str]]) -> dict[str, str]:
    """What the signed-in client is answered at each of ``urls`` ({name: (method, url)})."""
    return {name: answer(getattr(client, method)(url)) for name, (method, url) in urls.items()}
