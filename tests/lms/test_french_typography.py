"""French typography: a no-break space (U+00A0) before ":" wherever French readers look.

The msgids are the source code and may keep a plain space; what French users see is the
msgstr of the French catalogue (locale/fr/LC_MESSAGES/django.po, compiled to the .mo that
Django reads for ``fr``), so that is where the typography is checked, and a page rendered in
French shows it. A colon written in a template outside any translation would escape both
catalogues: the template scan below keeps it inside.
"""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

NBSP = "\u00a0"
FRENCH_PO = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
ENGLISH_PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Any white space but the no-break space, right before a colon.
BREAKING_SPACE_BEFORE_COLON = re.compile(r"[^\S\u00a0]:")


def catalogue_entries(path: Path) -> list[dict[str, str]]:
    """The active entries of a .po file (obsolete "#~" ones are not compiled), each as
    {"msgid": …, "msgstr": …} or with "msgid_plural" and "msgstr[n]", strings joined."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, field = None, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        else:
            field, value = line.split(" ", 1)
            entry = entry if entry is not None else {}
            entry[field] = ast.literal_eval(value)
    return entries


def translations(entries):
    """(msgid, msgstr) for every translated string of every entry but the header."""
    for entry in entries:
        if not entry.get("msgid"):
            continue
        for field, text in entry.items():
            if field.startswith("msgstr"):
                yield entry["msgid"], text


def test_the_parser_reads_the_whole_french_catalogue():
    entries = catalogue_entries(FRENCH_PO)
    # Every msgid once (a context aside), every entry with its msgstr.
    assert len(entries) > 1_000
    assert all("msgstr" in entry or "msgstr[0]" in entry for entry in entries)
    pairs = dict(translations(entries))
    assert pairs["Sexe"] == "Sexe"
    assert pairs["Dernière vérification :"] == f"Dernière vérification{NBSP}:"


def test_no_french_msgstr_has_a_breaking_space_before_a_colon():
    wrong = [
        text
        for _, text in translations(catalogue_entries(FRENCH_PO))
        if BREAKING_SPACE_BEFORE_COLON.search(text)
    ]
    assert wrong == []


def test_every_message_has_its_french_entry():
    """A message missing from the French catalogue is shown as its msgid, plain space and all:
    every message the English catalogue translates (all of them, as each new string gets its
    English) has its French entry too."""
    french = {(entry.get("msgctxt"), entry["msgid"]) for entry in catalogue_entries(FRENCH_PO)}
    english = {(entry.get("msgctxt"), entry["msgid"]) for entry in catalogue_entries(ENGLISH_PO)}
    assert sorted(english - french, key=str) == []


def test_the_french_catalogue_uses_one_kind_of_space_before_a_colon():
    # U+202F (narrow no-break space) elsewhere would print two different gaps side by side.
    texts = [text for _, text in translations(catalogue_entries(FRENCH_PO))]
    assert not [text for text in texts if "\u202f:" in text]
    assert sum(f"{NBSP}:" in text for text in texts) > 100


def test_french_pages_show_the_no_break_space_and_english_ones_none(client):
    with translation.override("fr"):
        french = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    english = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f"Personnel{NBSP}: connexion par e-mail" in french
    assert "Personnel : connexion" not in french
    assert "Staff: sign in with your e-mail" in english


def _literal_text(template: str) -> str:
    """A template's text outside translation, tags, comments, scripts and styles (kept line for
    line, so that a finding names its line)."""
    blank = lambda match: "\n" * match.group(0).count("\n")  # noqa: E731
    text = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", blank, template, flags=re.S)
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", blank, text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", blank, text, flags=re.S)
    text = re.sub(r"{#.*?#}", "", text)
    text = re.sub(r"{%.*?%}", blank, text, flags=re.S)
    return re.sub(r"{{.*?}}", "x", text)


def test_no_template_writes_a_colon_outside_translation():
    """'{% translate "Code" %} : {{ code }}' reads "Code : 1234" in English and breaks the
    line before the colon in French: the colon belongs to the translated text ("Code :")."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")) + sorted(TEMPLATES.rglob("*.txt")):
        for number, line in enumerate(_literal_text(path.read_text()).splitlines(), 1):
            if re.search(r"(\s|&nbsp;):", line):
                found.append(f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()}")
    assert found == []
