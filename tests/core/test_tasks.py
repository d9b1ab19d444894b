from datetime import date
from pathlib import Path

import pytest

import planwatch
from planwatch.core.errors import InvalidValue
from planwatch.core.evaluation import Verdict
from planwatch.core.indicators import Direction, Kind
from planwatch.core.observations import Period, Status
from planwatch.core.targets import Target, TargetForm
from planwatch.core.task_dataset import read_task_tree
from planwatch.core.tasks import (
    MilestoneState,
    SubTarget,
    TaskProgress,
    judge_milestone,
    judge_quantity,
)

DATA = Path(planwatch.__file__).parent / "data" / "fuling"
Q2, Q4 = Period(2025, quarter=2), Period(2025, quarter=4)


def quantity(
    form: TargetForm = TargetForm.POINT, value: float = 74, unit: str = "万亩"
) -> SubTarget:
    target = Target("1-4-1", 2025, form, "种植青菜头74万亩", value=value, source="seed:L129")
    return SubTarget(
        "1-4-1",
        "1-4",
        "青菜头种植面积",
        target.text,
        "seed:L129",
        "区农业农村委",
        target=target,
        unit=unit,
    )


def milestone() -> SubTarget:
    return SubTarget(
        "7-2-9",
        "7-2",
        "开工建设重庆工贸职业学院新校区",
        "开工建设重庆工贸职业学院新校区",
        "seed:L185",
        "区教委",
        due=date(2025, 12, 31),
    )


def report(period: Period, value: float | None = None, done_on: date | None = None) -> TaskProgress:
    return TaskProgress("7-2-9" if done_on else "1-4-1", period, value=value, done_on=done_on)


def test_the_seed_tree_has_8_areas_and_31_tasks_with_line_references() -> None:
    tree = read_task_tree(DATA / "tasks-2025.toml")
    assert len(tree.areas) == 8
    assert [len(tree.tasks_of(a)) for a in tree.areas] == [4, 4, 4, 5, 4, 3, 4, 3]
    assert all(t.source.startswith("seed:L") for t in tree.tasks)
    assert all(s.source.startswith("seed:L") for s in tree.sub_targets)


def test_area_three_keeps_a_note_on_its_missing_heading() -> None:
    tree = read_task_tree(DATA / "tasks-2025.toml")
    area = tree.areas[2]
    assert (area.ordinal, area.title, area.source) == ("(三)", "", "")
    assert "heading missing" in area.note


def test_the_seed_tree_holds_cabbage_industrial_output_and_the_college_campus() -> None:
    tree = read_task_tree(DATA / "tasks-2025.toml")
    by_text = {s.text: s for s in tree.sub_targets}
    cabbage = next(s for s in tree.sub_targets if s.subject.startswith("青菜头种植"))
    assert cabbage.target is not None and cabbage.target.value == 74 and cabbage.unit == "万亩"
    output = [s for s in tree.sub_targets if s.subject == "规上工业产值"]
    assert [(s.target.form, s.target.value) for s in output if s.target] == [
        (TargetForm.AT_LEAST, 3000),
        (TargetForm.AT_LEAST, 10),
    ]
    assert by_text["开工建设重庆工贸职业学院新校区"].is_milestone


def test_a_quantity_is_judged_by_the_engine_as_an_estimate_before_the_fourth_quarter() -> None:
    evaluation = judge_quantity(quantity(), [report(Q2, value=74.5)], Q2)
    assert evaluation.verdict is Verdict.MET
    assert evaluation.observation is not None
    assert evaluation.observation.status is Status.ESTIMATE


def test_the_fourth_quarter_report_is_the_actual() -> None:
    evaluation = judge_quantity(quantity(), [report(Q2, 80), report(Q4, 70)], Q4)
    assert evaluation.verdict is Verdict.BELOW and not evaluation.is_estimate


def test_a_quantity_without_a_report_has_no_data() -> None:
    assert judge_quantity(quantity(), [], Q2).verdict is Verdict.NO_DATA


def test_an_at_most_sub_target_is_lower_is_better() -> None:
    sub = quantity(TargetForm.AT_MOST, 19, "%")
    indicator = sub.indicator()
    assert (indicator.direction, indicator.kind) == (Direction.LOWER, Kind.SHARE)
    assert judge_quantity(sub, [report(Q2, 18.5)], Q2).verdict is Verdict.MET


def test_a_milestone_is_on_time_until_its_due_date_then_overdue() -> None:
    assert judge_milestone(milestone(), [], date(2025, 12, 31)) is MilestoneState.ON_TIME
    assert judge_milestone(milestone(), [], date(2026, 1, 1)) is MilestoneState.OVERDUE


def test_a_milestone_is_done_from_the_day_reported() -> None:
    reports = [report(Q2, done_on=date(2025, 6, 18))]
    assert judge_milestone(milestone(), reports, date(2025, 6, 17)) is MilestoneState.ON_TIME
    assert judge_milestone(milestone(), reports, date(2026, 3, 1)) is MilestoneState.DONE


def test_a_sub_target_is_a_quantity_or_a_milestone_not_both() -> None:
    with pytest.raises(InvalidValue):
        SubTarget("x", "1-1", "s", "t", "seed:L1", "d")


def test_task_progress_is_quarterly() -> None:
    with pytest.raises(InvalidValue):
        TaskProgress("1-4-1", Period(2025, month=6), value=1)
