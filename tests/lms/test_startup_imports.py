"""What a web worker imports: the heavy libraries only the rare requests need stay out of it
(docs/benchmarks.md, "Memory"). Checked in a fresh process: lms.wsgi, as gunicorn loads it,
on SQLite, after its first requests."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# Imported by the requests that need them: PDFs (WeasyPrint), roster workbooks (openpyxl),
# QR codes (qrcode), charts (pygal), sealed offline answers (cryptography), WebAuthn and the
# MFA sign-in views (fido2), signed credentials (pyld); psycopg only on PostgreSQL.
DEFERRED = ["weasyprint", "openpyxl", "qrcode", "pygal", "cryptography", "fido2", "pyld", "psycopg"]

SCRIPT = f"""
import json, sys
from lms.wsgi import application
from django.test import Client
client = Client(HTTP_HOST="localhost")
statuses = [client.get(path).status_code for path in ("/healthz", "/fr/", "/accounts/login/")]
loaded = [name for name in {DEFERRED!r} if sys.modules.get(name) is not None]
print(json.dumps({{"statuses": statuses, "loaded": loaded}}))
"""


# The check copies the SQLite test database for the fresh process; the PostgreSQL run of
# .ci/run has no such file (and there psycopg is needed anyway).
@pytest.mark.skipif(settings.USING_POSTGRES, reason="the worker is checked on SQLite")
def test_a_web_worker_on_sqlite_imports_none_of_the_deferred_libraries(tmp_path, db):
    database = tmp_path / "db.sqlite3"  # the migrated test database, as it stands
    with (
        sqlite3.connect(connection.settings_dict["NAME"]) as source,
        sqlite3.connect(database) as copy,
    ):
        source.backup(copy)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(SQLITE_PATH=str(database), CACHE_DIR=str(tmp_path / "cache"))

    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["loaded"] == []
    assert answer["statuses"] == [200, 200, 200]
