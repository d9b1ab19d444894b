from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    assert table_sizes() == (2, 31, 62, result.observations)  # Fuling and its city, 重庆市
    assert Region.objects.get(code="fuling").parent == Region.objects.get(code="chongqing")


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
    original = services.publish_values

    def fail_after_the_values(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "publish_values", fail_after_the_values)
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
    with pytest.raises(NotFound, match="known: chongqing, fuling"):
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


def test_loading_a_region_takes_a_number_of_queries_that_does_not_grow_with_its_values(
    tmp_path: Path,
) -> None:
    Region.objects.create(code="chongqing", name="重庆市")  # the city both regions belong to
    with CaptureQueriesContext(connection) as first:
        services.load_dataset(DEMO_DATASET)
    bigger = tmp_path / "fuling"
    shutil.copytree(DEMO_DATASET, bigger)
    rows = (DEMO_DATASET / "observations.csv").read_text(encoding="utf-8").splitlines()
    monthly = [f"gdp_growth,2023-{m:02d},{m}.5,actual,,synthetic,\n" for m in range(1, 13)]
    (bigger / "observations.csv").write_text("\n".join(rows) + "\n" + "".join(monthly), "utf-8")
    region = (bigger / "region.toml").read_text(encoding="utf-8")
    (bigger / "region.toml").write_text(region.replace('code = "fuling"', 'code = "more"'), "utf-8")
    with CaptureQueriesContext(connection) as more:
        services.load_dataset(bigger)  # a second region, 12 values more than the first
    assert (
        ObservationRecord.objects.filter(indicator__region__code="more").count()
        == len(rows) - 1 + 12
    )
    assert len(more.captured_queries) == len(first.captured_queries) < 60


def test_a_value_loaded_again_with_another_figure_keeps_the_old_one_in_the_history(
    tmp_path: Path,
) -> None:
    services.load_dataset(DEMO_DATASET)
    changed = tmp_path / "fuling"
    shutil.copytree(DEMO_DATASET, changed)
    text = (DEMO_DATASET / "observations.csv").read_text(encoding="utf-8")
    line = "gdp_growth,2024,6.5,estimate,,seed:L33,"
    assert line in text
    (changed / "observations.csv").write_text(text.replace(line, line.replace("6.5", "6.7")))
    services.load_dataset(changed)
    key = {"indicator__code": "gdp_growth", "period": "2024", "status": "estimate"}
    assert ObservationRecord.objects.get(**key).value == 6.7
    steps = ObservationRecord.history.filter(**key).order_by("history_id")
    assert [(h.history_type, h.value, h.history_change_reason) for h in steps] == [
        ("+", 6.5, "dataset:fuling 发布"),
        ("-", 6.5, "由dataset:fuling取代"),
        ("+", 6.7, "dataset:fuling 发布"),
    ]
    services.load_dataset(changed)  # the same again changes nothing
    assert ObservationRecord.history.filter(**key).count() == 3
