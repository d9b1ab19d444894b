"""The page language: Chinese unless the user picked another with the switch.

Django's LocaleMiddleware would follow the browser's Accept-Language; a
government office wants Chinese by default on every machine, so only the
language cookie (set by ``/i18n/setlang/``) changes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def english() -> bool:
    """Whether the active language is English (the page's, or a message's being written)."""
    return (translation.get_language() or "").startswith("en")


def name_of(record: Any) -> str:
    """A region's (or any record's with ``name`` and ``name_en``) name in the active language."""
    return record.name_en if english() and getattr(record, "name_en", "") else record.name
