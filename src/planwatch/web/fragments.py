"""Rendered parts of pages kept in the shared cache under the data version.

The dashboard's body (cards, nowcast, projects panel) reads the whole plan and
the judged register and takes tens of milliseconds to render; it is the same for
every user of the same scope until the data changes. So it is rendered once per
(what it shows, language, data version) and kept in the cache every worker
process shares (:data:`planwatch.web.settings.CACHES`): the first worker to
render it saves the others the work. A write makes a new data version
(:func:`planwatch.web.dataversion.data_version`: one query, once per request), so
a kept part is never stale; old versions expire after ``settings.FRAGMENT_SECONDS``
(0: render every time, as the tests that read a page's context do). What depends
on the user (the values they owe, the menu, a button only some may press) stays
outside the kept part; forms inside it get the request's CSRF token
(:func:`page_body`). The key-task tree, indicator table, comparison, problem list
and project page keep their bodies with :func:`page_body`, the API its project
answers with :mod:`planwatch.web.api.kept`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from planwatch.web import kept
from planwatch.web.dataversion import data_version

CSRF_KEPT = "planwatch-csrf-token-of-the-request"  # stands for the token in a kept body


def rendered(kind: str, shown: Iterable[object], render: Callable[[], str]) -> SafeString:
    """The HTML ``render`` makes for ``kind`` of the scope ``shown`` (values whose ``repr``
    names what the part shows), from the cache when this version was rendered before."""
    if not settings.FRAGMENT_SECONDS:
        return mark_safe(render())
    scope = repr((kind, tuple(shown), get_language(), data_version()))
    key = "fragment:" + hashlib.sha256(scope.encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        with kept.making(key):  # one render per process: the others wait and read it
            body = cache.get(key)
            if body is None:
                body = render()
                cache.set(key, body, settings.FRAGMENT_SECONDS)
    return mark_safe(body)


def page_body(
    request: HttpRequest,
    kind: str,
    shown: Iterable[object],
    template: str,
    context: dict[str, object],
    read: Callable[[], dict[str, object]],
) -> SafeString:
    """``template`` rendered with ``context`` and what ``read()`` returns (kept in ``context``
    too: tests read a page's context), kept as :func:`rendered` keeps it.

    The scope is ``shown`` and the query string (the body's own links repeat it). Forms in
    the body carry the request's CSRF token: the kept body holds a stand-in, replaced on
    every request. Check what the user may see before: a kept body is served as it is.
    """

    def render() -> str:
        context.update(read())
        return render_to_string(template, {**context, "csrf_token": CSRF_KEPT}, request)

    body = rendered(kind, (*shown, sorted(request.GET.lists())), render)
    if CSRF_KEPT in body:
        body = mark_safe(body.replace(CSRF_KEPT, get_token(request)))
    return body
