"""Log in: government users land on the dashboard, public users on the published report."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import resolve_url

from planwatch.web.accounts.roles import can_read


class LoginView(auth_views.LoginView):
    def get_default_redirect_url(self) -> str:
        return resolve_url("plan:dashboard" if can_read(self.request.user) else "plan:report")
