"""Coordinators create staff accounts: the person chooses a password from an e-mailed link.

The link is allauth's own password-reset link (the same key, the same set-password page), so
an invitation that expired or got lost is renewed with "Mot de passe oublié ?".
"""

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms import services
from lms.roles import STAFF_ROLES, Role, is_coordinator

User = get_user_model()


class StaffInvitationForm(forms.Form):
    # The address is also the username, which Django caps at 150 characters.
    email = forms.EmailField(label=gettext_lazy("Adresse e-mail"), max_length=150)
    first_name = forms.CharField(label=gettext_lazy("Prénom"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Nom de famille"), max_length=150)
    role = forms.ChoiceField(
        label=gettext_lazy("Rôle"),
        choices=[(role.value, role.label) for role in STAFF_ROLES],
        widget=forms.RadioSelect,
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email_in_use(email):
            raise forms.ValidationError(_("Un compte existe déjà avec cette adresse e-mail."))
        return email


def email_in_use(email: str) -> bool:
    return (
        User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def set_password_url(request, user) -> str:
    """allauth's password-reset link for ``user`` (valid PASSWORD_RESET_TIMEOUT seconds)."""
    token = account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    return get_adapter(request).get_reset_password_from_key_url(
        f"{user_pk_to_url_str(user)}-{token}"
    )


def _absolute(request, path: str) -> str:
    return (
        settings.SITE_BASE_URL + path
        if settings.SITE_BASE_URL
        else request.build_absolute_uri(path)
    )


def invitation_message(request, user, role: Role, by) -> tuple[str, str]:
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    context = {
        "name": user.first_name,
        "inviter": by.get_full_name() or by.email,
        "role": role.label,
        "days": days,
        "set_password_url": set_password_url(request, user),
        "login_url": _absolute(request, reverse("account_login")),
        "email": user.email,
    }
    subject = _("Votre compte Foras")
    paragraphs = [
        _("Bonjour %(name)s,") % context,
        _("%(inviter)s vous a créé un compte sur Foras, avec le rôle : %(role)s.") % context,
        ngettext(
            "Pour choisir votre mot de passe, ouvrez ce lien (valable %(days)s jour) :\n"
            "%(set_password_url)s",
            "Pour choisir votre mot de passe, ouvrez ce lien (valable %(days)s jours) :\n"
            "%(set_password_url)s",
            days,
        )
        % context,
        _("Ensuite, connectez-vous avec votre adresse e-mail (%(email)s) :\n%(login_url)s")
        % context,
    ]
    if settings.MFA_REQUIRED_FOR_STAFF:
        paragraphs.append(
            _(
                "À la première connexion, vous activerez la connexion en deux étapes avec une "
                "application d'authentification sur votre téléphone."
            )
        )
    paragraphs.append(_("Si vous n'attendiez pas ce message, vous pouvez l'ignorer."))
    return subject, "\n\n".join(paragraphs) + "\n"


def invite_staff_view(request):
    if not is_coordinator(request.user):
        return TemplateResponse(
            request, "lms/admin/forbidden.html", _admin_context(_("Accès refusé")), status=403
        )
    form = StaffInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invite_staff(
                by=request.user,
                message=lambda user, role: invitation_message(request, user, role, request.user),
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=Role(data["role"]),
            )
        except IntegrityError:
            # Someone invited the same address a moment ago.
            form.add_error("email", _("Un compte existe déjà avec cette adresse e-mail."))
        else:
            messages.success(
                request,
                _(
                    "Compte créé pour %(email)s : un lien pour choisir son mot de passe lui a "
                    "été envoyé. S'il n'arrive pas, la personne peut demander un nouveau lien "
                    "avec « Mot de passe oublié ? » sur la page de connexion."
                )
                % {"email": user.email},
            )
            return redirect("lms_invite_staff")
    context = _admin_context(_("Inviter un membre du personnel"))
    context["form"] = form
    return TemplateResponse(request, "lms/admin/invite_staff.html", context)


def _admin_context(title: str) -> dict:
    return {
        "header_title": title,
        "header_icon": "user",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": "", "label": title},
        ],
    }
