from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "planwatch.web.plan"
    label = "plan"
    verbose_name = "计划指标 Plan indicators"

    def ready(self) -> None:
        from planwatch.web import dataversion

        dataversion.connect()
