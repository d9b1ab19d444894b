"""Read a key-task tree (``tasks-<year>.toml``) and its quarterly progress (CSV).

The TOML nests ``[[areas]]`` → ``[[areas.tasks]]`` → ``[[areas.tasks.targets]]``;
a target with ``form`` and ``value`` is a quantity, one with ``due`` is a
milestone. Reading is all-or-nothing: every problem is collected and raised
together as one :class:`DatasetError`.
"""

from __future__ import annotations

import csv
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from planwatch.core.errors import DatasetError, DatasetProblem, InvalidValue, PlanwatchError
from planwatch.core.numbers import find_quantities
from planwatch.core.observations import Period
from planwatch.core.targets import Target, TargetForm
from planwatch.core.tasks import Area, SubTarget, Task, TaskProgress, TaskTree
from planwatch.core.wording import number


def sub_target_codes(path: Path) -> set[str]:
    """The codes of every sub-target of the tree in ``path`` (unchecked)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {raw["code"] for a in data["areas"] for t in a["tasks"] for raw in t.get("targets", [])}


def read_task_tree(path: Path) -> TaskTree:
    """Read ``path``; raise :class:`DatasetError` naming every bad target by its code.

    A quantified sub-target's text must state its stored value in its unit:
    text changed to "突破3600亿元" while the value stays 3000 is an error with
    the text's line, never a report printing 3600.
    """
    raw_text = path.read_text(encoding="utf-8")
    data = tomllib.loads(raw_text)
    lines = raw_text.splitlines()
    year = int(data["year"])
    areas: list[Area] = []
    tasks: list[Task] = []
    subs: list[SubTarget] = []
    problems: list[DatasetProblem] = []
    for a in data["areas"]:
        areas.append(Area(a["ordinal"], a["title"], a["source"], a.get("note", "")))
        for t in a["tasks"]:
            task = Task(
                code=t["code"],
                area=a["ordinal"],
                ordinal=t["ordinal"],
                title=t["title"],
                source=t["source"],
                lead=t["lead"],
                cooperating=tuple(t["cooperating"]),
            )
            tasks.append(task)
            for raw in t.get("targets", []):
                line = _line_of_text(lines, raw)
                try:
                    subs.append(_sub_target(raw, task, year))
                    _check_stated(raw)
                except (PlanwatchError, KeyError, ValueError) as exc:
                    reason = exc.message if isinstance(exc, PlanwatchError) else repr(exc)
                    problems.append(DatasetProblem(path.name, line, f"{raw.get('code')}: {reason}"))
    if problems:
        raise DatasetError(problems)
    return TaskTree(year, data["source"], tuple(areas), tuple(tasks), tuple(subs))


def _check_stated(raw: dict[str, Any]) -> None:
    """A quantified sub-target's text states its value in its unit (6.5 is 6.5%, 2 is 2万人)."""
    if "value" not in raw or not raw.get("unit"):
        return
    stated = [(q.value, q.unit) for q in find_quantities(raw["text"])]
    value = float(raw["value"])
    if (value, raw["unit"]) not in stated and (value, None) not in stated:  # 8大 (场景)
        written = "、".join(f"{number(v)}{u or ''}" for v, u in stated) or "no figure"
        raise InvalidValue(
            f"text {raw['text']!r} states {written}, not its value "
            f"{number(float(raw['value']))}{raw['unit']}"
        )


def _line_of_text(lines: list[str], raw: dict[str, Any]) -> int:
    """The line of the sub-target's ``text =`` (after its ``code =``), 0 if not found."""
    code_line = f'code = "{raw.get("code")}"'
    start = next((k for k, line in enumerate(lines) if line.strip() == code_line), None)
    if start is None:
        return 0
    return next(
        (k + 1 for k in range(start, len(lines)) if lines[k].startswith("text =")), start + 1
    )


def _sub_target(raw: dict[str, Any], task: Task, year: int) -> SubTarget:
    code = raw["code"]
    target = None
    if "form" in raw:
        target = Target(
            indicator=code,
            year=year,
            form=TargetForm(raw["form"]),
            text=raw["text"],
            value=float(raw["value"]),
            source=raw["source"],
        )
    due = raw.get("due")
    if due is not None and not isinstance(due, date):
        raise InvalidValue(f"due {due!r} is not a date")
    return SubTarget(
        code=code,
        task=task.code,
        subject=raw["subject"],
        text=raw["text"],
        source=raw["source"],
        lead=raw.get("lead", task.lead),
        cooperating=tuple(raw.get("cooperating", task.cooperating)),
        target=target,
        unit=raw.get("unit", ""),
        measure=raw.get("measure", "level"),
        due=due,
    )


def read_task_progress(path: Path, tree: TaskTree) -> list[TaskProgress]:
    """Read quarterly progress: ``sub_target,period,value,done_on,note,source`` (period 2025-Q2)."""
    codes = {s.code for s in tree.sub_targets}
    reports: list[TaskProgress] = []
    problems: list[DatasetProblem] = []
    with path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                if row["sub_target"] not in codes:
                    raise InvalidValue(f"unknown sub-target {row['sub_target']}")
                reports.append(
                    TaskProgress(
                        sub_target=row["sub_target"],
                        period=Period.parse(row["period"]),
                        value=float(row["value"]) if row["value"] else None,
                        done_on=date.fromisoformat(row["done_on"]) if row["done_on"] else None,
                        note=row["note"],
                        source=row["source"],
                    )
                )
            except (PlanwatchError, ValueError) as exc:
                reason = exc.message if isinstance(exc, PlanwatchError) else str(exc)
                problems.append(DatasetProblem(path.name, line, reason))
    if problems:
        raise DatasetError(problems)
    return reports
