"""View guards: who may open a page at all. Finer rules live in the services."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from planwatch.web.accounts.roles import can_read, require

View = Callable[..., HttpResponse]


def reader(view: View) -> View:
    """Signed-in government users only (plan office, clerks, leaders): else log in, or 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(can_read(request.user), _("This page is for government users only."))
        return view(request, *args, **kwargs)

    return guarded
