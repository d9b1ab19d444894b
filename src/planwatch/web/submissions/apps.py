from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "planwatch.web.submissions"
    label = "submissions"
    verbose_name = "部门报送"

    def ready(self) -> None:
        from planwatch.web.editing.audit import track
        from planwatch.web.submissions.models import ReportingPeriod

        track("period", ReportingPeriod)
