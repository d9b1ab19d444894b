"""planwatch settings: one file, read from the environment, zero-config on SQLite.

Environment:
    PLANWATCH_HOME          data directory (database, uploads); default ./var
    DATABASE_URL            postgres://user:pass@host:port/name; default SQLite in PLANWATCH_HOME
    PLANWATCH_SECRET_KEY    required when PLANWATCH_DEBUG is off
    PLANWATCH_DEBUG         1/0; default 1 for local use
    PLANWATCH_ALLOWED_HOSTS comma-separated; default localhost names
"""

from __future__ import annotations

import os

from planwatch.web.env import data_dir, database_from_url, env_bool, env_list

DATA_DIR = data_dir()
DEBUG = env_bool("PLANWATCH_DEBUG", True)
SECRET_KEY = os.environ.get("PLANWATCH_SECRET_KEY") or (
    "planwatch-insecure-development-key" if DEBUG else ""
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
    "planwatch.web.plan",
    "planwatch.web.editing",
    "planwatch.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "planwatch.web.urls"
WSGI_APPLICATION = "planwatch.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(os.environ.get("DATABASE_URL"), DATA_DIR / "planwatch.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = (
    DATA_DIR / "uploads"
)  # outside any web root; served only through views that check access

LOGIN_URL = "/login/"

# History is read-only in the application: the admin may show it, never revert it.
SIMPLE_HISTORY_REVERT_DISABLED = True
