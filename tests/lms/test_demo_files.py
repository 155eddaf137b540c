"""The demo data files (lms/demo/data/): every one is read by the loader, so none can go stale
unnoticed, and every translatable text in them is written in French and English."""

import pytest

from lms import demo
from lms.demo import files


def data_files() -> set[str]:
    return {path.relative_to(files.DATA_DIR).as_posix() for path in files.DATA_DIR.rglob("*")}


@pytest.mark.django_db
def test_every_data_file_is_read_by_the_loader(monkeypatch, settings):
    settings.DEBUG = True  # for the demo people
    read = set()
    original = files.read

    def recording_read(name):
        read.add(name)
        return original(name)

    monkeypatch.setattr(files, "read", recording_read)

    demo.load()

    folders = {name for name in data_files() if (files.DATA_DIR / name).is_dir()}
    assert data_files() - folders - read == set()


def translatable_texts(value, where: str):
    """Every {fr, en} pair in a data file, and every mapping that has only one of the two."""
    if isinstance(value, dict):
        if {"fr", "en"} & value.keys():
            yield where, value
        for key, item in value.items():
            yield from translatable_texts(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from translatable_texts(item, f"{where}[{index}]")


@pytest.mark.parametrize("name", sorted(n for n in data_files() if n.endswith(".yaml")))
def test_every_text_of_a_data_file_is_in_french_and_english(name):
    for where, pair in translatable_texts(files.read(name), name):
        assert {"fr", "en"} <= pair.keys(), f"{where} is not in both French and English"
        assert pair["fr"] or not pair["en"], f"{where} is blank in French only"
