"""Write synthetic quarterly progress (Q1–Q3 2025) for the key-task sub-targets (deterministic).

    PYTHONPATH=src python scripts/make_synthetic_task_progress.py src/planwatch/data/fuling

Quantities get the department's full-year estimate each quarter (预计, judged
by the engine against the target); about half of the milestones are done.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from planwatch.core.targets import TargetForm
from planwatch.core.task_dataset import read_task_tree

COUNTED = {"个", "家", "户", "套", "辆", "件", "项", "所", "盏"}  # whole things, no decimals
QUARTER_END = {1: date(2025, 3, 31), 2: date(2025, 6, 30), 3: date(2025, 9, 30)}


def main(directory: Path) -> None:
    rng = random.Random(2025)
    tree = read_task_tree(directory / "tasks-2025.toml")
    rows = []
    for sub in tree.sub_targets:
        if sub.target is None:
            done = (
                QUARTER_END[3] - timedelta(days=rng.randint(0, 200)) if rng.random() < 0.5 else None
            )
            for quarter, end in QUARTER_END.items():
                reached = done is not None and done <= end
                rows.append(row(sub.code, quarter, "", done if reached else "", "按计划推进"))
            continue
        value = sub.target.value or 0.0
        low, high = (0.92, 1.1) if sub.target.form is TargetForm.AT_MOST else (0.9, 1.08)
        for quarter in QUARTER_END:
            estimate = value * rng.uniform(low, high)
            estimate = round(estimate) if sub.unit in COUNTED else round(estimate, 2)
            rows.append(row(sub.code, quarter, estimate, "", "全年预计"))
    with (directory / "task-progress-2025.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def row(code: str, quarter: int, value: object, done: object, note: str) -> dict[str, object]:
    return {
        "sub_target": code,
        "period": f"2025-Q{quarter}",
        "value": value,
        "done_on": done,
        "note": note,
        "source": "synthetic",
    }


if __name__ == "__main__":
    main(Path(sys.argv[1]))
