"""Reading the demo data files (data/, YAML) and taking one language out of them.

Every translatable text is written ``{fr: …, en: …}``, French first, so a reader checks both
languages side by side; ``localise`` turns a record into what one language's page or snippet
holds. A few shared texts carry ``{name}`` placeholders that the record using them fills in
(a guide's capital, a lesson's day number).
"""

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fr", "en")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def read(name: str) -> Any:
    """The content of one data file, named relative to data/ (``"modules/dp.yaml"``)."""
    with (DATA_DIR / name).open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def records(folder: str) -> list[Any]:
    """The record files of a folder of data/ (one module, one guide…), in name order.

    Files whose name starts with "_" hold what the records share; the loader reads them where
    it needs them, not as records.
    """
    paths = sorted((DATA_DIR / folder).glob("*.yaml"))
    return [read(f"{folder}/{path.name}") for path in paths if not path.name.startswith("_")]


def localise(value: Any, language: str, fill: Mapping[str, object] | None = None) -> Any:
    """``value`` with every ``{fr: …, en: …}`` pair replaced by its ``language`` text.

    With ``fill``, ``{name}`` placeholders in the texts are replaced too; a placeholder that
    ``fill`` does not know is an error in the data (KeyError), not a text to publish.
    """
    if isinstance(value, dict):
        if value.keys() == set(LANGUAGES):
            return localise(value[language], language, fill)
        return {key: localise(item, language, fill) for key, item in value.items()}
    if isinstance(value, list):
        return [localise(item, language, fill) for item in value]
    if isinstance(value, str) and fill is not None:
        return _PLACEHOLDER.sub(lambda match: str(fill[match.group(1)]), value)
    return value
