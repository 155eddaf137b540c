"""The JSON-LD document loader of credentials: the shipped contexts, never the network.

A context fetched at signing time could change, or be made to change, what a signature
means; a verifier somewhere else reads the same published contexts, so here they are
files (``contexts/NOTICE.md`` says where they came from).
"""

import copy
import json
from functools import cache
from pathlib import Path

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

_FOLDER = Path(__file__).resolve().parent / "contexts"
_FILES = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-context-3.0.3.json",
}


@cache
def _context(url: str) -> dict:
    return json.loads((_FOLDER / _FILES[url]).read_text(encoding="utf-8"))


def load(url: str, options: dict | None = None) -> dict:
    """pyld's ``documentLoader``: a shipped context, or an error for any other address."""
    if url not in _FILES:
        # Only pyld calls this loader, so pyld is already imported.
        from pyld.jsonld import JsonLdError

        raise JsonLdError(
            f"No shipped JSON-LD document for {url}; credentials load nothing from the network.",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(_context(url))}
