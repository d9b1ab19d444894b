"""The system user: the actor of what the scheduled job does, so history names it."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from planwatch.web.accounts.roles import Role

SYSTEM_USERNAME = "planwatch-system"


def system_user() -> User:
    """The plan-office account the job acts as; it cannot log in (inactive, no password)."""
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"is_active": False, "first_name": "系统"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        group, _ = Group.objects.get_or_create(name=Role.PLAN_OFFICE.value)
        user.groups.set([group])
    return user
