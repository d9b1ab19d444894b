import pytest

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period
from planwatch.core.problems import LinkKind, State
from planwatch.core.risk import Tier
from planwatch.services.evaluation import evaluate
from planwatch.services.nowcast import nowcast_year, raise_early_warnings
from planwatch.web.errors import Forbidden
from planwatch.web.projects.models import ProblemRecord

pytestmark = pytest.mark.django_db
OCTOBER = Period.parse("2025-10")


def test_every_indicator_of_the_2025_demo_is_assessed_as_of_october(demo):
    result = nowcast_year("fuling", 2025, OCTOBER)
    assert len(result.assessments) == 31
    assessed = [a for a in result.assessments if a.tier is not Tier.NOT_ASSESSED]
    assert len(assessed) == 22  # 31 less 5 targets 以市上下达 not yet assigned, less 4 yearly
    with_value = [a for a in result.assessments if a.latest is not None]
    assert len(with_value) == 27  # grain, R&D intensity, firms with R&D, high-tech firms: yearly


def test_the_default_as_of_is_the_one_every_evaluation_takes(demo):
    """September: the latest month in which most indicators reported (quarterly ones by Q3)."""
    assert nowcast_year("fuling", 2025).as_of == evaluate("fuling", 2025).as_of.period
    assert nowcast_year("fuling", 2025).as_of == Period(2025, month=9)


def test_at_risk_indicators_come_first_and_the_binding_ones_are_warnings(demo):
    result = nowcast_year("fuling", 2025, OCTOBER)
    tiers = [a.tier.order for a in result.ranked()]
    assert tiers == sorted(tiers)
    assert [a.indicator.code for a in result.warnings] == ["water_quality_share"]


def test_the_pace_needed_is_computed_towards_the_targets_number(demo):
    by_code = {a.indicator.code: a for a in nowcast_year("fuling", 2025, OCTOBER).assessments}
    investment = by_code["industrial_investment_growth"]  # 1—10月 7.6 %, target 10 %
    assert investment.pace == pytest.approx(22.0)
    # November–December are forecast to grow as the whole of 2024 did (16 %, seed L53)
    assert investment.nowcast == pytest.approx(10 / 12 * 7.6 + 2 / 12 * 16)
    assert investment.low < 10 < investment.high
    assert investment.tier is Tier.PUSH
    jobs = by_code["new_urban_jobs"]
    assert (jobs.pace, jobs.pace_kind) == (pytest.approx(0.34), "amount")


def test_an_unknown_region_is_not_found_and_a_month_of_another_year_is_refused(demo):
    with pytest.raises(NotFound):
        nowcast_year("nowhere", 2025)
    with pytest.raises(InvalidValue):
        nowcast_year("fuling", 2025, Period.parse("2024-10"))


def test_an_early_warning_becomes_a_problem_exactly_once_per_month(demo, office):
    first = raise_early_warnings(actor=office, region="fuling", year=2025, as_of=OCTOBER)
    again = raise_early_warnings(actor=office, region="fuling", year=2025, as_of=OCTOBER)
    assert [p.code for p in first] == ["YJ-2025-10-water_quality_share"]
    assert again == []
    record = ProblemRecord.objects.get()
    assert (record.department.name, record.state, record.link_kind, record.link) == (
        "区生态环境局",
        State.FOUND.value,
        LinkKind.INDICATOR.value,
        "water_quality_share",
    )
    assert "难以完成" in record.description


def test_the_next_month_raises_the_warning_again_if_it_still_holds(demo, office):
    raise_early_warnings(actor=office, region="fuling", year=2025, as_of=Period(2025, month=9))
    raise_early_warnings(actor=office, region="fuling", year=2025, as_of=OCTOBER)
    assert ProblemRecord.objects.count() == 2


def test_only_the_plan_office_raises_warnings(demo, clerk):
    with pytest.raises(Forbidden):
        raise_early_warnings(actor=clerk, region="fuling", year=2025, as_of=OCTOBER)
    assert not ProblemRecord.objects.exists()
