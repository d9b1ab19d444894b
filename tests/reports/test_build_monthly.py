"""The monthly brief writes the year's outlook from the nowcast, 难以完成 first."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from planwatch.core.nowcast import Assessment, assess_plan
from planwatch.core.observations import Period
from planwatch.core.plan import PlanYear
from planwatch.core.risk import Tier
from planwatch.core.wording import number
from planwatch.reports.build_monthly import build_monthly
from planwatch.reports.inputs import LaggingProject, MonthlyInputs
from planwatch.reports.model import Chart, Paragraph, Table
from planwatch.reports.render import Format, render
from tests.reports.builders import fuling


def outlook(month: int = 10) -> list[Assessment]:
    d = fuling()
    plan = PlanYear(d.region.code, 2025, d.indicators, d.targets, d.observations)
    last_year = [o for o in d.observations if o.period.year == 2024]
    assessed = assess_plan(plan, last_year, Period(2025, month=month))
    return sorted(assessed, key=lambda a: a.tier.order)


def monthly_inputs(month: int = 10, **changes: object) -> MonthlyInputs:
    fields: dict[str, object] = {
        "region": fuling().region.name,
        "year": 2025,
        "month": month,
        "outlook": outlook(month),
    }
    fields.update(changes)
    return MonthlyInputs(**fields)  # type: ignore[arg-type]


def texts(report) -> list[str]:
    return [b.text for b in report.sections[0].blocks if isinstance(b, Paragraph)]


def test_the_brief_counts_the_tiers_and_names_the_binding_warning_first():
    report = build_monthly(monthly_inputs())
    assert report.title == "涪陵区2025年1—10月经济运行分析"
    opening = texts(report)[0]
    assert opening.startswith("截至10月,22项指标可作全年研判:难以完成3项,需加力6项,可完成13项")
    assert "约束性指标国市考核断面水质优良比例预计难以完成,列为预警" in opening


def test_the_indicators_hard_to_complete_come_first_with_the_pace_still_needed():
    lines = texts(build_monthly(monthly_inputs()))
    assert lines[1] == "(一)预计难以完成的指标"
    hard = lines[2 : lines.index("(二)需加力的指标")]
    assert len(hard) == 3 and all(line.endswith("预计全年难以完成。") for line in hard)
    assert (
        "1—10月工业投资增长7.6%,低于全年目标2.4个百分点,"
        "后两个月需增长22%方能完成全年目标,完成全年目标仍需加力。"
    ) in lines


def test_the_table_shows_the_nowcasts_figures_in_its_order():
    inputs = monthly_inputs()
    table = next(b for b in build_monthly(inputs).sections[0].blocks if isinstance(b, Table))
    assert table.header[4] == "后两个月需"
    first = {a.indicator.name: a for a in inputs.outlook}
    assert [row[0][0].text for row in table.rows] == [a.indicator.name for a in inputs.outlook]
    investment = next(r for r in table.rows if r[0][0].text == "工业投资增速")
    a = first["工业投资增速"]
    assert ["".join(run.text for run in cell) for cell in investment[3:]] == [
        "7.6",
        "22%",
        f"{number(a.nowcast, 1)}({number(a.low, 1)}~{number(a.high, 1)})",
        "需加力",
    ]


def test_a_month_without_assessable_values_says_no_data():
    idle = [a for a in outlook() if a.tier is Tier.NOT_ASSESSED]
    report = build_monthly(monthly_inputs(outlook=idle))
    assert texts(report)[0] == "截至10月,主要指标:暂无数据。"
    assert "截至2025年10月各指标累计值" in report.missing


def test_lagging_projects_follow_as_in_the_quarterly_brief():
    lagging = [LaggingProject("太和风电", "区发展改革委", 40.0, 83.3, "synthetic")]
    report = build_monthly(monthly_inputs(lagging=lagging))
    assert report.sections[1].blocks[0].text.startswith("截至2025年10月底,1个项目进度滞后")
    assert "问题清单(逾期问题)" in report.missing


@pytest.mark.parametrize("fmt", list(Format))
def test_the_brief_renders_in_every_format(fmt):
    report = build_monthly(monthly_inputs())
    assert sum(isinstance(b, Chart) for b in report.sections[0].blocks) == 1
    content = render(report, fmt)
    assert content
    if fmt is Format.DOCX:
        assert len(docx.Document(BytesIO(content)).inline_shapes) == 1
