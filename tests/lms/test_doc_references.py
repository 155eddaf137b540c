"""Comments that send the reader to a document send them somewhere that exists."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCES = [
    path
    for path in ROOT.rglob("*.py")
    if not {".venv", "node_modules"} & set(path.relative_to(ROOT).parts)
]
DOCS_REFERENCE = re.compile(r"\bdocs/[\w./-]*\w")
# 'README.md, "Behind a proxy, name it."': a README section named by its opening words.
README_SECTION = re.compile(r"README\.md, \"([^\"]+)\"")


def test_every_docs_path_named_in_the_code_exists():
    missing = [
        f"{path.relative_to(ROOT)}: {reference}"
        for path in SOURCES
        for reference in DOCS_REFERENCE.findall(path.read_text(encoding="utf-8"))
        if not (ROOT / reference).exists()
    ]
    assert missing == []


def test_every_readme_section_named_in_the_code_exists():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    named = {
        (path.relative_to(ROOT), section)
        for path in SOURCES
        for section in README_SECTION.findall(" ".join(path.read_text(encoding="utf-8").split()))
    }
    assert named, "the settings name the README section on proxies"
    assert [f"{path}: {section}" for path, section in named if section not in readme] == []


def test_the_trusted_proxy_setting_points_to_where_it_is_documented():
    text = (ROOT / "lms" / "settings.py").read_text(encoding="utf-8")
    comment = text[: text.index("ALLAUTH_TRUSTED_PROXY_COUNT")].rsplit("\n\n", 1)[-1]
    section = README_SECTION.search(" ".join(comment.replace("#", " ").split())).group(1)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = readme[readme.index(section) :].split("\n\n", 1)[0]
    assert "TRUSTED_PROXY_COUNT" in documented and "TRUSTED_CLIENT_IP_HEADER" in documented
