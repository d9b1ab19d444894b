from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "planwatch.web.api"
    label = "api"
    verbose_name = "API"
