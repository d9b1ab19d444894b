"""planwatch settings: one file, read from the environment, zero-config on SQLite.

Environment:
    PLANWATCH_HOME          data directory (database, uploads); default ./var
    DATABASE_URL            postgres://user:pass@host:port/name; default SQLite in PLANWATCH_HOME
    PLANWATCH_SECRET_KEY    required in production; a development key otherwise
    PLANWATCH_DEBUG         1/0; default 0 (`planwatch demo` turns it on for itself)
    PLANWATCH_ALLOWED_HOSTS comma-separated; default localhost names
    PLANWATCH_PRODUCTION    1: serving the public; production.check refuses a weak setup
    PLANWATCH_HTTPS         1: served over HTTPS (secure cookies, HSTS, X-Forwarded-Proto trusted)
    PLANWATCH_ONE_PERSON_OFFICE 1: the plan office may approve its own submissions (no four eyes)
    PLANWATCH_TASKS_BACKEND, PLANWATCH_EMAIL_*, PLANWATCH_SITE_URL, PLANWATCH_REMIND_HOUR,
    PLANWATCH_PROBLEM_AFTER_DAYS: background jobs, reminders and e-mail (last block)
    PLANWATCH_REDIS_URL     redis://host:6379/0 for the shared cache and the queue of background
                            jobs (RQ); default a database table for each
    PLANWATCH_CLIENT_IP_HEADER  behind a proxy, the header naming the client (X-Real-IP)
    PLANWATCH_REPORT_RENDERS    reports rendered at once by all workers together; default 1
    PLANWATCH_ANONYMOUS_REPORT_RATE  report requests per anonymous address; default 20/m
    PLANWATCH_FRAGMENT_SECONDS  how long rendered page parts are kept (0: never); default 3600
    PLANWATCH_DB_CONN_MAX_AGE   seconds a worker thread keeps its database connection; default 60
    PLANWATCH_MEDIA_ROOT    uploaded evidence files; default PLANWATCH_HOME/uploads (share it
                            between app servers: a shared volume)
"""

from __future__ import annotations

import os
from pathlib import Path

from planwatch.web.env import data_dir, database_from_url, env_bool, env_int, env_list

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
PRODUCTION = env_bool("PLANWATCH_PRODUCTION", False)
# Off unless asked for: a debug page lists the URLconf and shows tracebacks to anyone.
DEBUG = env_bool("PLANWATCH_DEBUG", False)
SECRET_KEY = os.environ.get("PLANWATCH_SECRET_KEY") or (
    "" if PRODUCTION else "planwatch-insecure-development-key"
)
ALLOWED_HOSTS = env_list(
    "PLANWATCH_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"]
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "ninja",  # serves the API docs' Swagger UI from our own static files (no CDN)
    "planwatch.web.plan",
    "planwatch.web.accounts",
    "planwatch.web.submissions",
    "planwatch.web.projects",
    "planwatch.web.editing",
    "planwatch.web.api",
    "django_tasks",  # background jobs: Django's tasks framework (backport)
    "django_tasks_db",  # ... its database backend and worker
    "planwatch.web.reminders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "planwatch.web.security.ContentSecurityPolicyMiddleware",
    "planwatch.web.security.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "planwatch.web.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "planwatch.web.errors.DomainErrorMiddleware",
]

ROOT_URLCONF = "planwatch.web.urls"
WSGI_APPLICATION = "planwatch.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "planwatch.web.context.navigation",
                "planwatch.web.reminders.context.reminders",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(os.environ.get("DATABASE_URL"), DATA_DIR / "planwatch.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker process: login lockouts, rate limits,
# rendered reports. The database's own table by default (`planwatch` creates
# it with the schema), Redis when PLANWATCH_REDIS_URL names one.
REDIS_URL = os.environ.get("PLANWATCH_REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "planwatch_cache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}

# Rendered page parts kept under the data version (planwatch.web.fragments), in seconds.
FRAGMENT_SECONDS = env_int("PLANWATCH_FRAGMENT_SECONDS", 3600)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# The catalogue is compiled and committed (locale/*/LC_MESSAGES/django.mo), so
# running needs no gettext binaries; scripts/messages rebuilds it.
LOCALE_PATHS = [WEB_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [WEB_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # gzip/brotli copies made by collectstatic (``planwatch serve`` runs it)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the source tree too, so tests and a fresh checkout need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 3600
# Outside any web root; served only through views that check access. Every app server
# of one deployment must see the same directory (a shared volume).
MEDIA_ROOT = Path(os.environ.get("PLANWATCH_MEDIA_ROOT") or DATA_DIR / "uploads")
# Sessions live in the database every app server shares: a login on one is valid on all.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

# Four eyes: a value is approved by someone other than its submitter, unless the
# plan office is one person (planwatch.services.values.approve_value).
ONE_PERSON_OFFICE = env_bool("PLANWATCH_ONE_PERSON_OFFICE", False)

# History is read-only in the application: the admin may show it, never revert it.
SIMPLE_HISTORY_REVERT_DISABLED = True
# "Why" is kept whole: a reason may be 500 characters, more than the default column's 100.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Security headers and cookies (django.middleware.security and planwatch.web.security).
HTTPS = env_bool("PLANWATCH_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
AUTHENTICATION_BACKENDS = ["planwatch.web.security.RateLimitedBackend"]
# Checked by every way a password is set: the CLI and services
# (accounts.services.set_password) and Django's admin and password forms.
_VALIDATION = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATION + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATION + "MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": _VALIDATION + "CommonPasswordValidator"},
    {"NAME": _VALIDATION + "NumericPasswordValidator"},
]
# Published reports (planwatch.web.published): cached by data version, bounded renders,
# anonymous visitors limited per address (approximate on the database cache, exact on Redis).
# One render at a time leaves the other cores to everything else; a rendered report is cached.
REPORT_RENDERS = env_int("PLANWATCH_REPORT_RENDERS", 1)
REPORT_RENDER_WAIT = 0.0  # seconds a request waits for a free render before its 503
ANONYMOUS_REPORT_RATE = os.environ.get("PLANWATCH_ANONYMOUS_REPORT_RATE") or "20/m"
RATELIMIT_FAIL_OPEN = True  # a cache fault must not refuse every visitor; renders stay bounded
CLIENT_IP_HEADER = os.environ.get("PLANWATCH_CLIENT_IP_HEADER", "")
RATELIMIT_IP_META_KEY = (
    "HTTP_" + CLIENT_IP_HEADER.upper().replace("-", "_") if CLIENT_IP_HEADER else "REMOTE_ADDR"
)
LOGIN_FAILURE_LIMIT = 5
LOGIN_LOCK_SECONDS = 15 * 60

# Background jobs, reminders and e-mail (planwatch.web.reminders; README "Reminders").
# Jobs wait in a table of the database until `planwatch worker` runs them (one machine
# needs no other service); with PLANWATCH_REDIS_URL they wait in an RQ queue on that
# Redis (django-tasks-rq), served by `planwatch worker` as an rq worker on any machine.
RQ_BACKEND = "django_tasks_rq.RQBackend"
TASKS_BACKEND = os.environ.get("PLANWATCH_TASKS_BACKEND") or (
    RQ_BACKEND if REDIS_URL else "django_tasks_db.DatabaseBackend"
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
if TASKS_BACKEND == RQ_BACKEND:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]  # its worker, and the queues in the admin
# A job running longer than DEFAULT_TIMEOUT seconds is stopped (RQ's default is 3 minutes);
# every rq worker runs jobs as django-tasks results (their status, return value, errors).
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 900}}
RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
# No mail server configured: messages are printed by the worker (the demo).
EMAIL_HOST = os.environ.get("PLANWATCH_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("PLANWATCH_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("PLANWATCH_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("PLANWATCH_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("PLANWATCH_EMAIL_TLS", True)
EMAIL_TIMEOUT = 30  # seconds; a mail server that hangs must not hold the worker
DEFAULT_FROM_EMAIL = os.environ.get("PLANWATCH_EMAIL_FROM", "planwatch@localhost")
PLANWATCH_SITE_URL = os.environ.get("PLANWATCH_SITE_URL", "http://127.0.0.1:8000")
PLANWATCH_REMIND_HOUR = int(os.environ.get("PLANWATCH_REMIND_HOUR", "8"))
PLANWATCH_PROBLEM_AFTER_DAYS = int(os.environ.get("PLANWATCH_PROBLEM_AFTER_DAYS", "7"))
