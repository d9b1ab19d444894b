"""API answers kept in the shared cache under the data version, as pages keep their bodies.

Listing a register page by page, summing it and showing one project read the judged
register, the default month and the rows, then validate every row against the schema:
the same bytes for every user of the same scope until the data changes. So an
operation's JSON is made once per (scope, arguments, data version) and kept with
:func:`planwatch.web.fragments.rendered`; ``PLANWATCH_FRAGMENT_SECONDS=0`` answers
through ninja every time.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja.responses import NinjaJSONEncoder
from pydantic import TypeAdapter

from planwatch.web import fragments

View = Callable[..., Any]
CONTENT_TYPE = "application/json; charset=utf-8"  # ninja's JSON renderer's


def kept(kind: str, scope: Callable[..., object], schema: Any) -> Callable[[View], View]:
    """Keep the answers of an operation (placed under ``@router.get``, above ``@paginate``).

    ``scope(request, **arguments)`` runs on every request, before a kept answer is served:
    it checks what the user may see (raising ``Forbidden`` or ``NotFound``) and returns
    what the answer depends on beyond the arguments (the region the user's default falls
    to). ``schema`` is the type of the answer, as the operation's response declares it.
    """
    adapter: TypeAdapter[Any] = TypeAdapter(schema)

    def decorate(view: View) -> View:
        @wraps(view)
        def answer(request: HttpRequest, **arguments: Any) -> Any:
            shown = (
                scope(request, **arguments),
                sorted((k, repr(v)) for k, v in arguments.items()),
            )
            if not settings.FRAGMENT_SECONDS:
                return view(request, **arguments)

            def render() -> str:
                data = adapter.dump_python(adapter.validate_python(view(request, **arguments)))
                return json.dumps(data, cls=NinjaJSONEncoder)

            return HttpResponse(fragments.rendered(kind, shown, render), content_type=CONTENT_TYPE)

        return answer

    return decorate
