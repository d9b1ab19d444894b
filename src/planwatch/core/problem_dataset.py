"""Read a problem list and its history from CSV, replaying every event through the state machine.

``problems-<year>.csv``: code, source, link_kind, link, description,
department, deadline, severity, found_at. ``problem-events-<year>.csv``:
problem, action, actor, at, note, evidence (``|``-separated file names), in
the order they happened. A history the state machine refuses is a dataset
error, so a loaded problem list is always one the rules could have produced.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from planwatch.core.errors import DatasetError, DatasetProblem, PlanwatchError
from planwatch.core.problems import Action, LinkKind, Problem, Severity, Source, apply


def read_problems(problems_path: Path, events_path: Path) -> list[Problem]:
    """Every problem with its replayed history; raise :class:`DatasetError` listing every fault."""
    faults: list[DatasetProblem] = []
    problems: dict[str, Problem] = {}
    with problems_path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                problems[row["code"]] = Problem(
                    code=row["code"],
                    source=Source(row["source"]),
                    link_kind=LinkKind(row["link_kind"]),
                    link=row["link"],
                    description=row["description"],
                    department=row["department"],
                    deadline=date.fromisoformat(row["deadline"]),
                    severity=Severity(row["severity"]),
                    found_at=datetime.fromisoformat(row["found_at"]),
                )
            except ValueError as exc:
                faults.append(DatasetProblem(problems_path.name, line, str(exc)))
    with events_path.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            try:
                problem = problems[row["problem"]]
                problems[problem.code] = apply(
                    problem,
                    Action(row["action"]),
                    actor=row["actor"],
                    at=datetime.fromisoformat(row["at"]),
                    note=row["note"],
                    evidence=tuple(e for e in row["evidence"].split("|") if e),
                )
            except KeyError:
                faults.append(DatasetProblem(events_path.name, line, f"未知问题 {row['problem']}"))
            except PlanwatchError as exc:
                faults.append(DatasetProblem(events_path.name, line, exc.message))
            except ValueError as exc:
                faults.append(DatasetProblem(events_path.name, line, str(exc)))
    if faults:
        raise DatasetError(faults)
    return list(problems.values())
