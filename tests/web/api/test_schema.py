"""Every API operation against its own OpenAPI schema, with every check schemathesis has:
no 5xx, no answer the schema does not describe, schema-valid input accepted and
schema-invalid input rejected. Bounded: a few examples per operation, in
process, no network.

A rule of the plan the schema cannot express (a closed period, an implausible
value, an unknown code in a body) refuses schema-valid input with 422, and a
body over the size limit is refused with 413 before it is read; the checks
are told so, and those are the only allowances.

Reports are asked in every format but PDF, which takes seconds to typeset
(``test_reports.py`` renders it once).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS as REGISTERED
from schemathesis.checks import load_all_checks
from schemathesis.config import SchemathesisConfig

from planwatch.web.plan.models import IndicatorRecord
from planwatch.web.wsgi import application


@pytest.fixture
def connection_kept_open():
    """Keep the test's database connection across requests, as Django's test client does
    (the WSGI app would close it at the end of each request, and the test's transaction too)."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
REJECTED = [
    "400",
    "401",
    "403",
    "404",
    "405",
    "406",
    "409",
    "413",
    "415",
    "422",
    "428",
    "429",
    "5xx",
]
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {"expected-statuses": ACCEPTED},
            "negative_data_rejection": {"expected-statuses": REJECTED},  # 413: body too large
        }
    }
)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application, config=CONFIG)
load_all_checks()
CHECKS = REGISTERED.get_all()


def without_pdf(case) -> None:
    if "/reports/" in case.path and (case.query or {}).get("format", "pdf") == "pdf":
        case.query = {**(case.query or {}), "format": "md"}


@pytest.mark.slow
@pytest.mark.usefixtures("register", "connection_kept_open")
@pytest.mark.parametrize("caller", ["alice", "bob"])  # the plan office, a department's clerk
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(case, caller, request):
    without_pdf(case)
    token = request.getfixturevalue(caller).token
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)


def test_the_schema_tells_the_submission_state_from_the_problem_state(db):
    schemas = Client().get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["State"]["enum"] == ["draft", "submitted", "approved", "returned"]
    problem_state = schemas["ProblemOut"]["properties"]["state"]
    assert problem_state["title"] == "ProblemState" and "closed" in problem_state["enum"]


@pytest.mark.usefixtures("demo")
def test_true_or_false_is_not_a_number(bob):
    pk = IndicatorRecord.objects.get(code="gdp_growth").pk
    entry = {"period": "2025-Q3", "value": False}
    response = bob.post(f"/api/indicators/{pk}/submissions", entry)
    assert (response.status_code, response.json()["field"]) == (400, "value")


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("body", [[None, None], [], None, "rules"])
def test_a_rules_body_that_is_not_an_object_is_bad_input(alice, body):
    pk = IndicatorRecord.objects.get(code="gdp_growth").pk
    response = alice.put(f"/api/indicators/{pk}/rules", body)
    assert response.status_code == 400 and response.json()["message"]
