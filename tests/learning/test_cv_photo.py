"""The CV's optional photo: only with consent, only a real picture of reasonable size, kept
small and without its metadata, shown only to those who may read the CV."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cohorts.services import record_consent
from learning import exercise_services as services
from learning.models import Document
from lms import audit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def enrolment(trainee):
    return trainee.enrolments.get()


@pytest.fixture
def consenting(trainee, trainer):
    record_consent(by=trainer, trainee=trainee, purpose="photos", granted=True)
    return trainee


def jpeg_with_exif(size=(2400, 1800)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "Camera app 1.0"  # Software
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif.tobytes())
    return output.getvalue()


def upload(client, enrolment, content: bytes, name="photo.jpg", kind="image/jpeg"):
    return client.post(
        reverse("learn_cv_photo", args=[enrolment.pk]),
        {"photo": SimpleUploadedFile(name, content, content_type=kind)},
        follow=True,
    )


def notices(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def cv_of(trainee) -> Document:
    return Document.objects.get(trainee=trainee, kind="cv")


def test_a_real_photo_is_kept_resized_and_without_its_exif(client, consenting, enrolment):
    client.force_login(consenting.user)
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()

    response = upload(client, enrolment, original)

    assert notices(response) == ["Votre photo est sur votre CV."]
    document = cv_of(consenting)
    with document.photo.open("rb") as file:
        kept = Image.open(io.BytesIO(file.read()))
    assert kept.format == "JPEG"
    assert max(kept.size) <= 600 and kept.size == (600, 450)
    assert not kept.getexif()
    assert "exif" not in kept.info
    assert document.version == 0  # the text's version does not move
    assert audit.entries_about(document).filter(action=audit.Action.PHOTO_SET).exists()


def test_the_page_shows_the_upload_only_with_consent(client, trainee, enrolment):
    client.force_login(trainee.user)
    page = client.get(reverse("learn_cv", args=[enrolment.pk])).content.decode()
    assert "Vous n’avez pas donné votre accord pour les photos" in page
    assert 'type="file"' not in page


def test_without_consent_no_photo_is_taken(client, trainee, enrolment):
    client.force_login(trainee.user)

    response = upload(client, enrolment, jpeg_with_exif())

    assert notices(response) == [
        "Pas de photo sans votre accord\u00a0: parlez-en à votre formateur."
    ]
    assert not cv_of(trainee).photo


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"%PDF-1.4 not a picture at all", "photo.jpg"),
        (b"GIF89a" + b"\0" * 100, "photo.gif"),
        (jpeg_with_exif()[:200], "cut.jpg"),
    ],
)
def test_what_is_not_a_readable_photo_is_refused_and_changes_nothing(
    client, consenting, enrolment, content, name
):
    client.force_login(consenting.user)
    upload(client, enrolment, jpeg_with_exif((800, 800)))
    before = cv_of(consenting).photo.name

    response = upload(client, enrolment, content, name=name)

    assert response.status_code == 200
    assert notices(response)[-1] == "Ce fichier n'est pas une photo lisible."
    assert cv_of(consenting).photo.name == before


def test_a_gif_is_refused_as_a_kind_not_taken(client, consenting, enrolment):
    client.force_login(consenting.user)
    output = io.BytesIO()
    Image.new("RGB", (10, 10)).save(output, "GIF")

    response = upload(client, enrolment, output.getvalue(), name="a.gif", kind="image/gif")

    assert notices(response) == ["Choisissez une photo JPEG, PNG ou WebP."]
    assert not cv_of(consenting).photo


def test_a_20_mb_file_is_refused_with_a_clear_message_and_the_saved_work_is_untouched(
    client, consenting, enrolment
):
    client.force_login(consenting.user)
    upload(client, enrolment, jpeg_with_exif((800, 800)))
    document = services.save_document(
        cv_of(consenting), {"objective": "Maçon à Kindia"}, 0, by=consenting.user
    )
    with document.photo.open("rb") as file:
        photo = file.read()

    response = upload(client, enrolment, jpeg_with_exif() + b"\0" * (20 * 1024 * 1024))

    assert response.status_code == 200
    assert notices(response)[-1] == "Cette photo est trop lourde\u00a0: 10 Mo au plus."
    after = cv_of(consenting)
    assert after.photo.name == document.photo.name
    with after.photo.open("rb") as file:
        assert file.read() == photo
    assert (after.version, after.data) == (document.version, document.data)
    assert after.data["objective"] == "Maçon à Kindia"


def test_sending_no_file_says_so(client, consenting, enrolment):
    client.force_login(consenting.user)
    response = client.post(reverse("learn_cv_photo", args=[enrolment.pk]), follow=True)
    assert notices(response) == ["Choisissez d'abord une photo."]


def test_the_photo_can_be_taken_away(client, consenting, enrolment):
    client.force_login(consenting.user)
    upload(client, enrolment, jpeg_with_exif())

    response = client.post(
        reverse("learn_cv_photo", args=[enrolment.pk]), {"remove": "1"}, follow=True
    )

    assert notices(response)[-1] == "La photo n’est plus sur votre CV."
    assert not cv_of(consenting).photo


def test_no_photo_changes_while_the_trainer_has_the_cv(client, consenting, enrolment):
    client.force_login(consenting.user)
    document = services.get_or_start_document(consenting, "cv")
    services.submit_document(document, by=consenting.user)

    upload(client, enrolment, jpeg_with_exif())

    assert not cv_of(consenting).photo


@pytest.fixture
def photo_url(client, consenting, enrolment):
    client.force_login(consenting.user)
    upload(client, enrolment, jpeg_with_exif())
    client.logout()
    return reverse("learn_cv_photo_file", args=[cv_of(consenting).pk])


def test_the_trainee_their_trainer_and_a_coordinator_see_the_photo(
    client, consenting, trainer, coordinator, photo_url
):
    for user in (consenting.user, trainer, coordinator):
        client.force_login(user)
        response = client.get(photo_url)
        assert response.status_code == 200, user
        assert response["Content-Type"] == "image/jpeg"
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_trainee", 404), ("other_trainer", 404), ("editor", 403), ("outsider", 403)],
)
def test_nobody_else_sees_the_photo(client, request, photo_url, who, status):
    user = request.getfixturevalue(who)
    client.force_login(getattr(user, "user", user))
    assert client.get(photo_url).status_code == status


def test_an_anonymous_visitor_does_not_see_the_photo(client, photo_url):
    assert client.get(photo_url).status_code in (302, 403)


def test_a_withdrawn_consent_hides_the_photo(client, consenting, trainer, photo_url):
    record_consent(by=trainer, trainee=consenting, purpose="photos", granted=False)
    client.force_login(trainer)
    assert client.get(photo_url).status_code == 404
