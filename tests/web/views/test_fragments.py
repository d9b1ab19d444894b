"""The dashboard's and the project list's bodies are rendered once per data version and
scope, then served from the shared cache; any write shows on the next request."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.services import projects
from tests.web.views.conftest import user

pytestmark = pytest.mark.django_db
DASHBOARD = "/?year=2025&as_of=2025-10"
LISTED = "/projects/?year=2025&q=2025-ZF-001"


@pytest.fixture(autouse=True)
def kept(settings) -> None:
    settings.FRAGMENT_SECONDS = 3600


def asked(client, path: str) -> tuple[str, int]:
    """The page without its per-request CSRF tokens, and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return re.sub(r'(CSRFToken": "|csrfmiddlewaretoken" value=")[^"]+', "", html), len(queries)


def test_the_dashboard_is_rendered_once_per_data_version(leader) -> None:
    first, rendering = asked(leader, DASHBOARD)
    again, kept = asked(leader, DASHBOARD)
    assert again == first and kept < rendering


def test_a_write_shows_on_the_next_project_list(leader) -> None:
    detail = projects.project_detail("2025-ZF-001")
    before_list, _ = asked(leader, LISTED)
    projects.change_project(
        "2025-ZF-001",
        actor=user("office"),
        changes={"name": "改名后的项目"},
        version=detail.version,
        reason="更正名称",
    )
    after_list, _ = asked(leader, LISTED)
    assert "2025-ZF-001" in before_list and "改名后的项目" not in before_list
    assert "改名后的项目" in after_list


def test_each_language_and_scope_has_its_own_body(leader) -> None:
    chinese, _ = asked(leader, DASHBOARD)
    leader.cookies["django_language"] = "en"
    english, _ = asked(leader, DASHBOARD)
    other_month, _ = asked(leader, "/?year=2025&as_of=2025-06")
    assert "Dashboard" in english and "Dashboard" not in chinese
    assert 'data-as-of="2025-06"' in other_month and 'data-as-of="2025-06"' not in english
