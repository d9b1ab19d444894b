"""User changes in the audit log: creation, role and department changes, deactivation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from planwatch.core.errors import InvalidValue
from planwatch.web.accounts.roles import Role, department_of, role_of
from planwatch.web.accounts.services import create_user, update_user
from planwatch.web.editing.audit import Filters, log
from planwatch.web.errors import Forbidden


def who(caller) -> User:
    return User.objects.get(username=caller.username)


def changes(alice, what: str, username: str | None = None):
    found = log(actor=who(alice), filters=Filters(what=what))
    return [c for c in found if username is None or username in c.object]


def test_creating_a_user_is_in_the_audit_log_without_its_password(alice):
    create_user("frank", "secret-pw-long", Role.CLERK, department="区财政局")
    created = [c for c in changes(alice, "user", "frank") if c.action == "created"]
    assert created and all(field != "password" for field, _, _ in created[0].fields)
    groups = [c for c in changes(alice, "user", "frank") if c.action == "changed"]
    assert ("groups", "", "clerk") in groups[-1].fields
    profile = changes(alice, "profile", "frank")[0]
    assert ("department", None, "区财政局") in profile.fields


def test_role_department_and_deactivation_are_recorded_with_who_and_why(alice, bob):
    update_user(actor=who(alice), username="bob", role=Role.LEADER, reason="调任区领导")
    update_user(actor=who(alice), username="bob", department="区商务委", reason="部门调整")
    update_user(actor=who(alice), username="bob", active=False, reason="离职")
    bob_now = who(bob)
    assert (role_of(bob_now), department_of(bob_now), bob_now.is_active) == (
        Role.LEADER,
        "区商务委",
        False,
    )
    user_changes = changes(alice, "user", "bob")
    assert ("groups", "clerk", "leader") in user_changes[1].fields
    assert (user_changes[1].who, user_changes[1].why) == ("alice", "调任区领导")
    assert ("is_active", True, False) in user_changes[0].fields and user_changes[0].why == "离职"
    moved = changes(alice, "profile", "bob")[0]
    assert (moved.fields, moved.who, moved.why) == (
        [("department", "区统计局", "区商务委")],
        "alice",
        "部门调整",
    )


def test_only_the_plan_office_changes_users_and_a_reason_is_required(alice, bob, dave):
    for caller in (bob, dave):
        with pytest.raises(Forbidden):
            update_user(actor=who(caller), username="bob", active=False, reason="x")
    with pytest.raises(InvalidValue):
        update_user(actor=who(alice), username="bob", active=False, reason=" ")


def test_a_login_is_not_a_change_of_the_user(alice, bob):
    before = len(changes(alice, "user", "bob"))
    assert Client().login(username="bob", password="pw-bob-long-enough")
    assert len(changes(alice, "user", "bob")) == before


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("1", "10"),
        ("short-pw", "10"),
        ("password123", "太常见"),
        ("20252025202520", "只包含数字"),
        ("frankfrank", "相似"),
    ],
)
def test_a_weak_password_is_refused_with_the_reason(db, password, reason):
    with pytest.raises(InvalidValue, match=reason):
        create_user("frankfrank", password, Role.LEADER)
    assert not User.objects.filter(username="frankfrank").exists()


def test_the_command_line_refuses_a_weak_password(db):
    from typer.testing import CliRunner

    import planwatch.cli.commands  # noqa: F401  (registers the commands)
    from planwatch.cli import app

    result = CliRunner().invoke(app, ["createuser", "frank", "--role", "leader", "--password", "1"])
    assert result.exit_code == 2 and "密码不符合要求" in result.output
    assert not User.objects.filter(username="frank").exists()


def test_the_admin_refuses_a_weak_password(db):
    admin = User.objects.create_superuser("root", password="root-password-long")
    client = Client()
    client.force_login(admin)
    form = {"username": "frank", "password1": "1", "password2": "1", "usable_password": "true"}
    response = client.post("/admin/auth/user/add/", form)
    assert response.status_code == 200 and not User.objects.filter(username="frank").exists()
    assert "password2" in response.context["adminform"].form.errors
