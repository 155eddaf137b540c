"""The trainee sign-in forms. They check the shape of what was typed; the views check the
credentials, after counting the try (cohorts/signin.py). On a classroom tablet the name tapped
says who signs in, and the secret comes alone (PinForm, PictureForm)."""

import re
from dataclasses import dataclass

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cohorts.guessing import PIN_LENGTH
from cohorts.pictures import PICTURES, SEQUENCE_LENGTH

# ASCII digits only: str.isdigit() would also accept "١٢٣٤" or "²".
PIN_PATTERN = re.compile(rf"[0-9]{{{PIN_LENGTH}}}")
PIN_ERROR = _("Tapez votre code à 4 chiffres.")


@dataclass(frozen=True)
class Picture:
    """One choice of the picture grid; the template shows its emoji beside its label."""

    key: str
    emoji: str
    label: str | Promise

    def __str__(self):
        return str(self.label)


PICTURE_CHOICES = [(key, Picture(key, emoji, label)) for key, (emoji, label) in PICTURES.items()]


class UsernameField(forms.CharField):
    """Trainee usernames are lower case (cohorts/services.py); tablets like to capitalise."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Nom d'utilisateur"),
            max_length=150,
            error_messages={"required": _("Tapez votre nom d'utilisateur.")},
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "username",
                    "autocapitalize": "none",
                    "autocorrect": "off",
                    "spellcheck": "false",
                }
            ),
            **kwargs,
        )

    def to_python(self, value):
        return super().to_python(value).lower()


class SignInForm(forms.Form):
    """The username, prefilled from a login card's QR code (?username=rabat01)."""

    username = UsernameField()
    secret_field = ""
    field_order = ["username"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # With the username known, the trainee starts on the secret.
        focus = self.secret_field if self["username"].value() else "username"
        if focus in self.fields:
            self.fields[focus].widget.attrs["autofocus"] = True


class PinForm(forms.Form):
    """The PIN alone: the classroom sign-in knows who is signing in (the name tapped)."""

    secret_field = "pin"

    pin = forms.CharField(
        label=_("Code secret"),
        error_messages={"required": PIN_ERROR},
        widget=forms.PasswordInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "off",
                "maxlength": PIN_LENGTH,
                "class": "pin-input",
            }
        ),
    )

    def clean_pin(self) -> str:
        pin = self.cleaned_data["pin"]
        if not PIN_PATTERN.fullmatch(pin):
            raise forms.ValidationError(PIN_ERROR, code="invalid")
        return pin


class PictureForm(forms.Form):
    """One radio group per position of the sequence (first, second… picture): without
    JavaScript the trainee ticks one picture in each group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for position in range(1, SEQUENCE_LENGTH + 1):
            self.fields[f"picture{position}"] = forms.ChoiceField(
                label=_("Image %(position)s") % {"position": position},
                choices=PICTURE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Touchez une image."),
                    "invalid_choice": _(
                        "Cette image n'existe pas. Touchez une image de la grille."
                    ),
                },
            )

    def picture_fields(self) -> list[forms.BoundField]:
        return [self[f"picture{position}"] for position in range(1, SEQUENCE_LENGTH + 1)]

    def picture_errors(self) -> list[str]:
        """Each distinct error of the picture groups once (they are shown above the grid)."""
        errors = [str(e) for field in self.picture_fields() for e in field.errors]
        return list(dict.fromkeys(errors))

    @property
    def sequence(self) -> list[str]:
        return [self.cleaned_data[f"picture{p}"] for p in range(1, SEQUENCE_LENGTH + 1)]


class PinSignInForm(SignInForm, PinForm):
    """A username and a PIN."""

    secret_field = "pin"


class PictureSignInForm(SignInForm, PictureForm):
    """A username and the pictures."""

    secret_field = ""
