from __future__ import annotations

from types import SimpleNamespace

import pytest

from planwatch.core.dataset import read_catalog
from planwatch.core.mapping import MappedTarget, MappedValue, Unmapped, map_statement
from planwatch.core.observations import Status
from planwatch.core.targets import TargetForm
from tests.conftest import DEMO_DATASET

CATALOG = read_catalog(DEMO_DATASET / "indicators.csv")


def statement(
    subject: str, value: float | None, unit: str | None = "%", **fields
) -> SimpleNamespace:
    defaults = {"measure": "growth", "qualifier": "exact", "status": "actual", "text_target": None}
    return SimpleNamespace(subject=subject, value=value, unit=unit, **{**defaults, **fields})


def test_a_growth_statement_maps_to_the_growth_indicator_by_alias():
    assert map_statement(statement("地区生产总值", 6.5, status="estimate"), CATALOG) == [
        MappedValue("gdp_growth", 6.5, Status.ESTIMATE)
    ]


def test_a_level_in_another_unit_is_not_the_growth_indicator():
    result = map_statement(statement("一般公共预算收入", 100, "亿元", measure="level"), CATALOG)
    assert isinstance(result, Unmapped)
    assert "not as level in 亿元" in result.reason


def test_an_unknown_subject_is_unmapped_with_its_name():
    result = map_statement(statement("榨菜产业链综合产值", 150, "亿元", measure="level"), CATALOG)
    assert result == Unmapped("no indicator is called '榨菜产业链综合产值'")


def test_ranks_never_map():
    assert isinstance(
        map_statement(statement("规上工业产值", 3, None, measure="rank"), CATALOG), Unmapped
    )


def test_a_decline_maps_to_a_reduction_rate_as_a_positive_number():
    assert map_statement(statement("PM2.5浓度", -18.8), CATALOG) == [
        MappedValue("pm25_reduction", 18.8, Status.ACTUAL)
    ]


def test_a_named_flow_maps_from_a_change_but_a_plain_change_does_not():
    jobs = statement("新增城镇就业", 2.3, "万人", measure="change")
    assert map_statement(jobs, CATALOG) == [MappedValue("new_urban_jobs", 2.3, Status.ACTUAL)]
    more_days = statement("空气质量优良天数", 16, "天", measure="change")
    assert isinstance(map_statement(more_days, CATALOG), Unmapped)


@pytest.mark.parametrize(
    ("qualifier", "form", "text"),
    [
        ("at_least", TargetForm.AT_LEAST, "6%以上"),
        ("approx", TargetForm.APPROX, "6%左右"),
        ("exact", TargetForm.POINT, "6%"),
        ("at_most", TargetForm.AT_MOST, "控制在6%以内"),
    ],
)
def test_target_qualifiers_become_target_forms(qualifier, form, text):
    result = map_statement(
        statement("地区生产总值", 6, status="target", qualifier=qualifier), CATALOG
    )
    assert result == [MappedTarget("gdp_growth", form, 6, text)]


def test_qualitative_targets_become_their_forms():
    positive = statement("进出口总额", 0, status="target", text_target="正增长")
    assert map_statement(positive, CATALOG)[0].form is TargetForm.POSITIVE
    in_step = statement(
        "全体居民人均可支配收入", None, status="target", text_target="与经济增长保持同步"
    )
    assert map_statement(in_step, CATALOG) == [
        MappedTarget(
            "income_growth", TargetForm.IN_STEP_WITH, None, "与经济增长保持同步", "gdp_growth"
        )
    ]


def test_a_group_target_maps_to_every_indicator_of_the_group():
    group = statement(
        "节能减排和环境保护指标",
        None,
        None,
        measure="level",
        status="target",
        text_target="以市上下达为准",
    )
    result = map_statement(group, CATALOG)
    assert [t.indicator for t in result] == [
        "energy_intensity_reduction",
        "carbon_intensity_reduction",
        "good_air_days",
        "pm25_reduction",
    ]
    assert {t.form for t in result} == {TargetForm.ASSIGNED}
