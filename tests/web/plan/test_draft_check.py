"""Checking a draft against the database, fed with the seed's gold statements."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from planwatch.web.plan.draft_check import check_statements
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.plan.services import load_dataset
from tests.conftest import DEMO_DATASET
from tests.web.plan.documents import ingest

pytestmark = pytest.mark.django_db


def altered(statements, changes):
    return [SimpleNamespace(**{**vars(s), **changes.get(s.id, {})}) for s in statements]


def test_check_lists_exactly_the_altered_figures(gold):
    ingest(gold)
    altered = {"s0008": 6.8, "s0100": 1.0, "s0300": 99.0}
    draft = [SimpleNamespace(**{**vars(s), "value": altered.get(s.id, s.value)}) for s in gold]
    mismatches = check_statements("fuling", draft)
    by_line = {s.id: s.line for s in gold}
    assert sorted(m.line for m in mismatches) == sorted(by_line[i] for i in altered)
    assert {m.problem for m in mismatches} == {"wrong_figure"}


def test_check_reports_a_changed_qualifier(gold):
    ingest(gold)
    draft = [
        SimpleNamespace(**{**vars(s), "qualifier": "at_least"}) for s in gold if s.id == "s0008"
    ]
    [mismatch] = check_statements("fuling", draft)
    assert (mismatch.problem, mismatch.found, mismatch.expected) == (
        "wrong_qualifier",
        "at_least",
        "approx",
    )


def test_check_reports_an_estimate_the_statistics_have_replaced(gold):
    ingest(gold)
    gdp = ObservationRecord.objects.get(indicator__code="gdp_growth", period="2024")
    ObservationRecord.objects.create(
        indicator=gdp.indicator,
        period="2024",
        year=2024,
        value=6.6,
        status="actual",
        source="stats:2025",
        origin="stats",
    )
    draft = [s for s in gold if s.id == "s0008"]
    [mismatch] = check_statements("fuling", draft)
    assert (mismatch.problem, mismatch.expected) == ("stale_estimate", "6.6 (actual)")


def test_without_documents_a_draft_is_checked_against_the_stored_values(gold):
    load_dataset(DEMO_DATASET)  # values as departments and the dataset gave them; no document
    draft = altered(gold, {"s0008": {"value": 6.8}, "s0221": {"value": 44.5}})
    mismatches = check_statements("fuling", draft)
    assert [(m.line, m.problem, m.found, m.expected) for m in mismatches] == [
        (33, "wrong_figure", "6.8%", "6.5% (seed:L33)"),
        (95, "wrong_figure", "44.5万吨", "45.5万吨 (seed:L95)"),
    ]


def test_the_published_text_agrees_with_the_demo_database(gold):
    load_dataset(DEMO_DATASET)
    assert check_statements("fuling", gold) == []


def test_a_target_is_checked_for_its_number_and_its_qualifier(gold):
    load_dataset(DEMO_DATASET)
    gdp = next(s.id for s in gold if s.quote == "地区生产总值增长6%以上")
    industry = next(s.id for s in gold if s.quote == "规上工业增加值增长9%左右")
    draft = altered(gold, {gdp: {"value": 6.5}, industry: {"qualifier": "exact"}})
    mismatches = check_statements("fuling", draft)
    assert [(m.line, m.problem, m.expected) for m in mismatches] == [
        (111, "wrong_figure", "6%以上 (seed:L111)"),
        (111, "wrong_qualifier", "9%左右"),
    ]


def test_a_value_rounded_as_reports_write_it_is_not_a_mismatch(gold):
    load_dataset(DEMO_DATASET)
    ObservationRecord.objects.filter(indicator__code="gdp_growth", period="2024").update(value=6.52)
    assert check_statements("fuling", [s for s in gold if s.id == "s0008"]) == []
