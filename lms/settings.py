"""Settings for Foras LMS, read from the environment.

One module for every environment: the defaults are the embedded case (SQLite, django-q2's
ORM broker, a file cache shared by every process, DEBUG on) and production is selected by setting
DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG=false.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_rates(name: str, default: str) -> str:
    """A rate limit in allauth's form ("60/m/ip,1000/d/ip"): amounts per address."""
    value = os.environ.get(name) or default
    if not re.fullmatch(r"\d+/\d*[smhd]/ip(,\d+/\d*[smhd]/ip)*", value.replace(" ", "")):
        raise ImproperlyConfigured(
            f"{name} must read like 60/m/ip or 10/m/ip,30/h/ip, not {value!r}"
        )
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Only for the embedded development case: never used once DEBUG is off.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Absolute base URL used in QR codes, posters and e-mails; falls back to the request's host.
SITE_BASE_URL = env_str("SITE_BASE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "lms",
    "content",
    "courses",
    "cohorts",
    "learning",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_q",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so that pages answered from it carry both headers too.
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "lms.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Guides are read over slow mobile data: compress every HTML answer.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Anonymous readers of cached public pages are answered here, before Wagtail's routing.
    "content.middleware.PageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cohorts.middleware.TraineeIdleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff without two-factor sign-in are sent to set it up (MFA_REQUIRED_FOR_STAFF).
    "lms.mfa.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

if env_bool("QUERY_COUNT_HEADER", False):
    # `make bench` reads each answer's SQL query count from a header (lms/middleware.py).
    MIDDLEWARE.insert(0, "lms.middleware.QueryCountHeaderMiddleware")

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # The web server and the django-q2 worker write to the same file: without WAL and
            # an immediate write lock, concurrent writes fail with "database is locked".
            # The test database is a file, so that a warm `make test` reuses it (--reuse-db)
            # instead of running every migration again.
            "TEST": {"NAME": env_str("SQLITE_TEST_PATH", str(BASE_DIR / ".test-db.sqlite3"))},
            # Kept open between requests in production: opening the file and running the
            # PRAGMAs below cost each request about 4 ms of CPU, three times the rest of a
            # /healthz. Not under runserver (DEBUG), whose thread per request would leave a
            # connection behind each time.
            "CONN_MAX_AGE": env_int("SQLITE_CONN_MAX_AGE", 0 if DEBUG else 600),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if USING_POSTGRES:
    # Wagtail's search backend needs it on PostgreSQL (postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and background tasks ------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_PREFIX", "foras"),
        }
    }
else:
    # Without Redis the cache is still shared by every process: the page cache, its
    # invalidation and every sign-in limit must hold whatever the number of gunicorn workers
    # (a local-memory cache would keep one copy, and one count, per worker).
    # - on SQLite (one machine): files beside the database, read without a single SQL query
    #   and written without taking SQLite's one write lock;
    # - on PostgreSQL (perhaps several app servers): a table of the database, created by
    #   `migrate` (lms/apps.py).
    cache_options = {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5000)}
    if USING_POSTGRES:
        CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "foras_cache",
                "KEY_PREFIX": env_str("CACHE_PREFIX", "foras"),
                "OPTIONS": cache_options,
            }
        }
    else:
        CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": env_str("CACHE_DIR", f"{DATABASES['default']['NAME']}-cache"),
                "KEY_PREFIX": env_str("CACHE_PREFIX", "foras"),
                "OPTIONS": cache_options,
            }
        }

# Sessions are read from that shared cache (no SQL query on each signed-in request) and
# written through to the database, which stays the record: a cache emptied or culled signs
# nobody out, and a sign-out deletes both copies. (On PostgreSQL without Redis the cache is a
# table: one query still, as before.)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

Q_CLUSTER = {
    "name": "foras",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 3,
    "catch_up": False,
    # Tests run tasks inline; django-q2 reads this once at start-up (the Makefile's test
    # targets set Q_SYNC=true).
    "sync": env_bool("Q_SYNC", False),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- Accounts ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Trainee sessions: the user and their profile in one query (it signs nobody in itself).
    "cohorts.backends.TraineeSessionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/admin/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "lms.accounts.ClosedSignupAdapter"
ACCOUNT_LOGOUT_ON_GET = False
# Merged by allauth into its defaults; kept in the shared cache (CACHES["default"]).
# Staff: allauth's own limits, stated here so that they are seen and tested (tests/lms/
# test_staff_rate_limits.py): 30 sign-in pages posted a minute per address, and 5 wrong
# passwords per e-mail address in 5 minutes (10 a minute per address): at most 1 440 guesses a
# day at one staff password, which the password validators make long and uncommon. The same
# login_failed limit counts wrong TOTP codes per account (allauth.mfa), behind the password
# (tests/lms/test_mfa.py: the sixth code in 5 minutes is refused, even the right one).
# Trainees: the guessing policy of cohorts/guessing.py (its figures are tested there).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "trainee_login_failed": "150/h/ip,10/3d/key",
    "trainee_classroom_login_failed": "10/3d/key",
    "classroom_login_failed": "300/d/key",
}
# Behind a reverse proxy every request seems to come from the proxy, so one address's limit
# would hold for everyone: name the proxies' header (see README.md, "Behind a proxy, name it.").
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if env_str("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media in production (django-storages must be installed there).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

# --- E-mail --------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "foras@localhost")
MAILERS = {
    "default": {
        "BACKEND": env_str(
            "MAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Foras"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL or "http://127.0.0.1:8000"

# --- Certificates ----------------------------------------------------------------------------
# Printed on every attestation and frozen in its snapshot when it is issued.
CERTIFICATE_ISSUER = env_str("CERTIFICATE_ISSUER", "Programme FORAS — formation avant le retour")
CERTIFICATE_SIGNATORY = env_str("CERTIFICATE_SIGNATORY", "La coordination du programme")
CERTIFICATE_SIGNATORY_TITLE = env_str("CERTIFICATE_SIGNATORY_TITLE", "Coordination")
# Public verification (certificates/verification.py), per address in the shared cache: every
# lookup, and (stricter) lookups of a code no certificate has.
CERTIFICATE_VERIFY_RATE_LIMIT = env_rates("CERTIFICATE_VERIFY_RATE_LIMIT", "60/m/ip")
CERTIFICATE_VERIFY_MISS_RATE_LIMIT = env_rates(
    "CERTIFICATE_VERIFY_MISS_RATE_LIMIT", "10/m/ip,30/h/ip"
)
# The Ed25519 key that signs certificates' portable credentials (certificates/credentials/):
# a PEM file, or the key itself in the environment; never in the repository. Development
# makes one under .run/ (ignored by git); with DEBUG off there is no such fallback and
# `check --deploy` fails until one of the two is set.
CREDENTIAL_SIGNING_KEY_FILE = env_str("CREDENTIAL_SIGNING_KEY_FILE")
CREDENTIAL_SIGNING_KEY = env_str("CREDENTIAL_SIGNING_KEY")
CREDENTIAL_DEVELOPMENT_KEY_FILE = (
    env_str(
        "CREDENTIAL_DEVELOPMENT_KEY_FILE", str(BASE_DIR / ".run" / "credential-signing-key.pem")
    )
    if DEBUG
    else ""
)
# The public keys (z6Mk…, as `manage.py credential_key` prints them) of the keys that signed
# before the current one, comma-separated: the DID document keeps publishing them, so that
# credentials signed with them still verify after the key is changed (docs/verification.md).
CREDENTIAL_RETIRED_PUBLIC_KEYS = env_list("CREDENTIAL_RETIRED_PUBLIC_KEYS", [])

# --- Attendance ------------------------------------------------------------------------------
# The weekdays no session is planned on (0 = Monday … 6 = Sunday): Saturday and Sunday in
# Morocco. Listed holidays are skipped too (the holidays screen).
SESSION_DAYS_OFF = tuple(
    int(day) for day in env_str("SESSION_DAYS_OFF", "5,6").split(",") if day.strip().isdigit()
)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "mp3", "ogg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Rendered public pages are kept this long; publishing anything clears them at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# --- Security headers ------------------------------------------------------------------------
# Secure by default once DEBUG is off (`manage.py check --deploy --fail-level WARNING` passes);
# each can be relaxed through its environment variable, for example SECURE_SSL_REDIRECT=false
# behind a proxy that already redirects, or on a plain-HTTP bench on 127.0.0.1.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# A local health check asks over plain HTTP: it gets its answer, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = None if DEBUG else ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
# Only once every sub-domain serves HTTPS: a browser would refuse them plain HTTP for a year.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Both are the deployment's decision, not a default: check --deploy does not warn about them
# while they are deliberately off.
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
# No page is shown in a frame, except Wagtail's preview inside the admin: Wagtail's preview
# views set SAMEORIGIN themselves (wagtail.utils.decorators.xframe_options_sameorigin_override),
# and the admin's Content-Security-Policy allows frame-ancestors 'self' (lms/middleware.py).
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (Django's own, chosen by path in lms.middleware.ContentSecurityPolicy).
# The public site and the trainee space: nothing inline but the stylesheets the templates inline
# from lms/static/css/ (allowed by their sha256, added by the middleware, so that a page served
# from the page cache to many readers still matches) and blocks carrying the request's nonce.
# Media served from elsewhere (S3-compatible storage, a CDN) is allowed by listing its origin,
# e.g. CSP_MEDIA_ORIGINS=https://foras-media.s3.example.org
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS", [])
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *CSP_MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, *CSP_MEDIA_ORIGINS],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin (/admin/), as strict as Wagtail 8 allows, seen in Chromium's console:
# - style-src 'unsafe-inline': Wagtail and its Stimulus controllers set style="" attributes
#   and inline <style> (the page explorer, the rich-text editor, tooltips, the minimap);
#   no nonce or hash may be listed beside it, or browsers would ignore 'unsafe-inline'.
# - img-src data: blob: : image previews and focal-point cropping read the chosen file locally;
#   media-src blob: for the same with audio and video.
# - frame-src and frame-ancestors 'self': the live preview shows the page in a same-origin frame.
# - script-src 'unsafe-inline': Wagtail's date and time widgets (wagtailadmin/widgets/
#   date_input.html …) and InlinePanel / MultipleChooserPanel write an inline <script> per
#   field, whose text changes with the field (no fixed hash); nothing needs 'unsafe-eval'.
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *CSP_MEDIA_ORIGINS],
    "media-src": [CSP.SELF, "blob:", *CSP_MEDIA_ORIGINS],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Permissions-Policy (lms.middleware.PermissionsPolicyMiddleware): no page uses the camera,
# the microphone or the location; reading aloud (speechSynthesis) needs no permission. A view
# whose page scans QR codes is decorated with lms.middleware.scans_qr_codes, which turns the
# camera on (and allows the QR decoder's WebAssembly) for that page alone; a path prefix can
# also be opened in PERMISSIONS_POLICY_PATHS, e.g. {"/admin/checkin/": {"camera": "(self)"}}.
PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "bluetooth",
        "hid",
        "midi",
        "magnetometer",
        "gyroscope",
        "accelerometer",
        "display-capture",
        "browsing-topics",
    )
}
PERMISSIONS_POLICY_PATHS: dict[str, dict[str, str]] = {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # WeasyPrint narrates every rendering step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Roles and sign-in (see lms/roles.py) ---------------------------------------------------
# Staff must use two-factor sign-in (TOTP) when this is on; on by default in production.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", not DEBUG)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Foras"
# allauth refuses MFA to an account with an unconfirmed address, against someone signing up
# with another person's address first. Nobody signs up here: coordinators create staff
# accounts, and staff whose address was never confirmed must still be able to turn MFA on.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# Wagtail's own sign-in form would bypass MFA: staff sign in through allauth only.
WAGTAILADMIN_LOGIN_URL = "account_login"
# A shared tablet signs a trainee out after this much inactivity.
TRAINEE_IDLE_SECONDS = env_int("TRAINEE_IDLE_SECONDS", 15 * 60)
# No Gravatar: staff avatars would send a hash of their e-mail to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Assessments ----------------------------------------------------------------------------
# Score (in %) from which a trainee counts as having mastered a module's content.
ASSESSMENT_MASTERY_PERCENT = env_int("ASSESSMENT_MASTERY_PERCENT", 70)
# Survey answers of a cohort are shown (and exported) only from this many responses.
SURVEY_MIN_RESPONSES = env_int("SURVEY_MIN_RESPONSES", 5)
