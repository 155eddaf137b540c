"""The roster import: reading and checking a file (pure, no database), then the admin screen
that imports it all or nothing, asked by every persona."""

import codecs
import csv
import html
import io
import zipfile

import openpyxl
import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from cohorts import roster, services
from cohorts.models import ConsentRecord, TraineeProfile
from content.countries import Country
from lms import audit
from tests.cohorts.factories import TraineeFactory
from tests.permissions import COHORT_TEACHERS_ONLY, answer, sign_in_as

HEADER = [
    "nom",
    "sexe",
    "annee_naissance",
    "nationalite",
    "langue",
    "telephone",
    "consentement_donnees",
    "consentement_partage",
    "consentement_photos",
]
ROWS = [
    ["Aïcha Traoré", "F", "1996", "ml", "fr", "+223 00 00 00 00", "oui", "oui", "non"],
    ["Koffi Mensah", "M", "1989", "tg", "en", "", "oui", "non", "oui"],
    ["Fatou Ndiaye", "femme", "2001", "Sénégal", "", "", "Oui", "", ""],
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def csv_bytes(rows=ROWS, header=HEADER, delimiter=";", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([header, *rows] if header else rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows=ROWS, header=HEADER) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check(data: bytes, filename="roster.csv", **kwargs) -> roster.RosterCheck:
    with translation.override("fr"):
        return roster.check_file(filename, data, **kwargs)


def only_error(result: roster.RosterCheck) -> str:
    assert not result.trainees or result.errors
    assert len(result.errors) == 1, result.errors
    return result.errors[0].message


# Reading and checking: pure functions, no database -------------------------------------------


def test_a_valid_csv_gives_one_checked_trainee_per_row():
    result = check(csv_bytes())
    assert result.ok
    assert [row.row for row in result.trainees] == [2, 3, 4]
    first, second, third = result.trainees
    assert (first.display_name, first.sex, first.birth_year, first.nationality) == (
        "Aïcha Traoré",
        "F",
        1996,
        "ml",
    )
    assert first.phone == "+223 00 00 00 00"
    assert first.consents == {"data_processing": True, "share_with_origin": True, "photos": False}
    assert second.preferred_language == "en"
    assert second.consents == {"data_processing": True, "share_with_origin": False, "photos": True}


def test_accepted_spellings_become_the_stored_values():
    fatou = check(csv_bytes()).trainees[2]
    assert fatou.sex == "F"
    assert fatou.nationality == "sn"
    assert fatou.preferred_language == "fr"  # blank: French
    assert fatou.consents == {"data_processing": True, "share_with_origin": False, "photos": False}


@pytest.mark.parametrize(
    ("spelled", "stored"),
    [
        ("Côte d’Ivoire", "ci"),
        ("COTE D'IVOIRE", "ci"),
        ("Ivory Coast", "ci"),
        ("Guinée-Conakry", "gn"),
        ("RDC", "cd"),
        ("Democratic Republic of the Congo", "cd"),
        ("Cameroon", "cm"),
        ("BF", "bf"),
        ("autre", "other"),
        ("Other", "other"),
    ],
)
def test_a_nationality_may_be_a_code_or_a_french_or_english_name(spelled, stored):
    row = [["Awa", "F", "1990", spelled, "fr", "", "oui", "non", "non"]]
    assert check(csv_bytes(row)).trainees[0].nationality == stored


def test_every_country_of_the_programme_can_be_read_by_code():
    assert {roster.NATIONALITIES[code] for code in Country.values} == set(Country.values)


def test_commas_and_semicolons_both_separate_columns():
    assert check(csv_bytes(delimiter=",")).trainees == check(csv_bytes(delimiter=";")).trainees


def test_french_and_english_headers_are_accepted_whatever_their_case_and_accents():
    header = [
        "Nom",
        "SEXE",
        "Année de naissance",
        "Nationalité",
        "Language",
        "Téléphone",
        "Consentement données",
        "share_consent",
        "photo consent",
    ]
    result = check(csv_bytes(header=header))
    assert result.ok
    assert len(result.trainees) == 3


def test_optional_columns_may_be_left_out():
    header = [c for c in HEADER if c not in ("langue", "telephone")]
    rows = [
        [cell for column, cell in zip(HEADER, row, strict=True) if column in header] for row in ROWS
    ]
    result = check(csv_bytes(rows, header=header))
    assert result.ok
    assert {row.preferred_language for row in result.trainees} == {"fr"}


def test_a_bad_row_is_named_by_its_spreadsheet_row_and_column():
    rows = [ROWS[0], ["Koffi Mensah", "X", "1989", "tg", "en", "", "oui", "non", "oui"]]
    result = check(csv_bytes(rows))
    assert not result.ok
    [error] = result.errors
    assert (error.row, error.column) == (3, "sexe")
    assert "Sélectionnez un choix valide" in error.message


def test_the_column_is_named_as_the_file_names_it():
    header = ["Name", *HEADER[1:]]
    rows = [["", *ROWS[0][1:]]]
    [error] = check(csv_bytes(rows, header=header)).errors
    with translation.override("fr"):
        required = str(forms.Field.default_error_messages["required"])
    assert (error.row, error.column, error.message) == (2, "Name", required)


def test_every_bad_row_is_reported_not_only_the_first():
    rows = [
        ["Awa", "F", "1800", "ml", "fr", "", "oui", "non", "non"],
        ROWS[1],
        ["Binta", "F", "deux mille", "zz", "de", "abc", "peut-être", "non", "non"],
    ]
    errors = check(csv_bytes(rows)).errors
    assert {(error.row, error.column) for error in errors} == {
        (2, "annee_naissance"),
        (4, "annee_naissance"),
        (4, "nationalite"),
        (4, "langue"),
        (4, "telephone"),
        (4, "consentement_donnees"),
    }


def test_a_trainee_without_data_processing_consent_is_refused():
    rows = [["Awa", "F", "1990", "ml", "fr", "", "non", "oui", "oui"]]
    [error] = check(csv_bytes(rows)).errors
    assert error.column == "consentement_donnees"
    assert "consentement au traitement des données" in error.message


def test_errors_are_written_in_the_users_language():
    rows = [["Awa", "F", "1990", "ml", "fr", "", "non", "oui", "oui"]]
    with translation.override("en"):
        [error] = roster.check_file("roster.csv", csv_bytes(rows)).errors
    assert "consent" in error.message
    assert "consentement" not in error.message


def test_blank_rows_are_skipped_and_row_numbers_still_match_the_spreadsheet():
    rows = [ROWS[0], ["", "", ""], ["Koffi", "Z", "1989", "tg", "en", "", "oui", "non", "oui"]]
    [error] = check(csv_bytes(rows)).errors
    assert error.row == 4


def test_missing_and_unknown_columns_are_named():
    header = ["nom", "sexe", "date_naissance", "nationalite", "remarques"]
    messages = [error.message for error in check(csv_bytes([ROWS[0][:5]], header=header)).errors]
    assert any(
        "manquantes" in m
        and "annee_naissance" in m
        and "consentement_donnees" in m
        and "consentement_partage" in m
        for m in messages
    )
    assert any("inconnues" in m and "date_naissance" in m and "remarques" in m for m in messages)


def test_a_column_given_twice_is_refused():
    header = [*HEADER, "name"]
    message = only_error(check(csv_bytes([[*ROWS[0], "x"]], header=header)))
    assert "double" in message and "name" in message


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("nom", '=HYPERLINK("http://example.com","clic")'),
        ("nom", "@SUM(A1:A2)"),
        ("annee_naissance", "-1+1"),
        ("nom", "+cmd|' /C calc'!A0"),
        ("nom", "\t=1+1"),
        ("nom", "\rAwa"),
        ("nationalite", " =1"),
        ("telephone", "+1+1"),
        ("telephone", "-212 600"),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_is_refused(column, value):
    row = dict(zip(HEADER, ROWS[0], strict=True)) | {column: value}
    result = check(csv_bytes([list(row.values())]))
    assert not result.trainees
    [error] = result.errors
    assert (error.row, error.column) == (2, column)
    assert "Formule interdite" in error.message


def test_an_international_phone_number_is_not_a_formula():
    assert roster.is_formula("+212 600 00 00 00", "telephone") is False
    assert roster.is_formula("+212 600 00 00 00", "nom") is True


def test_the_same_person_twice_in_the_file_names_both_rows():
    rows = [ROWS[0], ROWS[1], ["aicha  TRAORE", "F", "1996", "ml", "fr", "", "oui", "non", "non"]]
    [error] = check(csv_bytes(rows)).errors
    assert (error.row, error.column) == (4, "nom")
    assert "2" in error.message and "4" in error.message


def test_a_trainee_already_enrolled_in_the_cohort_is_a_duplicate():
    existing = {roster.trainee_key("Koffi Mensah", 1989): "Koffi Mensah"}
    [error] = check(csv_bytes(), existing=existing).errors
    assert (error.row, error.column) == (3, "nom")
    assert "Koffi Mensah" in error.message and "déjà inscrit" in error.message


def test_more_trainees_than_places_left_is_refused():
    message = only_error(check(csv_bytes(), places_left=2))
    assert "3 apprenants" in message and "2 places" in message
    assert check(csv_bytes(), places_left=3).ok


def test_a_windows_1252_file_keeps_its_accents():
    result = check(csv_bytes(encoding="cp1252"))
    assert result.ok
    assert result.trainees[0].display_name == "Aïcha Traoré"
    assert result.trainees[2].nationality == "sn"


def test_a_valid_xlsx_gives_the_same_trainees_as_the_csv():
    rows = [[*ROWS[0][:2], 1996, *ROWS[0][3:]], *ROWS[1:]]  # a year typed as a number
    result = check(xlsx_bytes(rows), filename="roster.xlsx")
    assert result.ok
    assert result.trainees == check(csv_bytes()).trainees


def test_an_xlsx_formula_is_refused():
    rows = [["=1+1", *ROWS[0][1:]], ["Koffi", "M", "=A2", *ROWS[1][3:]]]
    errors = check(xlsx_bytes(rows), filename="roster.xlsx").errors
    assert {(e.row, e.column) for e in errors} == {(2, "nom"), (3, "annee_naissance")}


def test_xlsx_row_numbers_count_the_empty_rows_above():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(ROWS[0])
    sheet.cell(row=5, column=1, value="Binta")  # rows 3 and 4 were never written
    buffer = io.BytesIO()
    workbook.save(buffer)
    errors = check(buffer.getvalue(), filename="roster.xlsx").errors
    assert {error.row for error in errors} == {5}


def test_a_cell_too_long_for_a_csv_reader_is_a_clear_error():
    data = csv_bytes([["x" * 200_000, *ROWS[0][1:]]])
    assert "mal formé" in only_error(check(data))


def test_an_xlsx_renamed_csv_is_still_read_as_a_workbook():
    assert check(xlsx_bytes(), filename="roster.csv").ok


def test_the_csv_template_is_the_header_row_in_utf8_with_a_bom():
    data = roster.template_csv()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig").strip() == ";".join(HEADER)
    assert "en-tête" in only_error(check(data))


def test_the_xlsx_template_example_row_is_never_imported():
    data = roster.template_xlsx()
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert [cell.value for cell in workbook.worksheets[0][1]] == HEADER
    example = workbook[roster.EXAMPLE_SHEET_TITLE]
    assert example.max_row == 2
    assert "en-tête" in only_error(check(data, filename="modele.xlsx"))


def huge_csv() -> bytes:
    return csv_bytes(
        [
            [f"Nom {n} " + "x" * 100, "F", "1990", "ml", "fr", "", "oui", "non", "non"]
            for n in range(10_000)
        ]
    )


def corrupt_xlsx() -> bytes:
    data = bytearray(xlsx_bytes())
    data[200:400] = b"\x00" * 200
    return bytes(data)


def zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


MALFORMED = {
    "wrong columns": ("roster.csv", csv_bytes(header=["prenom", "age"]), "Colonnes manquantes"),
    "empty": ("roster.csv", b"", "vide"),
    "blank lines only": ("roster.csv", b"\r\n;;;\r\n\r\n", "vide"),
    "header only": ("roster.csv", csv_bytes([]), "en-tête"),
    "header only, xlsx": ("roster.xlsx", xlsx_bytes([]), "en-tête"),
    "over 1 MB": ("roster.csv", huge_csv(), "trop gros"),
    "over 500 rows": (
        "roster.csv",
        csv_bytes([[f"N{n}", "F", "1990", "ml", "", "", "oui", "", ""] for n in range(501)]),
        "500",
    ),
    "utf-16": ("roster.csv", csv_bytes(encoding="utf-16"), "UTF-8"),
    "utf-16 without bom": ("roster.csv", csv_bytes(encoding="utf-16-le"), "UTF-8"),
    "undecodable bytes": ("roster.csv", csv_bytes() + b"\x81\x8d\x90", "UTF-8"),
    "a png renamed .csv": ("roster.csv", PNG, "n'est pas un tableau"),
    "a corrupt xlsx": ("roster.xlsx", corrupt_xlsx(), "endommagé"),
    "not a zip named .xlsx": ("roster.xlsx", b"nom;sexe\r\n", "endommagé"),
    "another zip": ("roster.xlsx", zip_without_workbook(), "n'est pas un tableau"),
    "old excel": ("roster.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    "a pdf": ("roster.pdf", b"%PDF-1.4\n", "CSV ou XLSX"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_file_gives_one_clear_error(case):
    filename, data, expected = MALFORMED[case]
    result = check(data, filename=filename)
    assert not result.trainees
    assert result.file_errors == result.errors
    assert expected in " ".join(error.message for error in result.errors)


def test_an_exact_500_row_file_is_read():
    rows = [[f"N{n}", "F", "1990", "ml", "", "", "oui", "", ""] for n in range(500)]
    assert len(check(csv_bytes(rows)).trainees) == 500


# The admin screen ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def staff_without_mfa(settings):
    """Two-factor sign-in has its own tests; here staff are signed in already."""
    settings.MFA_REQUIRED_FOR_STAFF = False


def import_url(cohort) -> str:
    return reverse("cohorts:roster_import", args=[cohort.pk])


def upload(client, cohort, data: bytes, filename="apprenants.csv"):
    return client.post(import_url(cohort), {"file": SimpleUploadedFile(filename, data)})


def page(response) -> str:
    return html.unescape(response.content.decode())


def cohort_names(cohort) -> set[str]:
    return set(cohort.enrolments.values_list("trainee__display_name", flat=True))


def assert_pins_shown_once(client, cohort, response):
    created = response.context["result"].created
    assert len(created) == 3
    for item in created:
        assert item.profile.user.check_password(item.pin)
        assert item.profile.username in page(response)
        assert f"<code>{item.pin}</code>" in page(response)
    assert "no-store" in response["Cache-Control"]
    again = client.get(import_url(cohort))
    assert all(item.profile.username not in page(again) for item in created)


@pytest.mark.django_db
def test_the_cohorts_trainer_sees_the_upload_form_and_the_templates(client, trainer, cohort):
    client.force_login(trainer)
    response = client.get(import_url(cohort))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in page(response)
    assert "csrfmiddlewaretoken" in page(response)
    assert reverse("cohorts:roster_template", args=["xlsx"]) in page(response)
    assert reverse("cohorts:roster_template", args=["csv"]) in page(response)


@pytest.mark.django_db
def test_a_valid_csv_imports_every_row(client, trainer, cohort):
    client.force_login(trainer)
    response = upload(client, cohort, csv_bytes())
    assert response.status_code == 200
    assert "3 apprenants importés" in page(response)
    assert cohort_names(cohort) == {"Aïcha Traoré", "Koffi Mensah", "Fatou Ndiaye"}
    koffi = TraineeProfile.objects.get(display_name="Koffi Mensah")
    assert (koffi.sex, koffi.birth_year, koffi.nationality, koffi.preferred_language) == (
        "M",
        1989,
        "tg",
        "en",
    )
    assert ConsentRecord.objects.current_for(koffi) == {
        "data_processing": True,
        "share_with_origin": False,
        "photos": True,
    }
    assert koffi.created_by == trainer
    assert koffi.user.groups.filter(name="Trainee").exists()
    created = audit.entries().filter(user=trainer, action=audit.Action.CREATED)
    assert created.filter(content_type__model="traineeprofile").count() == 3
    assert_pins_shown_once(client, cohort, response)


@pytest.mark.django_db
def test_a_valid_xlsx_imports_every_row(client, coordinator, cohort):
    client.force_login(coordinator)
    response = upload(client, cohort, xlsx_bytes(), filename="apprenants.xlsx")
    assert cohort_names(cohort) == {"Aïcha Traoré", "Koffi Mensah", "Fatou Ndiaye"}
    assert_pins_shown_once(client, cohort, response)


@pytest.mark.django_db
def test_a_windows_1252_file_with_accents_imports_correctly(client, trainer, cohort):
    client.force_login(trainer)
    upload(client, cohort, csv_bytes(encoding="cp1252"))
    assert cohort_names(cohort) == {"Aïcha Traoré", "Koffi Mensah", "Fatou Ndiaye"}
    assert TraineeProfile.objects.get(display_name="Fatou Ndiaye").nationality == "sn"


@pytest.mark.django_db
def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row_and_column(
    client, trainer, cohort
):
    client.force_login(trainer)
    rows = [*ROWS, ["Binta Camara", "F", "1850", "gn", "fr", "", "oui", "non", "non"]]
    response = upload(client, cohort, csv_bytes(rows))
    assert response.status_code == 200
    assert not cohort.enrolments.exists()
    [error] = response.context["result"].check.errors
    assert (error.row, error.column) == (5, "annee_naissance")
    text = page(response)
    assert "Aucun apprenant n'a été importé" in text
    assert "<td>5</td>" in text and "<td>annee_naissance</td>" in text


@pytest.mark.django_db
@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_file_imports_nothing_and_says_why(client, trainer, cohort, case):
    filename, data, expected = MALFORMED[case]
    client.force_login(trainer)
    response = upload(client, cohort, data, filename=filename)
    assert response.status_code == 200
    assert expected in page(response)
    assert not cohort.enrolments.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://example.com","clic")', "@SUM(A1:A2)", "-1+1"]
)
def test_a_formula_imports_nothing(client, trainer, cohort, value):
    client.force_login(trainer)
    rows = [ROWS[0], [value, *ROWS[1][1:]]]
    response = upload(client, cohort, csv_bytes(rows))
    assert "Formule interdite" in page(response)
    assert not cohort.enrolments.exists()


@pytest.mark.django_db
def test_no_file_is_a_form_error(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(import_url(cohort), {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


@pytest.mark.django_db
def test_a_file_over_1_mb_is_refused_on_its_size(client, trainer, cohort):
    client.force_login(trainer)
    response = upload(client, cohort, b"x" * (roster.MAX_BYTES + 1))
    assert "trop gros" in response.context["form"].errors["file"][0]
    assert response.context["result"] is None
    assert not cohort.enrolments.exists()


@pytest.mark.django_db
def test_someone_already_enrolled_in_the_cohort_is_a_duplicate(client, trainer, cohort, trainee):
    client.force_login(trainer)
    rows = [*ROWS, ["AWA TEST", "F", "1995", "ml", "fr", "", "oui", "non", "non"]]
    response = upload(client, cohort, csv_bytes(rows))
    assert "déjà inscrit" in page(response)
    assert cohort_names(cohort) == {"Awa Test"}


@pytest.mark.django_db
def test_importing_the_same_file_twice_imports_it_once(client, trainer, cohort):
    client.force_login(trainer)
    upload(client, cohort, csv_bytes())
    response = upload(client, cohort, csv_bytes())
    assert len(response.context["result"].check.errors) == 3
    assert cohort.enrolments.count() == 3


@pytest.mark.django_db
def test_the_same_person_twice_in_the_file_imports_nothing(client, trainer, cohort):
    client.force_login(trainer)
    response = upload(client, cohort, csv_bytes([*ROWS, ROWS[0]]))
    assert "Doublon des lignes 2 et 5" in page(response)
    assert not cohort.enrolments.exists()


@pytest.mark.django_db
def test_more_trainees_than_places_left_imports_nothing(client, trainer, cohort, trainee):
    cohort.capacity = 3
    cohort.save()
    client.force_login(trainer)
    response = upload(client, cohort, csv_bytes())
    assert "il ne reste que 2 places" in page(response)
    assert cohort_names(cohort) == {"Awa Test"}


@pytest.mark.django_db
def test_a_failure_halfway_rolls_back_every_trainee(monkeypatch, trainer, cohort):
    calls = []
    create_trainee = services.create_trainee

    def fail_on_the_third(**kwargs):
        calls.append(kwargs["display_name"])
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return create_trainee(**kwargs)

    monkeypatch.setattr(services, "create_trainee", fail_on_the_third)
    with pytest.raises(RuntimeError):
        roster.import_roster(by=trainer, cohort=cohort, filename="a.csv", data=csv_bytes())
    assert len(calls) == 3
    assert not cohort.enrolments.exists()
    assert not TraineeProfile.objects.filter(display_name__in=calls).exists()


@pytest.mark.django_db
def test_the_import_needs_the_csrf_token(trainer, cohort):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainer)
    response = upload(client, cohort, csv_bytes())
    assert response.status_code == 403
    assert not cohort.enrolments.exists()


@pytest.mark.django_db
def test_the_templates_download_as_attachments(client, trainer):
    client.force_login(trainer)
    csv_file = client.get(reverse("cohorts:roster_template", args=["csv"]))
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="modele-apprenants.csv"' in csv_file["Content-Disposition"]
    assert csv_file.content == roster.template_csv()
    xlsx_file = client.get(reverse("cohorts:roster_template", args=["xlsx"]))
    assert xlsx_file["Content-Type"].startswith("application/vnd.openxmlformats")
    assert openpyxl.load_workbook(io.BytesIO(xlsx_file.content)).worksheets[0]["A1"].value == (
        "nom"
    )
    assert answer(client.get(reverse("cohorts:roster_template", args=["ods"]))) == "hidden"


# Who may import: the cohort's trainer and coordinators; nobody else ------------------------


IMPORT_ANSWERS = COHORT_TEACHERS_ONLY


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), IMPORT_ANSWERS.items())
def test_only_the_cohorts_trainer_and_coordinators_may_import(
    client, request, cohort, trainee, persona, expected
):
    sign_in_as(client, request, persona)
    assert answer(client.get(import_url(cohort))) == expected
    rows = [["Nouvelle Personne", "F", "1990", "ml", "fr", "", "oui", "non", "non"]]
    assert answer(upload(client, cohort, csv_bytes(rows))) == expected
    imported = cohort.enrolments.filter(trainee__display_name="Nouvelle Personne").exists()
    assert imported is (expected == "ok")


TEMPLATE_ANSWERS = {
    "anonymous": "login",
    "trainee": "login",
    "other_trainee": "login",
    "trainer": "ok",
    "other_trainer": "ok",
    "coordinator": "ok",
    "editor": "denied",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), TEMPLATE_ANSWERS.items())
def test_the_template_is_for_staff_who_may_add_trainees(client, request, persona, expected):
    sign_in_as(client, request, persona)
    response = client.get(reverse("cohorts:roster_template", args=["xlsx"]))
    assert answer(response) == expected


@pytest.mark.django_db
def test_the_import_of_an_unknown_cohort_is_not_found(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("cohorts:roster_import", args=[999_999]))
    assert answer(response) == "hidden"


@pytest.mark.django_db
def test_other_methods_are_refused(client, trainer, cohort):
    client.force_login(trainer)
    assert client.put(import_url(cohort)).status_code == 405
    assert client.post(reverse("cohorts:roster_template", args=["csv"])).status_code == 405


@pytest.mark.django_db
def test_a_withdrawn_trainee_is_still_a_duplicate(client, trainer, cohort):
    awa = TraineeFactory(cohort=cohort, display_name="Awa Test", by=trainer)
    services.withdraw(by=trainer, enrolment=awa.enrolments.get(), reason="Départ")
    client.force_login(trainer)
    rows = [["Awa Test", "F", "1995", "ml", "fr", "", "oui", "non", "non"]]
    assert "déjà inscrit" in page(upload(client, cohort, csv_bytes(rows)))


@pytest.mark.django_db
def test_the_page_and_its_errors_follow_the_users_admin_language(client, trainer, cohort):
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(trainer)
    rows = [["Awa", "F", "1990", "ml", "fr", "", "non", "oui", "oui"]]
    text = page(upload(client, cohort, csv_bytes(rows)))
    assert "No trainee has been imported." in text
    assert "Without consent to data processing, the trainee cannot be enrolled." in text
    assert "Aucun apprenant" not in text
