"""The CV's optional photo: who may have one, and what an upload must be to be kept.

A photo is kept only with the trainee's PHOTOS consent on record (cohorts/models/people.py):
without it none is taken, and one taken earlier is no longer shown once consent is withdrawn.
An upload must be a real JPEG, PNG or WebP of at most MAX_UPLOAD_BYTES; it is re-encoded as
a JPEG of at most MAX_SIDE pixels a side, which drops its EXIF and other metadata (a phone's
photo says where and when it was taken). The file's name is random: the photo is served only
through a view that asks the document's policy (learning/exercise_views.py), never by a
guessable media address.
"""

import base64
import io
import uuid

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from cohorts.models import ConsentPurpose, ConsentRecord

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 600
# Larger pictures are refused before they are decoded (a small file can unpack to gigabytes).
MAX_PIXELS = 40_000_000
FORMATS = frozenset({"JPEG", "PNG", "WEBP"})


class PhotoError(ValueError):
    """An upload that cannot be the CV's photo; the message is for the trainee."""


def photo_allowed(trainee) -> bool:
    return bool(ConsentRecord.objects.current_for(trainee).get(ConsentPurpose.PHOTOS))


def shown_photo(document):
    """The document's photo while it may be shown, else None."""
    if not document.photo or not photo_allowed(document.trainee):
        return None
    return document.photo


def prepare_photo(upload) -> ContentFile:
    """``upload`` (an uploaded file) checked, resized and stripped, ready for set_photo."""
    if upload is None:
        raise PhotoError(_("Choisissez d'abord une photo."))
    if upload.size > MAX_UPLOAD_BYTES:
        raise PhotoError(_("Cette photo est trop lourde : 10 Mo au plus."))
    try:
        with Image.open(upload) as probe:
            kind = probe.format
            if probe.width * probe.height > MAX_PIXELS:
                raise PhotoError(_("Cette photo est trop grande."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = ImageOps.exif_transpose(image).convert("RGB")
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError):
        raise PhotoError(_("Ce fichier n'est pas une photo lisible.")) from None
    if kind not in FORMATS:
        raise PhotoError(_("Choisissez une photo JPEG, PNG ou WebP."))
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    output = io.BytesIO()
    # A fresh image with no info dict: nothing of the original's metadata is written.
    picture.save(output, "JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def photo_data_uri(document) -> str:
    """The photo inline (data: URI) for the PDF, which then needs no address for it."""
    photo = shown_photo(document)
    if photo is None:
        return ""
    with photo.open("rb") as file:
        content = file.read()
    return "data:image/jpeg;base64," + base64.b64encode(content).decode("ascii")
