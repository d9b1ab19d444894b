"""Work proportional to what is shown: the project pages and the dashboard read the same
number of queries whatever the size of the register (here 10× the demo's), and the list
pages, sorts and filters in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProjectRecord
from tests.web.views.districts import district

pytestmark = pytest.mark.django_db
PAGES = (
    "/projects/?year=2025",
    "/projects/2025-ZF-001/",
    "/?year=2025",
    "/api/projects/2025-ZF-001",
    "/rankings/?year=2025",
    "/api/projects?year=2025",
    "/api/project-totals?year=2025",
    "/problems/",
)


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.slow
def test_the_query_count_does_not_grow_with_ten_times_the_projects(office, tmp_path: Path) -> None:
    office.get("/indicators/gdp_growth/")  # the first page to ask notes the visit, once
    before = {path: queries(office, path) for path in PAGES}
    for copy in range(1, 10):  # nine more copies of the register, in Fuling itself
        load_year(
            district(tmp_path / str(copy), "fuling", "涪陵区", f"X{copy}", problems=False), 2025
        )
    assert ProjectRecord.objects.filter(region__code="fuling", year=2025).count() == 3540
    assert {path: queries(office, path) for path in PAGES} == before


def test_the_list_shows_a_page_of_fifty_and_totals_over_every_row(office) -> None:
    first = office.get("/projects/?year=2025").context["page"]
    assert len(first.page.object_list) == 50 and first.totals.count == 354
    last = office.get("/projects/?year=2025&page=8").context["page"]
    assert len(last.page.object_list) == 354 - 7 * 50
    assert first.totals.unit == "万元"


def test_the_list_sorts_by_a_column_in_either_direction(office) -> None:
    rows = office.get("/projects/?year=2025&sort=-annual_plan").context["page"].page.object_list
    plans = [s.project.annual_plan for s in rows]
    assert plans == sorted(plans, reverse=True)
    top = max(ProjectRecord.objects.filter(year=2025).values_list("annual_plan", flat=True))
    assert plans[0] == top
    rows = office.get("/projects/?year=2025&sort=completed").context["page"].page.object_list
    done = [s.completed for s in rows]
    assert done == sorted(done)


def test_filters_and_totals_agree_with_the_judged_rows(office) -> None:
    page = office.get("/projects/?year=2025&lagging=1&government=1").context["page"]
    rows = list(page.rows)
    assert rows and all(s.lagging and s.project.government for s in rows)
    assert page.totals.count == page.totals.lagging == len(rows)
    assert page.totals.annual_plan == sum(s.project.annual_plan for s in rows)
    assert page.totals.completed == sum(s.completed for s in rows)


def test_an_unknown_sort_falls_back_to_the_code_order(office) -> None:
    rows = office.get("/projects/?year=2025&sort=password").context["page"].page.object_list
    codes = [s.project.code for s in rows]
    assert codes == sorted(codes)
