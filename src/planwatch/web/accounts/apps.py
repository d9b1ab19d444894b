from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "planwatch.web.accounts"
    label = "accounts"
    verbose_name = "用户与角色"

    def ready(self) -> None:
        from django.contrib.auth.models import User

        from planwatch.web.accounts.models import Profile
        from planwatch.web.editing.audit import track

        track("user", User)
        track("profile", Profile)
