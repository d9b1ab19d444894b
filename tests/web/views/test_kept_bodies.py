"""The key-task tree, indicator table, comparison, problem list, project page and the API's
project answers are kept per scope and data version: the kept body is the body rendered
afresh, a write shows on the next request, what the user may see is checked before a kept
body is served, and the comparison reads as many queries for six regions as for two."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from planwatch.cli.demo import CITY_DISTRICTS
from planwatch.core.observations import Period
from planwatch.core.problems import Action
from planwatch.core.tasks import TaskProgress
from planwatch.services import projects, tasks, values
from planwatch.services.problems import take_problem_step
from planwatch.services.values import Entry
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.services import load_dataset
from planwatch.web.projects.models import ProblemRecord, SubTargetRecord, TaskProgressRecord
from planwatch.web.submissions import periods
from tests.web.views.conftest import PASSWORD, client_for, indicator, user

pytestmark = pytest.mark.django_db
CHEAP = ("/problems/", "/problems/?overdue=1")  # a few queries: the version's cost as many
PAGES = (
    *CHEAP,
    "/tasks/?year=2025",
    "/indicators/?year=2024&verdict=below&sort=attainment",
    "/compare/?indicator=gdp_growth",
    "/projects/2025-ZF-001/?year=2025",
    "/api/projects/2025-ZF-001",
    "/api/projects?year=2025&limit=5&offset=10",
    "/api/project-totals?year=2025&government=true",
)


def asked(client, path: str) -> tuple[str, int]:
    """The page without its per-request CSRF tokens, and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(path)
    assert answer.status_code == 200, path
    html = answer.content.decode()
    return re.sub(r'(CSRFToken": "|csrfmiddlewaretoken" value=")[^"]+', "", html), len(queries)


@pytest.mark.parametrize("path", PAGES)
def test_the_kept_body_is_the_body_rendered_afresh(office, settings, path: str) -> None:
    settings.FRAGMENT_SECONDS = 0
    fresh, rendering = asked(office, path)
    settings.FRAGMENT_SECONDS = 3600
    first, _ = asked(office, path)
    again, kept = asked(office, path)
    assert first == fresh and again == fresh
    assert kept < rendering or path in CHEAP


def test_the_kept_problem_list_offers_each_user_the_steps_of_their_role(
    office, commerce, settings
) -> None:
    settings.FRAGMENT_SECONDS = 3600
    offered = office.get("/problems/").content.decode()
    office.get("/problems/")
    clerk = commerce.get("/problems/").content.decode()
    assert "/assign/" in offered and "/assign/" not in clerk
    tokens = set(re.findall(r'csrfmiddlewaretoken" value="([^"]+)', offered))
    assert tokens and "planwatch-csrf" not in offered  # the request's own token, not a stand-in


def test_a_problem_step_taken_from_a_kept_list_is_accepted(settings) -> None:
    settings.FRAGMENT_SECONDS = 3600
    office = client_for("office")
    office.get("/problems/")  # kept
    html = office.get("/problems/").content.decode()
    action, token = re.search(
        r'action="(/problems/[^"]+/assign/\?region=fuling)".*?csrfmiddlewaretoken" value="([^"]+)"',
        html,
        re.S,
    ).groups()
    office.handler.enforce_csrf_checks = True
    assert office.post(action, {"csrfmiddlewaretoken": token}).status_code == 302


@pytest.fixture
def kept(settings) -> None:
    settings.FRAGMENT_SECONDS = 3600


def test_a_renamed_project_shows_on_its_page_and_in_the_api(leader, kept) -> None:
    def shown() -> list[str]:
        page = leader.get("/projects/2025-ZF-001/?year=2025").content.decode()
        one = leader.get("/api/projects/2025-ZF-001").json()["name"]
        listed = leader.get("/api/projects?year=2025&q=2025-ZF-001").json()["items"][0]["name"]
        return [page, one, listed]

    before = shown()
    detail = projects.project_detail("2025-ZF-001")
    projects.change_project(
        "2025-ZF-001",
        actor=user("office"),
        changes={"name": "改名后的项目"},
        version=detail.version,
        reason="更正名称",
    )
    after = shown()
    assert not any("改名后的项目" in page for page in before)
    assert all("改名后的项目" in page for page in after)


def test_a_changed_annual_plan_shows_in_the_api_totals(leader, kept) -> None:
    path = "/api/project-totals?year=2025&q=2025-ZF-001"
    before = leader.get(path).json()
    detail = projects.project_detail("2025-ZF-001")
    plan = detail.page.status.project.annual_plan
    projects.change_project(
        "2025-ZF-001",
        actor=user("office"),
        changes={"annual_plan": plan + 100},
        version=detail.version,
        reason="调整计划",
    )
    assert leader.get(path).json()["annual_plan"] == before["annual_plan"] + 100


def test_an_approved_value_shows_in_the_indicator_table_and_the_comparison(leader, kept) -> None:
    paths = ("/indicators/?year=2024", "/compare/?indicator=gdp_growth")
    before = [asked(leader, p)[0] for p in paths]
    submission = values.submit_value(
        actor=user("stats"), indicator_id=indicator("gdp_growth").id, entry=Entry("2024", 12.34)
    )
    values.approve_value(actor=user("office"), submission_id=submission.id)
    after = [asked(leader, p)[0] for p in paths]
    assert all("12.34" not in page for page in before)
    assert all("12.34" in page for page in after)


def test_a_problem_step_shows_on_the_next_problem_list(leader, kept) -> None:
    found = ProblemRecord.objects.filter(region__code="fuling", state="found").first()
    assert found is not None
    column = re.compile(rf'id="col-found".*?{found.code}.*?id="col-assigned"', re.S)
    assert column.search(asked(leader, "/problems/")[0])
    take_problem_step(found.code, Action.ASSIGN, actor=user("office"))
    assert not column.search(asked(leader, "/problems/")[0])


def test_a_quarter_reported_shows_on_the_next_task_tree(leader, kept) -> None:
    sub = SubTargetRecord.objects.filter(task__year=2025, task__region__code="fuling")
    sub = sub.exclude(form="").first()
    quarter = TaskProgressRecord.objects.filter(year=2025).order_by("-quarter").first().quarter
    before, _ = asked(leader, "/tasks/?year=2025")
    value = sub.value * 1.5 + 0.37  # within the rule's bounds, and a figure of its own
    report = TaskProgress(sub.code, period=Period(2025, quarter=quarter), value=value)
    tasks.report_subtarget_progress(report, actor=user("office"), reason="核实后更正")
    after, _ = asked(leader, "/tasks/?year=2025")
    assert after != before and asked(leader, "/tasks/?year=2025")[0] == after


@pytest.fixture
def districts(db, tmp_path: Path) -> list[str]:
    """Two illustrative districts beside Fuling, each with its users; returns their codes."""
    for directory in sorted(CITY_DISTRICTS.iterdir())[:2]:
        load_dataset(directory)
    create_user("a_office", PASSWORD, Role.PLAN_OFFICE, region="sample-a")
    return ["sample-a", "sample-b"]


def test_a_district_s_user_never_gets_another_district_s_kept_body(office, districts, kept) -> None:
    own = client_for("a_office")
    for path in ("/indicators/?region=sample-b", "/compare/?region=sample-b&indicator=gdp_growth"):
        assert office.get(path).status_code == 200  # kept for sample-b
        assert own.get(path).status_code == 403
    for path in ("/problems/?region=fuling", "/tasks/?region=fuling", "/api/projects?region=fuling",
                 "/api/project-totals?region=fuling", "/api/projects/2025-ZF-001?region=fuling",
                 "/projects/2025-ZF-001/?region=fuling"):  # fmt: skip
        assert office.get(path).status_code == 200
        assert own.get(path).status_code == 403, path
    heading = re.compile(r"<h1>(.*?)</h1>", re.S)
    theirs = heading.search(office.get("/indicators/").content.decode())[1]  # the first region's
    mine = heading.search(own.get("/indicators/").content.decode())[1]  # the district's own
    assert "示例甲区" in mine and "示例甲区" not in theirs


def _copies(at: Path, numbers: range) -> None:
    """More regions holding sample-a's plan under codes (and names) of their own."""
    for n in numbers:
        copy = at / f"copy-{n}"
        shutil.copytree(sorted(CITY_DISTRICTS.iterdir())[0], copy)
        toml = (copy / "region.toml").read_text(encoding="utf-8")
        toml = toml.replace('code = "sample-a"', f'code = "copy-{n}"')
        (copy / "region.toml").write_text(toml.replace("示例甲区", f"复制区{n}"), encoding="utf-8")
        load_dataset(copy)


@pytest.mark.slow
def test_the_comparison_reads_as_many_queries_for_six_regions_as_for_two(
    office, settings, tmp_path: Path
) -> None:
    settings.FRAGMENT_SECONDS = 0
    path = "/compare/?region=fuling&indicator=gdp_growth"
    _copies(tmp_path, range(1))  # Fuling and one more
    two, read = asked(office, path)
    _copies(tmp_path, range(1, 5))  # and four more
    six, more = asked(office, path)
    assert "复制区0" in two and "复制区1" not in two
    assert all(f"复制区{n}" in six for n in range(5))
    assert more == read


def test_a_closed_reporting_period_moves_the_project_pages_default_month(leader) -> None:
    def month() -> str:
        return leader.get("/api/project-totals?year=2025").json()["month"]

    before = month()
    office = user("office")
    periods.open_period(actor=office, region_code="fuling", period="2025-03", due=date(2025, 4, 10))
    periods.close_period(actor=office, region_code="fuling", period="2025-03")
    assert before != "2025-03" and month() == "2025-03"
