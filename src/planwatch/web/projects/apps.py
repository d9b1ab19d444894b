from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "planwatch.web.projects"
    label = "projects"
    verbose_name = "项目、任务与问题 Projects, tasks and problems"
