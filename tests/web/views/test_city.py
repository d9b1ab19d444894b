"""The city view (/city/): the city office's 晾晒 of its districts, for the city's users and
the unscoped only; a district's users keep to their district and its submissions."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from planwatch.cli.demo import CITY_DISTRICTS
from planwatch.services import city, values
from planwatch.services.value_checks import Entry
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.models import IndicatorRecord, Region
from planwatch.web.plan.services import load_dataset
from planwatch.web.projects import judged
from planwatch.web.projects.demo import load_year
from tests.web.views.conftest import PASSWORD, client_for
from tests.web.views.districts import district
from tests.web.views.test_drill_down import shown_projects

pytestmark = pytest.mark.django_db
RANKING = "/city/?year=2025&as_of=2025-09&indicator=gdp_growth"


@pytest.fixture
def districts(db) -> None:
    """The demo's three illustrative districts of 重庆市 beside Fuling, and their users."""
    for directory in sorted(CITY_DISTRICTS.iterdir()):
        load_dataset(directory)
        load_year(directory, 2025)
    create_user("mayor", PASSWORD, Role.LEADER, region="chongqing")
    create_user("a_stats", PASSWORD, Role.CLERK, department="区统计局", region="sample-a")
    create_user("f_stats", PASSWORD, Role.CLERK, department="区统计局", region="fuling")
    judged.forget()


def test_a_city_user_sees_every_district_ranked_with_links_to_its_pages(districts) -> None:
    html = client_for("mayor").get(RANKING).content.decode()
    for name in ("涪陵区", "示例甲区", "示例乙区", "示例丙县"):
        assert name in html
    ranking = html[html.index('id="city-ranking"') : html.index('id="city-verdicts"')]
    assert ranking.index("示例甲区") < ranking.index("涪陵区") < ranking.index("示例丙县")
    assert "/?region=sample-b&year=2025" in html  # drill down to the district's dashboard
    assert "/projects/?region=sample-b&as_of=2025-09&government=1&lagging=1" in html
    assert "未报" in html and "高于预期" in html and "▲" in html  # word and icon, not colour
    view = city.city_year(Region.objects.get(code="chongqing"), 2025, as_of="2025-09")
    late = sum(
        1 for e in view.evaluations["sample-c"].values() if e.verdict.value == "not_reported"
    )
    foot = html[html.index("<tfoot>") : html.index("</tfoot>")]
    unreported = foot[foot.index("v-not_reported") :].split("</tr>")[0]
    assert late > 10 and unreported.endswith(f'<td class="n">{late}</td>')


def test_each_district_s_project_figures_open_as_many_projects(districts) -> None:
    mayor = client_for("mayor")
    html = mayor.get(RANKING).content.decode()
    table = html[html.index('id="city-projects"') :]
    rows = re.findall(
        r'<a href="(/projects/\?region=[\w-]+[^"]*government=1)">[^<]+</a></th>\s*'
        r'<td class="n"[^>]*>(\d+)</td>.*?<a href="([^"]+lagging=1)">(\d+)</a>',
        table,
        re.S,
    )
    assert len(rows) == 4
    for projects, count, lagging, lagging_count in rows:
        assert shown_projects(mayor.get(projects).content.decode()) == int(count) > 0
        assert shown_projects(mayor.get(lagging).content.decode()) == int(lagging_count)


def test_the_city_view_is_chinese_first_and_english_on_request(districts) -> None:
    mayor = client_for("mayor")
    html = mayor.get(RANKING).content.decode()
    assert "排名" in html and "名次变化" in html and "各区县评价" in html
    mayor.cookies["django_language"] = "en"
    html = mayor.get(RANKING).content.decode()
    assert "Ranking" in html and "Change of rank" in html and "above expectation" in html


def test_a_district_clerk_is_refused_the_city_view_and_its_api(districts) -> None:
    clerk = client_for("f_stats")
    assert clerk.get("/city/").status_code == 403
    assert clerk.get("/api/regions/chongqing/ranking/2025?indicator=gdp_growth").status_code == 403
    assert clerk.get("/api/regions/chongqing/districts/2025").status_code == 403
    assert clerk.get("/?region=sample-a").status_code == 403


def test_a_district_clerk_does_not_see_another_district_s_drafts(districts) -> None:
    indicator = IndicatorRecord.objects.get(region__code="sample-a", code="gdp_growth")
    clerk = create_user("a_stats2", PASSWORD, Role.CLERK, department="区统计局", region="sample-a")
    draft = values.save_value_draft(
        actor=clerk, indicator_id=indicator.id, entry=Entry("2025-Q4", 7.7)
    )
    edit = reverse("submissions:edit", args=[draft.id])
    assert edit in client_for("a_stats").get("/submissions/").content.decode()
    fuling = client_for("f_stats")  # the same department (区统计局) of another district
    assert edit not in fuling.get("/submissions/").content.decode()
    assert fuling.get(edit).status_code == 403


def test_the_ranking_exports_to_excel_as_the_page_ranks(districts) -> None:
    response = client_for("office").get(RANKING + "&format=xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in rows] == [1, 2, 3, None]
    assert rows[-1][1] == "示例丙县" and rows[-1][5] == "未报"


def test_the_ranking_api_agrees_with_the_page(districts) -> None:
    body = client_for("mayor").get(
        "/api/regions/chongqing/ranking/2025?indicator=gdp_growth&as_of=2025-09"
    )
    places = body.json()["places"]
    assert [p["district"] for p in places][-1] == "sample-c"
    assert [p["rank"] for p in places] == [1, 2, 3, None]
    table = client_for("mayor").get("/api/regions/chongqing/districts/2025?as_of=2025-09").json()
    expected = {"fuling", "sample-a", "sample-b", "sample-c"}
    assert {p["district"] for p in table["projects"]} == expected
    assert len(table["cells"]) == 4 * 31


def test_a_district_s_pages_link_to_the_city_view_for_the_city_not_for_the_district(
    districts,
) -> None:
    assert "/city/" in client_for("mayor").get("/indicators/?region=sample-b").content.decode()
    assert "/city/" not in client_for("f_stats").get("/indicators/").content.decode()


@pytest.mark.parametrize("more", [0, 3])
@pytest.mark.parametrize(
    ("path", "budget"),
    [
        # the session, user, role and profile, the city's districts (5); the city (3); the
        # districts' plan years (5); the data version (1) and the registers and reports (3)
        # their projects' month-end judgement is kept under
        (RANKING, 16),
        ("/city/", 20),  # and 4 for the default year and each district's default as-of
    ],
)
def test_the_city_page_reads_the_same_queries_whatever_the_number_of_districts(
    districts, tmp_path: Path, more: int, path: str, budget: int, django_assert_max_num_queries
) -> None:
    for n in range(more):  # districts with a register of their own and no plan yet
        load_year(district(tmp_path / f"d{n}", f"extra-{n}", f"新区{n}", f"X{n}"), 2025)
    mayor = client_for("mayor")
    with django_assert_max_num_queries(budget):
        assert mayor.get(path).status_code == 200
