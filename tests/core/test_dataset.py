from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planwatch.core.dataset import read_dataset
from planwatch.core.errors import DatasetError
from tests.conftest import DEMO_DATASET


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "fuling"
    shutil.copytree(DEMO_DATASET, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, row: str) -> int:
    """Append a row; return its line number."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + row + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


def problems(directory: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        read_dataset(directory)
    return [str(p) for p in caught.value.problems]


def test_the_demo_dataset_reads_cleanly():
    dataset = read_dataset(DEMO_DATASET)
    assert dataset.region.code == "fuling"
    assert dataset.years == (2024, 2025)


def test_unknown_unit_is_rejected_with_file_and_line(copy):
    edit(copy / "indicators.csv", "粮食总产量,万吨,", "粮食总产量,万斤,")
    assert problems(copy) == ["indicators.csv:16: unknown unit '万斤'"]


def test_duplicate_indicator_is_rejected(copy):
    line = append(copy / "indicators.csv", "gdp_growth,另一个,,,%,growth,higher,expected,,,,")
    assert problems(copy) == [
        f"indicators.csv:{line}: duplicate indicator 'gdp_growth' (first on line 2)"
    ]


def test_unknown_target_form_is_rejected(copy):
    edit(copy / "targets.csv", "gdp_growth,2024,at_least,", "gdp_growth,2024,at_leest,")
    [problem] = problems(copy)
    assert problem.startswith("targets.csv:2: target: 'at_leest' is not a valid TargetForm")


def test_a_number_that_does_not_parse_is_rejected(copy):
    edit(copy / "observations.csv", "gdp_growth,2024,6.5,", "gdp_growth,2024,六点五,")
    assert problems(copy) == ["observations.csv:2: observation: '六点五' is not a number"]


def test_a_target_for_an_unknown_indicator_is_rejected(copy):
    line = append(copy / "targets.csv", "no_such_thing,2025,point,5,,,,,5%,illustrative")
    assert problems(copy) == [f"targets.csv:{line}: target for unknown indicator 'no_such_thing'"]


def test_a_value_without_a_source_is_rejected(copy):
    edit(
        copy / "observations.csv",
        "gdp_growth,2024,6.5,estimate,,seed:L33,",
        "gdp_growth,2024,6.5,estimate,,,",
    )
    assert problems(copy) == [
        "observations.csv:2: source '' is not seed:L<n>, illustrative, synthetic or kind:ref"
    ]


def test_every_problem_is_reported_at_once(copy):
    edit(copy / "indicators.csv", "粮食总产量,万吨,", "粮食总产量,万斤,")
    edit(copy / "targets.csv", "gdp_growth,2024,at_least,", "gdp_growth,2024,at_leest,")
    assert len(problems(copy)) == 2


def test_a_missing_file_is_reported(copy):
    (copy / "targets.csv").unlink()
    assert problems(copy) == ["targets.csv:0: file is missing"]


def test_a_missing_column_is_reported(copy):
    edit(
        copy / "observations.csv",
        "indicator,period,value,status,",
        "indicator,period,amount,status,",
    )
    assert problems(copy) == ["observations.csv:1: missing column(s): value"]
