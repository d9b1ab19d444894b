from django.apps import AppConfig
from django.db.models.signals import pre_save


class ProjectsConfig(AppConfig):
    name = "planwatch.web.projects"
    label = "projects"
    verbose_name = "项目、任务与问题 Projects, tasks and problems"

    def ready(self) -> None:
        from planwatch.web.editing import audit
        from planwatch.web.projects.baseline import keep_baseline
        from planwatch.web.projects.models import ProgressRecord, ProjectRecord, TaskProgressRecord

        for model in (ProjectRecord, ProgressRecord, TaskProgressRecord):
            pre_save.connect(keep_baseline, sender=model, dispatch_uid=f"baseline-{model.__name__}")
        audit.track("progress", ProgressRecord)
        audit.track("task_progress", TaskProgressRecord)
