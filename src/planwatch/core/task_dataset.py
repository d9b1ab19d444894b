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
from planwatch.core.observations import Period
from planwatch.core.targets import Target, TargetForm
from planwatch.core.tasks import Area, SubTarget, Task, TaskProgress, TaskTree


def read_task_tree(path: Path) -> TaskTree:
    """Read ``path``; raise :class:`DatasetError` naming every bad target by its code."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
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
                try:
                    subs.append(_sub_target(raw, task, year))
                except (PlanwatchError, KeyError, ValueError) as exc:
                    reason = exc.message if isinstance(exc, PlanwatchError) else repr(exc)
                    problems.append(DatasetProblem(path.name, 0, f"{raw.get('code')}: {reason}"))
    if problems:
        raise DatasetError(problems)
    return TaskTree(year, data["source"], tuple(areas), tuple(tasks), tuple(subs))


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
