"""Log in: each role lands where its work is.

A clerk lands on its entry page, which opens with what its department owes
this period; the plan office and leaders on the dashboard of the year under
way (its as-of is the one default rule); public users on the published report.
"""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url

from planwatch.web.accounts.roles import Role, can_read, role_of


def landing(user: object) -> str:
    """Where ``user`` starts after logging in."""
    if role_of(user) is Role.CLERK:
        return resolve_url("submissions:mine")
    return resolve_url("plan:dashboard" if can_read(user) else "plan:report")


class LoginView(auth_views.LoginView):
    def get_default_redirect_url(self) -> str:
        return landing(self.request.user)
