"""The generated 2024 report passes `planwatch check` with zero findings, and stored
text whose figures disagree with the stored values does not load."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from planwatch.core.errors import DatasetError
from planwatch.core.task_dataset import read_task_tree
from planwatch.extract import extract_statements
from tests.conftest import DEMO_DATASET


@pytest.mark.django_db
def test_the_generated_2024_report_passes_check_with_zero_findings(demo):
    from planwatch.reports.documents import annual_report
    from planwatch.reports.render import Format
    from planwatch.web.plan.draft_check import check_statements
    from planwatch.web.projects.demo import load_year

    for year in (2024, 2025):
        load_year(DEMO_DATASET, year)
    text = annual_report("fuling", 2024, Format.MD).decode("utf-8")
    statements = extract_statements(text)
    assert len(statements) > 300
    assert check_statements("fuling", statements) == []


@pytest.mark.django_db
def test_the_2024_report_written_without_the_offices_draft_passes_check_too(demo):
    from planwatch.reports.build_annual import build_annual
    from planwatch.reports.gather import annual_inputs
    from planwatch.reports.render import Format, render
    from planwatch.web.plan.draft_check import check_statements
    from planwatch.web.projects.demo import load_year

    for year in (2024, 2025):
        load_year(DEMO_DATASET, year)
    inputs = annual_inputs("fuling", 2024)
    assert inputs.drafts is not None
    drafts = replace(inputs.drafts, intro="", overview=(), items={}, facts={})
    text = render(build_annual(replace(inputs, drafts=drafts)), Format.MD).decode("utf-8")
    assert "促销主题活动110余场" in text and "——经济运行。" in text
    assert check_statements("fuling", extract_statements(text)) == []


def test_a_sub_target_text_that_no_longer_states_its_value_does_not_load(tmp_path: Path):
    path = tmp_path / "tasks-2025.toml"
    original = (DEMO_DATASET / "tasks-2025.toml").read_text(encoding="utf-8")
    changed = original.replace(
        'text = "力争规上工业产值突破3000亿元"', 'text = "力争规上工业产值突破3600亿元"'
    )
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        read_task_tree(path)
    [problem] = caught.value.problems
    line = changed.splitlines().index('text = "力争规上工业产值突破3600亿元"') + 1
    assert (problem.file, problem.line) == ("tasks-2025.toml", line)
    assert "3600亿元" in problem.reason and "3000亿元" in problem.reason


def test_a_number_typed_into_the_offices_draft_text_does_not_load(tmp_path: Path):
    from planwatch.core.dataset import read_dataset

    dataset = tmp_path / "fuling"
    shutil.copytree(DEMO_DATASET, dataset)
    draft = dataset / "report-2024.toml"
    text = draft.read_text(encoding="utf-8")
    draft.write_text(text.replace("个体户{1-1-1}", "个体户2.5万家(次)"), encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        read_dataset(dataset)
    [problem] = caught.value.problems
    assert problem.file == "report-2024.toml" and problem.line > 0
    assert "2.5万家(次) is written into the text" in problem.reason
    assert '"1-1" = ' in draft.read_text(encoding="utf-8").splitlines()[problem.line - 1]
