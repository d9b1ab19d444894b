"""Use cases of accounts: create a user with a role (and a department for clerks)."""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction

from planwatch.core.errors import InvalidValue
from planwatch.web.accounts.models import Profile
from planwatch.web.accounts.roles import Role


@transaction.atomic
def create_user(
    username: str, password: str, role: Role, *, department: str = "", replace: bool = False
) -> User:
    """Create (or with ``replace``, reset) a user in ``role``; clerks need a department.

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
    user.set_password(password)
    user.save()
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    Profile.objects.update_or_create(user=user, defaults={"department": department})
    return user
