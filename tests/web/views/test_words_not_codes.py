"""Nothing internal on screen: rules, sources and origins in words; the codes stay in the API."""

from __future__ import annotations

import re

import pytest

from planwatch.cli.plan import DEMO_DATASET
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProjectRecord

CODES = re.compile(r"at_least:|at_most:|no data:|dataset:\w|seed:L\d|submission:\d|\bsynthetic\b")


@pytest.fixture
def projects(db) -> str:
    load_year(DEMO_DATASET, 2025)
    project = ProjectRecord.objects.order_by("code").first()
    assert project is not None
    return project.code


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_pages_show_words_where_the_engine_keeps_codes(leader, projects, lang):
    leader.cookies["django_language"] = lang
    paths = ["/indicators/gdp_growth/?year=2024", "/indicators/gdp_growth/?year=2025", "/"]
    paths += ["/indicators/?year=2024", f"/projects/{projects}/", "/tasks/"]
    shown = {p: CODES.findall(leader.get(p).content.decode()) for p in paths}
    assert shown == {p: [] for p in paths}


@pytest.mark.django_db
def test_the_indicator_page_states_its_rule_as_a_sentence(leader):
    html = leader.get("/indicators/gdp_growth/?year=2024").content.decode()
    assert "目标7%以上,实际" in html and "→" in html
    assert "数据集导入(fuling)" in html


@pytest.mark.django_db
def test_the_api_keeps_the_rule_code(leader):
    from planwatch.services.evaluation import evaluate

    (gdp,) = [e for e in evaluate("fuling", 2024).evaluations if e.indicator.code == "gdp_growth"]
    assert gdp.rule.startswith(("at_least:", "point:"))


@pytest.mark.django_db
def test_an_english_page_names_states_categories_and_money_in_english(leader, projects):
    leader.cookies["django_language"] = "en"
    board = leader.get("/problems/").content.decode()
    assert "Being rectified" in board and "整改中" not in board
    detail = leader.get(f"/projects/{projects}/").content.decode()
    assert re.search(r"¥[\d.]+ (thousand|million|billion)", detail) and "10k yuan" not in detail


@pytest.mark.django_db
def test_a_chinese_page_keeps_amounts_in_wan(leader, projects):
    assert re.search(r"[\d,.]+ 万元", leader.get(f"/projects/{projects}/").content.decode())
