"""API tokens: listed without their secret, revoked by their holder, expiring when told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.web.api import tokens
from planwatch.web.api.models import ApiToken
from tests.web.conftest import Caller

runner = CliRunner()


def works(token: str) -> bool:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/regions").status_code == 200


def test_a_holder_lists_its_own_tokens_with_last_use_and_never_the_secret(bob: Caller, carol):
    assert works(bob.token)
    listed = bob.get("/api/tokens").json()
    assert len(listed) == 1 and listed[0]["last_used"] is not None
    assert bob.token[:10] == listed[0]["prefix"] and bob.token not in str(listed)


def test_a_holder_revokes_its_token_and_it_stops_working_at_once(bob: Caller):
    spare = tokens.create("bob", name="spare")[1]
    record = ApiToken.objects.get(name="spare")
    revoked = bob.delete(f"/api/tokens/{record.pk}")
    assert revoked.status_code == 200 and revoked.json()["revoked"] is not None
    assert not works(spare) and works(bob.token)
    assert ApiToken.objects.filter(pk=record.pk).exists()  # kept for the record


def test_another_users_token_cannot_be_revoked_or_seen(bob: Caller, carol: Caller):
    carols = ApiToken.objects.get(user__username="carol")
    assert bob.delete(f"/api/tokens/{carols.pk}").status_code == 404
    assert works(carol.token)


def test_a_token_past_its_expiry_is_refused(db):
    User.objects.create_user("frank")
    record, token = tokens.create("frank", expires=timezone.now() + timedelta(days=1))
    ApiToken.objects.filter(pk=record.pk).update(expires=timezone.now() - timedelta(seconds=1))
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/regions").status_code == 401


def test_the_command_line_lists_and_revokes_tokens_and_sets_an_expiry(bob: Caller):
    made = runner.invoke(app, ["token", "create", "bob", "--name", "ci", "--expires-days", "30"])
    assert made.exit_code == 0, made.output
    new = made.output.splitlines()[0]
    record = ApiToken.objects.get(name="ci")
    assert timedelta(days=29) < record.expires - timezone.now() <= timedelta(days=30)
    listing = runner.invoke(app, ["token", "list", "bob"]).output
    assert f"{record.pk}\t{new[:10]}…\tbob\tci" in listing and "valid until" in listing
    assert new not in listing
    assert runner.invoke(app, ["token", "revoke", str(record.pk)]).exit_code == 0
    assert "revoked" in runner.invoke(app, ["token", "list", "bob"]).output
    assert not works(new) and works(bob.token)


@pytest.mark.django_db
def test_the_admin_lists_tokens_and_revokes_the_selected(bob: Caller):
    root = User.objects.create_superuser("root", password="root-password-long")
    browser = Client()
    browser.force_login(root)
    page = browser.get("/admin/api/apitoken/")
    assert page.status_code == 200 and bob.token[:10] in page.content.decode()
    record = ApiToken.objects.get(user__username="bob")
    action = {"action": "revoke", "_selected_action": [record.pk]}
    browser.post("/admin/api/apitoken/", action)
    assert not works(bob.token)
