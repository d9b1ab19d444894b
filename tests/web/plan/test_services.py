from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planwatch.core.errors import DatasetError, NotFound
from planwatch.core.evaluation import Verdict
from planwatch.services.evaluation import evaluate
from planwatch.web.plan import services
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region, TargetRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db


def table_sizes() -> tuple[int, int, int, int]:
    return (
        Region.objects.count(),
        IndicatorRecord.objects.count(),
        TargetRecord.objects.count(),
        ObservationRecord.objects.count(),
    )


def test_loading_the_demo_dataset_stores_every_record():
    result = services.load_dataset(DEMO_DATASET)
    assert (result.indicators, result.targets) == (31, 62)
    assert table_sizes() == (1, 31, 62, result.observations)


def test_loading_the_same_dataset_twice_changes_nothing():
    services.load_dataset(DEMO_DATASET)
    before = table_sizes()
    services.load_dataset(DEMO_DATASET)
    assert table_sizes() == before


def test_a_bad_dataset_leaves_the_database_unchanged(tmp_path: Path):
    services.load_dataset(DEMO_DATASET)
    before = table_sizes()
    broken = tmp_path / "fuling"
    shutil.copytree(DEMO_DATASET, broken)
    targets = broken / "targets.csv"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("6%以上", "6%以上,,", 1), encoding="utf-8"
    )
    observations = broken / "observations.csv"
    observations.write_text(
        observations.read_text(encoding="utf-8").replace(
            "gdp_growth,2024,6.5", "gdp_growth,2024,7.5"
        ),
        encoding="utf-8",
    )
    (broken / "indicators.csv").write_text(
        (broken / "indicators.csv").read_text(encoding="utf-8").replace(",万吨,", ",万斤,"),
        encoding="utf-8",
    )
    with pytest.raises(DatasetError):
        services.load_dataset(broken)
    assert table_sizes() == before
    assert ObservationRecord.objects.get(indicator__code="gdp_growth", period="2024").value == 6.5


def test_a_failure_while_storing_rolls_everything_back(monkeypatch):
    original = services.publish_value
    calls = {"n": 0}

    def fail_midway(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "publish_value", fail_midway)
    with pytest.raises(RuntimeError):
        services.load_dataset(DEMO_DATASET)
    assert table_sizes() == (0, 0, 0, 0)


def test_evaluating_2024_from_the_database_reproduces_the_published_counts():
    services.load_dataset(DEMO_DATASET)
    result = evaluate("fuling", 2024)
    assert [result.count(v) for v in (Verdict.ABOVE, Verdict.MET, Verdict.BELOW)] == [12, 8, 8]
    assert result.count(Verdict.NO_DATA) == 2
    assert result.count(Verdict.NO_TARGET) == 1
    assert (
        "预计一般公共预算收入增速等12项指标高于预期、固定资产投资增速等8项指标达到预期"
        in result.summary
    )


def test_an_actual_supersedes_an_estimate_of_the_same_year():
    services.load_dataset(DEMO_DATASET)
    gdp = IndicatorRecord.objects.get(code="gdp_growth")
    ObservationRecord.objects.create(
        indicator=gdp,
        period="2024",
        year=2024,
        value=7.2,
        status="actual",
        source="statistics:2025-03",
        origin="test",
    )
    result = evaluate("fuling", 2024)
    first = result.evaluations[0]
    assert (first.actual, first.is_estimate, first.verdict) == (7.2, False, Verdict.MET)


def test_unknown_region_and_year_are_not_found():
    services.load_dataset(DEMO_DATASET)
    with pytest.raises(NotFound, match="known: fuling"):
        evaluate("wanzhou", 2024)
    with pytest.raises(NotFound):
        evaluate("fuling", 2019)


def test_the_catalog_is_listed_in_plan_order():
    services.load_dataset(DEMO_DATASET)
    names = [r.name for r in services.indicators("fuling")]
    assert names[:2] == ["地区生产总值增速", "规上工业增加值增速"]
    assert len(names) == 31


def test_evaluation_reads_in_a_bounded_number_of_queries(django_assert_max_num_queries):
    services.load_dataset(DEMO_DATASET)
    with django_assert_max_num_queries(6):
        evaluate("fuling", 2024)
