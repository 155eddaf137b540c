"""Runs the independent verifier (tests/certificates/verifier/, Digital Bazaar's libraries
under Node) on a credential: not the code that signed it."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parent / "verifier"
SCRIPT = FOLDER / "verify.mjs"


def missing() -> str | None:
    """Why the verifier cannot run here, or None."""
    if shutil.which("node") is None:
        return (
            "Node.js is not installed (apt install nodejs), so the independent verifier cannot run"
        )
    if not (FOLDER / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        return "the independent verifier is not installed: run `make verifier`"
    return None


# Locally the tests that need it are skipped, saying why; CI installs it (`make verifier`) and
# sets REQUIRE_CREDENTIAL_VERIFIER, so there they run or fail.
needs_verifier = pytest.mark.skipif(
    missing() is not None and not os.environ.get("REQUIRE_CREDENTIAL_VERIFIER"),
    reason=f"{missing()} (CI runs it)",
)


def verify(credential: dict, web: dict | None = None) -> dict:
    """The verifier's verdict: {"verified", "proofVerified", "errors", "status"}."""
    if reason := missing():
        raise AssertionError(reason)
    completed = subprocess.run(  # noqa: S603 (a fixed script of this repository)
        [shutil.which("node"), str(SCRIPT)],
        input=json.dumps({"credential": credential, "web": web or {}}),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=FOLDER,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"the verifier failed to run:\n{completed.stderr}")
    return json.loads(completed.stdout)
