from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "planwatch.web.submissions"
    label = "submissions"
    verbose_name = "部门报送"
