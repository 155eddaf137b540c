"""The test files the Makefile, the README and docs/ point readers to exist: a comment saying
"tests/… checks this" is only worth something if that test is there."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEST_PATH = re.compile(r"\btests/[\w/]+\.py\b")
SOURCES = [ROOT / "Makefile", ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_every_test_file_named_in_the_docs_exists(source):
    named = set(TEST_PATH.findall(source.read_text()))

    assert {path for path in named if not (ROOT / path).is_file()} == set()


def test_the_makefile_names_the_test_of_the_vendored_files():
    # make vendor's comment sends whoever changes a pin to the test that checks it.
    assert "tests/lms/test_qr_scanner.py" in (ROOT / "Makefile").read_text()
