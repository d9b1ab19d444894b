from django.urls import path

from planwatch.web.reminders import views

app_name = "reminders"
urlpatterns = [path("compliance/", views.compliance_page, name="compliance")]
