"""Ingestion, fed with the seed's gold statements (the extractor's schema)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from planwatch.core.evaluation import Verdict
from planwatch.services.evaluation import evaluate
from planwatch.web.plan import services
from planwatch.web.plan.ingest import review_list
from planwatch.web.plan.models import DocumentStatement, ObservationRecord, TargetRecord
from tests.web.plan.documents import ingest

pytestmark = pytest.mark.django_db


def statement(**fields) -> SimpleNamespace:
    defaults = {
        "line": 5,
        "qualifier": "exact",
        "period": "2024",
        "status": "actual",
        "cumulative": False,
    }
    return SimpleNamespace(**{**defaults, "section": "一", "text_target": None, **fields})


def test_ingesting_into_an_empty_database_creates_the_region_with_the_catalog(gold):
    result = ingest(gold)
    assert result.new
    assert result.statements == len(gold)
    assert services.indicators("fuling")[0].name == "地区生产总值增速"


def test_the_seeds_values_cite_their_line(gold):
    ingest(gold)
    gdp = ObservationRecord.objects.get(indicator__code="gdp_growth", period="2024")
    assert (gdp.value, gdp.status, gdp.source, gdp.line) == (6.5, "estimate", "seed:L33", 33)
    assert "地区生产总值增长6.5%左右" in gdp.quote
    pm25 = ObservationRecord.objects.get(indicator__code="pm25_reduction", period="2024")
    assert pm25.value == 18.8  # "下降18.8%" is a reduction rate of 18.8


def test_evaluating_after_ingest_shows_actuals_with_line_numbers(gold):
    ingest(gold)
    result = evaluate("fuling", 2024)
    grain = next(e for e in result.evaluations if e.indicator.code == "grain_output")
    assert (grain.actual, grain.observation.source) == (45.5, "seed:L95")
    assert grain.verdict is Verdict.NO_TARGET  # the seed does not publish 2024 targets


def test_the_seeds_2025_targets_are_stored_in_their_forms(gold):
    ingest(gold)
    targets = {t.indicator.code: t for t in TargetRecord.objects.filter(year=2025)}
    assert (targets["gdp_growth"].form, targets["gdp_growth"].value) == ("at_least", 6)
    assert targets["trade_growth"].form == "positive"
    assert (targets["income_growth"].form, targets["income_growth"].reference.code) == (
        "in_step_with",
        "gdp_growth",
    )
    assert targets["unemployment_rate"].text == "控制在5.5%以内"
    assert targets["energy_intensity_reduction"].form == "assigned"


def test_statements_that_fit_no_indicator_wait_for_review_with_a_reason(gold):
    result = ingest(gold)
    pending = review_list("fuling")
    assert result.review == len(pending) > 0
    first = pending[0]
    assert (first.line, first.subject) == (31, "涉涪川渝共建重大项目")
    assert "no indicator is called" in first.reason


def test_a_change_is_not_taken_for_the_level():
    change = statement(
        quote="较2023年增加16天", subject="空气质量优良天数", measure="change", value=16, unit="天"
    )
    ingest([change])
    assert not ObservationRecord.objects.filter(indicator__code="good_air_days").exists()


def test_ingesting_the_same_document_again_changes_nothing(gold):
    ingest(gold)
    sizes = (
        DocumentStatement.objects.count(),
        ObservationRecord.objects.count(),
        TargetRecord.objects.count(),
    )
    again = ingest(gold)
    assert not again.new
    assert (
        DocumentStatement.objects.count(),
        ObservationRecord.objects.count(),
        TargetRecord.objects.count(),
    ) == sizes


def test_a_newer_document_supersedes_the_estimate_and_keeps_it(gold):
    ingest(gold)
    actual = statement(
        quote="全年地区生产总值增长6.6%",
        subject="地区生产总值",
        measure="growth",
        value=6.6,
        unit="%",
    )
    ingest([actual], sha="b" * 64, label="statistical-communique-2024")
    gdp = next(e for e in evaluate("fuling", 2024).evaluations if e.indicator.code == "gdp_growth")
    assert (gdp.actual, gdp.is_estimate, gdp.observation.source) == (
        6.6,
        False,
        "statistical-communique-2024:L5",
    )
    assert (
        ObservationRecord.objects.filter(indicator__code="gdp_growth", period="2024").count() == 2
    )
