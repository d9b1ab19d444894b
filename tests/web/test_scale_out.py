"""Scale-out: two app servers (`planwatch serve` processes on two ports) over one PostgreSQL
database behave as one site: a session made on one is valid on the other, a value written
through the service on one is approved on the other and read back on the first."""

from __future__ import annotations

import http.cookiejar
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from django.conf import global_settings
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from planwatch.cli.plan import DEMO_DATASET
from planwatch.core.problems import Action, LinkKind, Problem, Severity, Source
from planwatch.services.problems import report_problem, take_problem_step
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.api import tokens
from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.plan.services import load_dataset
from planwatch.web.projects.models import Department
from tests.conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
PASSWORD = "scale-out-password-2025"
PDF = b"%PDF-1.7 scale-out evidence"


@pytest.fixture
def postgresql() -> str:
    """The test database's address, for servers outside this process (PostgreSQL only:
    two processes cannot share the test run's SQLite database, kept in memory)."""
    if connection.vendor != "postgresql":
        pytest.skip("scale-out needs PostgreSQL: run with DATABASE_URL=postgres://…")
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or "5432"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def servers(postgresql: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two `planwatch serve --production` of one worker each: own homes, one database,
    one secret key, one uploads directory (PLANWATCH_MEDIA_ROOT, a shared volume)."""
    shared = {
        "PYTHONPATH": str(REPO / "src"),
        "DATABASE_URL": postgresql,
        "PLANWATCH_SECRET_KEY": secrets.token_urlsafe(50),
        "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1",
        "PLANWATCH_MEDIA_ROOT": str(tmp_path / "uploads"),
    }
    started = []
    for name in ("a", "b"):
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PLANWATCH_")}
        env |= shared | {"PLANWATCH_HOME": str(tmp_path / name)}
        command = [sys.executable, "-m", "planwatch", "serve", "--production"]
        command += ["--port", str(port), "--workers", "1"]
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        started.append((process, f"http://127.0.0.1:{port}"))
    try:
        for _, base in started:
            _wait_until_up(base)
        yield started[0][1], started[1][1]
    finally:
        for process, _ in started:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def cast(settings) -> dict[str, str]:
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # the servers' own
    load_dataset(DEMO_DATASET)
    create_user("bob", PASSWORD, Role.CLERK, department="区统计局")
    create_user("alice", PASSWORD, Role.PLAN_OFFICE)
    return {"alice": tokens.create("alice")[1]}


def test_a_session_from_one_server_writes_on_the_other_and_both_read_one_database(
    cast, servers
) -> None:
    first, second = servers
    jar = _signed_in(first, "bob")
    bob = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    assert _status(bob, second + "/") == 200  # the session made on the first server
    gdp = IndicatorRecord.objects.get(region__code="fuling", code="gdp_growth").pk
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    sent = {"period": "2025-Q1", "value": 5.8, "submit": True}
    created = _json(
        bob,
        f"{second}/api/indicators/{gdp}/submissions",
        sent,
        {"X-CSRFToken": csrf, "Referer": second},
    )
    assert created["state"] == "submitted"
    office = {"Authorization": f"Bearer {cast['alice']}"}
    opener = urllib.request.build_opener()
    approved = _json(opener, f"{first}/api/submissions/{created['id']}/approve", {}, office)
    assert approved["state"] == "approved"
    query = urllib.parse.urlencode({"indicator": "gdp_growth", "year": 2025})
    read = _json(opener, f"{second}/api/regions/fuling/observations?{query}", None, office)
    assert [(o["period"], o["value"]) for o in read["items"] if o["period"] == "2025-Q1"] == [
        ("2025-Q1", 5.8)
    ]


def test_evidence_uploaded_on_one_server_is_served_by_the_other(cast, servers) -> None:
    first, second = servers
    problem = Problem(
        code="WT-2025-901",
        source=Source.SCHEDULING,
        link_kind=LinkKind.INDICATOR,
        link="gdp_growth",
        description="季度数据报送滞后",
        department="区统计局",
        deadline=date(2026, 12, 31),
        severity=Severity.MEDIUM,
        found_at=timezone.now(),
    )
    alice, bob = (User.objects.get(username=n) for n in ("alice", "bob"))
    Department.objects.get_or_create(name="区统计局")
    report_problem(problem, actor=alice)
    take_problem_step(problem.code, Action.ASSIGN, actor=alice)
    take_problem_step(problem.code, Action.START, actor=bob)
    jar = _signed_in(first, "bob")
    clerk = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    body, kind = _multipart({"csrfmiddlewaretoken": csrf, "note": "已整改"}, "整改报告.pdf", PDF)
    sent = urllib.request.Request(
        f"{first}/problems/{problem.code}/submit/",
        data=body,
        headers={"Content-Type": kind, "Referer": first},
    )
    clerk.open(sent, timeout=60).read()
    name = urllib.parse.quote("整改报告.pdf")
    with clerk.open(f"{second}/problems/{problem.code}/evidence/{name}", timeout=60) as served:
        assert served.read() == PDF


def _multipart(fields: dict[str, str], filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"'
        "\r\nContent-Type: application/pdf\r\n\r\n"
    )
    parts.append(head.encode() + data + f"\r\n--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _signed_in(base: str, username: str) -> http.cookiejar.CookieJar:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/login/").read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    form = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        base + "/login/", data=urllib.parse.urlencode(form).encode(), headers={"Referer": base}
    )
    opener.open(request).read()
    assert any(c.name == "sessionid" for c in jar)
    return jar


def _status(opener: urllib.request.OpenerDirector, url: str) -> int:
    with opener.open(url, timeout=60) as response:
        assert "/login/" not in response.url  # not sent to log in again
        return int(response.status)


def _json(
    opener: urllib.request.OpenerDirector, url: str, body: object, headers: dict[str, str]
) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **headers}
    )
    with opener.open(request, timeout=60) as response:
        return json.loads(response.read())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(base: str, limit: float = 90.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/login/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{base} did not answer within {limit:.0f} s")
