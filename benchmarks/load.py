"""Concurrent departments submitting and the plan office approving, through the API, on
PostgreSQL: throughput, latency, and proof that nothing was lost or duplicated.

The script creates a scratch database on the local server, loads the Fuling
demo data, starts ``planwatch serve`` on 127.0.0.1 (its own process, stopped
at the end), and runs ``--clients`` threads for ``--duration`` seconds: four
in five are department clerks submitting values of their own indicators, the
rest plan-office reviewers approving what is pending. A clerk whose value
for the year is already pending is refused (409); one whose value is already
approved files a correction of it instead (``PUT /api/observations/{id}``).
Afterwards every submission still pending is approved, and the database is
compared with what the clients were told: each accepted submission stored
once with its value and its history, exactly one current value per
indicator, period and status (the latest approved), and every approved value
either current or in the history, superseded with who and why.

    PYTHONPATH=src .venv/bin/python benchmarks/load.py [--duration 60] [--clients 50] \
        [--database planwatch_load]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import psycopg

REPO = Path(__file__).resolve().parents[1]
SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "planwatch_load"
TIMEOUT = 30  # seconds for any single request
PERIODS = ["2025", *(f"2025-Q{q}" for q in range(1, 5)), *(f"2025-{m:02d}" for m in range(1, 13))]


class Client:
    """One keep-alive connection with one user's token; records every latency."""

    def __init__(self, port: int, token: str, timings: dict[str, list[float]]) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.timings = timings

    def call(self, label: str, method: str, path: str, body: object = None) -> tuple[int, object]:
        started = time.perf_counter()
        payload = None if body is None else json.dumps(body)
        self.connection.request(method, path, payload, self.headers)
        response = self.connection.getresponse()
        data = json.loads(response.read() or b"null")
        self.timings[label].append(time.perf_counter() - started)
        return response.status, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (≤ 600)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (≤ 200)")
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server on 127.0.0.1")
    parser.add_argument("--database", default=DATABASE, help="scratch database (dropped first)")
    args = parser.parse_args()
    if not 0 < args.duration <= 600 or not 2 <= args.clients <= 200:
        parser.error("--duration must be in (0, 600] and --clients in [2, 200]")
    if urlparse(args.server).hostname not in ("127.0.0.1", "localhost"):
        parser.error("the load test runs against a local PostgreSQL server only")
    url = f"{args.server}/{args.database}"
    fresh_database(args.server, args.database)
    home = Path(tempfile.mkdtemp(prefix="planwatch-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "PLANWATCH_HOME": str(home),
        "PYTHONPATH": str(REPO / "src"),
        "PLANWATCH_DEBUG": "0",
        "PLANWATCH_SECRET_KEY": secrets.token_urlsafe(50),
        "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1",
    }
    os.environ.update(env)
    clerks, reviewers = prepare(args.clients)
    port = free_port()
    log = (home / "server.log").open("wb")  # a pipe nobody reads would fill and stall the server
    command = ["-m", "planwatch", "serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(
        [sys.executable, *command, "--threads", "16"], env=env, stdout=log, stderr=log
    )
    try:
        wait_until_up(port, server, home / "server.log")
        run_load(port, clerks, reviewers, args.duration, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=30)


def fresh_database(server: str, name: str) -> None:
    if not name.isidentifier():
        raise SystemExit(f"{name!r} is not a plain database name")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")


def prepare(clients: int) -> tuple[list[tuple[str, list[tuple[int, str]]]], list[str]]:
    """Schema, demo data, users and tokens; clerks come with the indicators they own."""
    from planwatch import web

    web.setup()
    web.migrate()
    from planwatch.web.accounts.roles import Role
    from planwatch.web.accounts.services import create_user
    from planwatch.web.api import tokens
    from planwatch.web.plan.models import IndicatorRecord, TargetRecord
    from planwatch.web.plan.services import load_dataset

    load_dataset(REPO / "src" / "planwatch" / "data" / "fuling")
    owned: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with_targets = TargetRecord.objects.filter(year=2025).values_list("indicator_id", flat=True)
    for record in IndicatorRecord.objects.filter(pk__in=with_targets).exclude(owner=""):
        owned[record.owner].append((record.pk, record.code))
    departments = sorted(owned)
    n_reviewers = max(1, clients // 5)
    clerks, reviewers = [], []
    for n in range(clients - n_reviewers):
        department = departments[n % len(departments)]
        create_user(f"clerk{n}", secrets.token_urlsafe(), Role.CLERK, department=department)
        clerks.append((tokens.create(f"clerk{n}")[1], owned[department]))
    for n in range(n_reviewers):
        create_user(f"office{n}", secrets.token_urlsafe(), Role.PLAN_OFFICE)
        reviewers.append(tokens.create(f"office{n}")[1])
    return clerks, reviewers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 300  # a busy machine starts Django slowly
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {log.read_text()[-2000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/openapi.json")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer within 300 s")


def run_load(
    port: int,
    clerks: list[tuple[str, list[tuple[int, str]]]],
    reviewers: list[str],
    duration: float,
    clients: int,
) -> None:
    timings: dict[str, list[float]] = defaultdict(list)
    accepted: dict[int, float] = {}  # submission id -> value, as the server confirmed
    approved: set[int] = set()
    failures: list[str] = []
    refused: dict[int, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def clerk(token: str, indicators: list[tuple[int, str]], seed: int) -> None:
        rng, client = random.Random(seed), Client(port, token, timings)
        while time.monotonic() < stop:
            value = round(rng.uniform(1, 50), 2)
            (pk, code), period = rng.choice(indicators), rng.choice(PERIODS)
            body = {"period": period, "value": value, "note": "负载测试", "submit": True}
            status, data = client.call("submit", "POST", f"/api/indicators/{pk}/submissions", body)
            if status == 409 and "更正" in data["message"]:  # type: ignore[index]
                status, data = correct(client, code, period, value)
            with lock:
                if status in (201, 202):
                    accepted[data["id"]] = value  # type: ignore[index]
                elif status in (409, 422):  # a value already pending, or refused by a check
                    refused[status] += 1
                else:
                    failures.append(f"submit {status} {data}")

    def reviewer(token: str) -> None:
        client = Client(port, token, timings)
        while time.monotonic() < stop:
            approve_pending(client, approved, failures, lock, until=stop)

    threads = [
        threading.Thread(target=clerk, args=(t, ind, n)) for n, (t, ind) in enumerate(clerks)
    ]
    threads += [threading.Thread(target=reviewer, args=(t,)) for t in reviewers]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 120)
    elapsed = time.monotonic() - started
    drain = Client(port, reviewers[0], defaultdict(list))
    while approve_pending(drain, approved, failures, lock, until=time.monotonic() + 300):
        pass
    report(timings, elapsed, clients, accepted, approved, failures, refused)


def correct(client: Client, code: str, period: str, value: float) -> tuple[int, object]:
    """File a correction of the period's approved value (409 if one is already pending)."""
    path = f"/api/regions/fuling/observations?indicator={code}&year=2025&status=actual"
    status, page = client.call("read", "GET", path + "&limit=100")
    found = page["items"] if status == 200 else []  # type: ignore[index]
    items = [o for o in found if o["period"] == period]
    if not items:
        return 409, {"message": "superseded meanwhile"}
    current = items[0]
    body = {"period": period, "value": value, "note": "负载测试", "reason": "更正"}
    body["version"] = current["version"]
    return client.call("correct", "PUT", f"/api/observations/{current['id']}", body)


def approve_pending(
    client: Client,
    approved: set[int],
    failures: list[str],
    lock: threading.Lock,
    *,
    until: float,
) -> int:
    """Approve one page of pending submissions; the number approved (another reviewer may
    have taken some first: that 409 is expected)."""
    status, page = client.call("list", "GET", "/api/submissions/queue?limit=50")
    done = 0
    for item in page["items"] if status == 200 else []:
        if time.monotonic() > until:
            break
        status, data = client.call("approve", "POST", f"/api/submissions/{item['id']}/approve")
        with lock:
            if status == 200:
                approved.add(item["id"])
                done += 1
            elif status != 409:
                failures.append(f"approve {status} {data}")
    return done


def report(
    timings: dict[str, list[float]],
    elapsed: float,
    clients: int,
    accepted: dict[int, float],
    approved: set[int],
    failures: list[str],
    refused: dict[int, int],
) -> None:
    requests = sum(len(t) for t in timings.values())
    print(f"{clients} clients, {elapsed:.0f} s on PostgreSQL, server on 127.0.0.1")
    print(f"{'operation':<10}{'requests':>10}{'per s':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for label, values in sorted(timings.items()):
        p50 = statistics.median(values) * 1000
        p95 = statistics.quantiles(values, n=20)[-1] * 1000 if len(values) > 1 else p50
        print(f"{label:<10}{len(values):>10}{len(values) / elapsed:>9.1f}{p50:>9.0f}{p95:>9.0f}")
    print(f"{'all':<10}{requests:>10}{requests / elapsed:>9.1f}")
    problems = verify(accepted, approved) + failures[:10]
    print(
        f"submitted {len(accepted)}, approved {len(approved)}, unexpected answers {len(failures)}"
    )
    pending, checked = refused[409], refused[422]
    print(f"refused as expected: {pending} already pending (409), {checked} by a check (422)")
    print(current_values())
    print(
        "database check:",
        "OK — every value stored once with its history, one current value per period"
        if not problems
        else "FAILED",
    )
    for problem in problems:
        print("  ", problem)
    if problems:
        raise SystemExit(1)


def verify(accepted: dict[int, float], approved: set[int]) -> list[str]:
    """What the database holds against what the clients were told."""
    from django.db.models import Count

    from planwatch.web.plan.models import ObservationRecord
    from planwatch.web.submissions.models import Submission

    problems = []
    stored = dict(Submission.objects.values_list("id", "value"))
    if stored != accepted:
        problems.append(
            f"submissions: {len(stored)} stored, {len(accepted)} accepted, or values differ"
        )
    if set(Submission.objects.filter(state="approved").values_list("id", flat=True)) != approved:
        problems.append("the approved submissions differ from the approvals the clients saw")
    keys = ObservationRecord.objects.values("indicator", "period", "status")
    doubled = keys.annotate(n=Count("id")).filter(n__gt=1).count()
    if doubled:
        problems.append(f"{doubled} indicator-periods hold more than one current value")
    latest: dict[tuple[int, str, str], tuple[object, int]] = {}
    for s in Submission.objects.filter(state="approved"):
        key = (s.indicator_id, s.period, s.status)
        latest[key] = max(latest.get(key, (s.reviewed_at, s.id)), (s.reviewed_at, s.id))
    current = {
        (o.indicator_id, o.period, o.status): o.origin
        for o in ObservationRecord.objects.filter(origin__startswith="submission:")
    }
    wrong = [k for k, (_, pk) in latest.items() if current.get(k) != f"submission:{pk}"]
    if wrong:
        problems.append(f"{len(wrong)} indicator-periods do not hold their latest approved value")
    history = ObservationRecord.history.filter(origin__startswith="submission:")
    made = set(history.filter(history_type="+").values_list("origin", "value"))
    expected = {(f"submission:{pk}", accepted[pk]) for pk in approved}
    if made != expected:
        problems.append(f"history: {len(made)} approved values created, {len(expected)} expected")
    superseded = history.filter(history_type="-").exclude(history_change_reason="")
    gone = len(expected) - len(current)
    if superseded.exclude(history_user=None).count() != gone:
        problems.append(f"history: {superseded.count()} supersessions for {gone} values replaced")
    rows = dict(Submission.history.values_list("id").annotate(n=Count("history_id")))
    short = [pk for pk in accepted if rows.get(pk, 0) != (2 if pk in approved else 1)]
    if short:
        problems.append(f"history: {len(short)} submissions lack a row (submitted, approved)")
    return problems


def current_values() -> str:
    """How many current values, and how many approved values are kept only in the history."""
    from planwatch.web.plan.models import ObservationRecord

    current = ObservationRecord.objects.filter(origin__startswith="submission:").count()
    replaced = ObservationRecord.history.filter(
        origin__startswith="submission:", history_type="-"
    ).count()
    return f"{current} current values from submissions, {replaced} superseded (in the history)"


if __name__ == "__main__":
    main()
