"""WSGI entry point (gunicorn lms.wsgi)."""

import os
import sys

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

if not settings.USING_POSTGRES:
    # On SQLite nothing needs psycopg, installed for PostgreSQL deployments, yet Django REST
    # framework (which the Wagtail admin's API imports) imports django.contrib.postgres's
    # fields when it can, to recognise them: psycopg with its own libpq, OpenSSL and Kerberos,
    # 10 MiB in every web worker. Marked absent, that optional import fails as if psycopg were
    # not installed, and DRF goes without PostgreSQL's fields, as it then does by design.
    sys.modules.setdefault("psycopg", None)

application = get_wsgi_application()
