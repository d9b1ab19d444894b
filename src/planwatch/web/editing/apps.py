from django.apps import AppConfig


class EditingConfig(AppConfig):
    name = "planwatch.web.editing"
    label = "editing"
    verbose_name = "Editing and validation"
