from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from planwatch.web.accounts.views import LoginView
from planwatch.web.api.app import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("planwatch.web.submissions.urls")),
    path("", include("planwatch.web.reminders.urls")),
    path("", include("planwatch.web.projects.urls")),
    path("", include("planwatch.web.plan.urls")),
]
