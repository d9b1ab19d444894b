from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from planwatch.web import production
from planwatch.web.plan.models import ObservationRecord
from tests.conftest import REPO
from tests.web.conftest import Caller, indicator

KEY = "Jq8v-3kZr_T0wXyB5mNcL2aPdE7fGhS9uVtK4iO1nW6eR0yQzM"
GOOD = {"PLANWATCH_SECRET_KEY": KEY, "PLANWATCH_ALLOWED_HOSTS": "plan.fuling.gov.cn"}
ATTACKS = [
    "'; DROP TABLE plan_observation; --",
    "1' OR '1'='1",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "../../etc/passwd",
    "%00' UNION SELECT password FROM auth_user --",
]


@pytest.mark.parametrize(
    ("environ", "complaint"),
    [
        ({}, "PLANWATCH_SECRET_KEY is not set"),
        ({"PLANWATCH_SECRET_KEY": KEY}, "PLANWATCH_ALLOWED_HOSTS is not set"),
        ({**GOOD, "PLANWATCH_SECRET_KEY": "short"}, "too weak"),
        ({**GOOD, "PLANWATCH_SECRET_KEY": "abc"}, "too weak"),
        ({**GOOD, "PLANWATCH_SECRET_KEY": "k" * 60}, "too weak"),  # long, but one character
        ({**GOOD, "PLANWATCH_ALLOWED_HOSTS": "*"}, "may not be '*'"),
        ({**GOOD, "PLANWATCH_DEBUG": "1"}, "PLANWATCH_DEBUG is on"),
    ],
)
def test_production_refuses_to_start_without_its_settings(environ, complaint):
    with pytest.raises(production.NotProductionReady, match=complaint):
        production.check(environ)


def test_production_starts_with_a_key_and_hosts():
    production.check(GOOD)


def test_production_settings_turn_debug_off_and_use_the_given_key_and_hosts():
    script = "from django.conf import settings as s; print(s.DEBUG, s.ALLOWED_HOSTS, s.SECRET_KEY)"
    env = {
        **os.environ,
        **GOOD,
        "PLANWATCH_PRODUCTION": "1",
        "PYTHONPATH": str(REPO / "src"),
        "DJANGO_SETTINGS_MODULE": "planwatch.web.settings",
    }
    env.pop("PLANWATCH_DEBUG", None)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "['plan.fuling.gov.cn']", KEY]


def settings_process(script: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """``script`` run in a fresh interpreter with only ``environ`` of planwatch's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWATCH_")}
    env |= {"PYTHONPATH": str(REPO / "src"), "DJANGO_SETTINGS_MODULE": "planwatch.web.settings"}
    return subprocess.run(
        [sys.executable, "-c", script], env=env | environ, capture_output=True, text=True
    )


def test_debug_pages_are_off_unless_asked_for():
    script = "from django.conf import settings as s; print(s.DEBUG)"
    assert settings_process(script).stdout.split() == ["False"]
    assert settings_process(script, PLANWATCH_DEBUG="1").stdout.split() == ["True"]


def test_the_wsgi_application_refuses_to_load_in_production_with_a_weak_key():
    loaded = settings_process(
        "import planwatch.web.wsgi",
        PLANWATCH_PRODUCTION="1",
        PLANWATCH_SECRET_KEY="abc",
        PLANWATCH_ALLOWED_HOSTS="plan.fuling.gov.cn",
    )
    assert loaded.returncode != 0 and "PLANWATCH_SECRET_KEY is too weak" in loaded.stderr


def test_every_response_carries_the_security_headers(db):
    response = Client().get("/login/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_SSL_REDIRECT=True)
def test_over_https_the_site_sends_hsts_and_redirects_plain_http(db):
    assert Client().get("/login/", secure=True)["Strict-Transport-Security"].startswith("max-age")
    assert Client().get("/login/").status_code == 301


def test_logins_lock_after_repeated_failures_of_one_user_at_one_address(db):
    User.objects.create_user("alice", password="right-password")
    attacker, elsewhere = Client(REMOTE_ADDR="10.0.0.9"), Client(REMOTE_ADDR="10.0.0.7")
    for _ in range(5):
        attacker.post("/login/", {"username": "alice", "password": "guess"})
    attacker.post("/login/", {"username": "alice", "password": "right-password"})
    assert "_auth_user_id" not in attacker.session
    elsewhere.post("/login/", {"username": "alice", "password": "right-password"})
    assert "_auth_user_id" in elsewhere.session


def submit_and_approve(clerk: Caller, office: Caller, entry: dict) -> ObservationRecord:
    """The value path every surface takes: a department's submission, the office's approval."""
    pk = indicator("gdp_growth").pk
    created = clerk.post(f"/api/indicators/{pk}/submissions", {**entry, "submit": True})
    assert created.status_code == 201, created.json()
    approved = office.post(f"/api/submissions/{created.json()['id']}/approve")
    assert approved.status_code == 200, approved.json()
    return ObservationRecord.objects.get(pk=approved.json()["observation_id"])


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("attack", ATTACKS)
def test_injection_strings_are_stored_as_text_and_filters_find_nothing(
    attack, alice: Caller, bob: Caller
):
    attack = attack.replace("%00", "")
    stored = submit_and_approve(bob, alice, {"period": "2025-Q3", "value": 5.9, "note": attack})
    assert stored.note == attack
    for path, params in [
        ("/api/regions/fuling/indicators", {"owner": attack, "q": attack}),
        ("/api/regions/fuling/observations", {"indicator": attack[:60]}),
        ("/api/audit", {"who": attack}),
    ]:
        response = alice.get(path, params)
        assert response.status_code == 200
        found = response.json()
        assert (found["count"] if isinstance(found, dict) else len(found)) == 0
    assert alice.get(f"/api/regions/{attack[:60]}").status_code in (400, 404)
    assert ObservationRecord.objects.count() > 50  # the table is still there


@pytest.mark.usefixtures("demo")
def test_script_typed_into_a_value_note_is_shown_escaped(alice: Caller, bob: Caller):
    xss = '"><script>alert(1)</script>'
    submit_and_approve(bob, alice, {"period": "2025-Q3", "value": 5.9, "note": xss})
    browser = Client()
    browser.force_login(User.objects.get(username="alice"))
    page = browser.get("/indicators/gdp_growth/?year=2025").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


@pytest.mark.parametrize("text", ["a\x00b"])
@pytest.mark.usefixtures("demo")
def test_nul_characters_are_bad_input_not_a_server_error(text, alice: Caller, bob: Caller):
    pk = indicator("gdp_growth").pk
    entry = {"period": "2025-Q3", "value": 5.9, "note": text}
    response = bob.post(f"/api/indicators/{pk}/submissions", entry)
    assert (response.status_code, response.json()["field"]) == (400, "note")
    assert alice.get("/api/regions/fuling/indicators", {"owner": text}).status_code == 400


def test_serve_in_production_refuses_to_start_without_a_key_and_hosts(monkeypatch):
    from typer.testing import CliRunner

    import planwatch.cli.commands  # noqa: F401  (registers the commands)
    from planwatch.cli import app

    monkeypatch.delenv("PLANWATCH_SECRET_KEY", raising=False)
    monkeypatch.delenv("PLANWATCH_ALLOWED_HOSTS", raising=False)
    result = CliRunner().invoke(app, ["serve", "--production"])
    assert result.exit_code == 2
    assert "PLANWATCH_SECRET_KEY is not set" in result.output


def test_the_production_variable_alone_makes_serve_refuse_a_weak_key(monkeypatch):
    from typer.testing import CliRunner

    import planwatch.cli.commands  # noqa: F401  (registers the commands)
    from planwatch.cli import app, database

    def started() -> None:
        raise AssertionError("serve went on to start the server")

    monkeypatch.setattr(database, "ready", started)
    monkeypatch.setenv("PLANWATCH_PRODUCTION", "1")
    monkeypatch.setenv("PLANWATCH_SECRET_KEY", "abc")
    monkeypatch.setenv("PLANWATCH_ALLOWED_HOSTS", "plan.fuling.gov.cn")
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "PLANWATCH_SECRET_KEY is too weak" in result.output


@pytest.mark.usefixtures("demo")
def test_an_api_fault_answers_the_error_body_and_never_a_traceback(alice, settings, monkeypatch):
    from planwatch.web.plan import services

    def broken(code: str) -> None:
        raise RuntimeError("secret internals")

    settings.DEBUG = True
    monkeypatch.setattr(services, "get_region", broken)
    response = alice.get("/api/regions/fuling")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert b"secret internals" not in response.content and b"Traceback" not in response.content


@pytest.mark.usefixtures("demo")
def test_a_null_instead_of_a_name_or_list_is_bad_input_and_changes_nothing(alice: Caller):
    pk = indicator("gdp_growth").pk
    version = alice.get(f"/api/indicators/{pk}").json()["version"]
    for field in ("aliases", "name", "unit", "kind", "owner"):
        change = {"version": version, "reason": "清空", field: None}
        response = alice.patch(f"/api/indicators/{pk}", change)
        assert (response.status_code, response.json()["field"]) == (400, field)
    assert alice.get(f"/api/indicators/{pk}").json()["version"] == version
    cleared = {"version": version, "reason": "不设容差", "tolerance": None}
    assert alice.patch(f"/api/indicators/{pk}", cleared).status_code == 200


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    "path", ["/compare/?indicator=%00", "/problems/WT-%00/", "/indicators/?owner=a%00b"]
)
def test_a_nul_character_in_an_address_is_bad_input_not_a_server_error(path, alice: Caller):
    browser = Client()
    browser.force_login(User.objects.get(username="alice"))
    assert browser.get(path).status_code == 400


@pytest.mark.usefixtures("demo")
def test_a_nul_character_in_an_api_address_answers_the_error_body(alice: Caller):
    response = alice.get("/api/regions/fu%00ling/indicators")
    assert response.status_code == 400 and response.json()["code"] == "invalid_input"


@pytest.mark.usefixtures("demo")
def test_a_write_without_a_valid_token_is_unauthorized_with_the_error_body(bob: Caller):
    pk = indicator("gdp_growth").pk
    path = f"/api/indicators/{pk}/observations"
    entry = {"period": "2025", "value": 6}
    User.objects.filter(username="bob").update(is_active=False)
    for headers in (
        {},
        {"HTTP_AUTHORIZATION": "Bearer pw_not-a-token"},
        {"HTTP_AUTHORIZATION": f"Bearer {bob.token}"},
    ):
        response = Client(enforce_csrf_checks=True, **headers).post(
            path, entry, content_type="application/json"
        )
        assert response.status_code == 401
        assert response.json()["code"] == "unauthorized"
    assert not ObservationRecord.objects.filter(note="", period="2025", value=6).exists()


@pytest.mark.usefixtures("demo")
def test_a_signed_in_session_still_needs_its_csrf_token_to_write(alice: Caller):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(username="alice"))
    path = f"/api/indicators/{indicator('gdp_growth').pk}/observations"
    response = browser.post(path, {"period": "2025", "value": 6}, content_type="application/json")
    assert response.status_code == 403


def test_the_login_lockout_counts_in_the_database_every_worker_shares(db, settings):
    from django.core.cache import caches
    from django.db import connection

    User.objects.create_user("alice", password="right-password")
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    for _ in range(3):
        Client(REMOTE_ADDR="10.0.0.9").post("/login/", {"username": "alice", "password": "x"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM planwatch_cache WHERE cache_key LIKE %s", ["%login%"])
        assert cursor.fetchone()[0] == 1
    assert caches["default"].get("login-failures:alice:10.0.0.9") == 3


def test_redis_is_the_shared_cache_when_its_url_is_set():
    script = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    found = settings_process(script, PLANWATCH_REDIS_URL="redis://127.0.0.1:6379/0")
    assert found.stdout.strip() == "django.core.cache.backends.redis.RedisCache"
    assert settings_process(script).stdout.strip().endswith("DatabaseCache")
