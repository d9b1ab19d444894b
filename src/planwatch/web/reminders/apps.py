from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "planwatch.web.reminders"
    label = "reminders"
    verbose_name = "报送提醒"

    def ready(self) -> None:
        from planwatch.web.reminders import signals  # noqa: F401  (connects the auto-close)
