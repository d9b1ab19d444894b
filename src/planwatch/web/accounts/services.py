"""Use cases of accounts: create a user with a role (and a department for clerks), change it.

Every change lands in the user's or profile's history, so the audit log shows
who created a user, changed its role or department, or deactivated it, and why.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.web.accounts.models import Profile
from planwatch.web.accounts.roles import Role, can_review, department_of, require
from planwatch.web.plan.services import get_region


@transaction.atomic
def create_user(
    username: str,
    password: str,
    role: Role,
    *,
    department: str = "",
    replace: bool = False,
    region: str = "",
) -> User:
    """Create (or with ``replace``, reset) a user in ``role``; clerks need a department.
    With ``region`` (a region's code) the user sees that region only.

    Run by an administrator from the command line, so it takes no actor.
    """
    if role is Role.CLERK and not department:
        raise InvalidValue("a department clerk needs a department (e.g. 区统计局)")
    if not username or not password:
        raise InvalidValue("a user needs a name and a password")
    user = User.objects.filter(username=username).first()
    if user is not None and not replace:
        raise InvalidValue(f"user {username!r} exists (use --replace to reset it)")
    if user is None:
        user = User(username=username)
    set_password(user, password)
    user.save()
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    scope = get_region(region) if region else None
    Profile.objects.update_or_create(
        user=user, defaults={"department": department, "region": scope}
    )
    return user


def set_password(user: User, password: str) -> None:
    """Give ``user`` ``password`` if the policy allows it (``AUTH_PASSWORD_VALIDATORS``).

    Every way a password is set goes through here or through Django's own
    forms (admin, password change), which apply the same validators.
    """
    try:
        validate_password(password, user=user)
    except ValidationError as refused:
        raise InvalidValue("密码不符合要求:" + " ".join(refused.messages)) from None
    user.set_password(password)


@transaction.atomic
def update_user(
    *,
    actor: Any,
    username: str,
    reason: str,
    role: Role | None = None,
    department: str | None = None,
    active: bool | None = None,
) -> User:
    """Change a user's role, department or whether it may log in (plan office only).

    Deactivating keeps the user and everything it did; it can no longer log in.
    """
    require(can_review(actor), "只有发展改革委可以修改用户。")
    if not reason.strip():
        raise InvalidValue("修改用户时请写明原因(记入审计日志)。")
    user = User.objects.select_for_update().filter(username=username).first()
    if user is None:
        raise NotFound(f"没有用户 {username!r}。")
    future = department if department is not None else department_of(user)
    if role is Role.CLERK and not future:
        raise InvalidValue("部门填报员必须属于一个部门(例如 区统计局)。")
    user._history_user = actor  # type: ignore[attr-defined]
    user._change_reason = reason.strip()  # type: ignore[attr-defined]
    if role is not None:
        group, _ = Group.objects.get_or_create(name=role.value)
        user.skip_history_when_saving = True  # type: ignore[attr-defined]
        user.groups.set([group])  # one history row below, not one per group removed and added
        del user.skip_history_when_saving  # type: ignore[attr-defined]
    if active is not None:
        user.is_active = active
    if role is not None or active is not None:
        user.save()
    if department is not None:
        profile, _ = Profile.objects.get_or_create(user=user)
        profile.department = department
        profile._history_user = actor  # type: ignore[attr-defined]
        profile._change_reason = reason.strip()  # type: ignore[attr-defined]
        profile.save()
    return user
