"""Write the synthetic 2025 problem list of the Fuling demo (deterministic).

    PYTHONPATH=src python scripts/make_synthetic_problems.py src/planwatch/data/fuling

Problems are invented (the report only says 问题清单 are kept running to
closure); scheduling problems name the projects the core finds lagging at the
end of June. Every step goes through the core state machine, so the history
written is one the rules allow. Snapshot date: 2025-10-31.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from planwatch.core.observations import Period
from planwatch.core.problems import Action, Event, LinkKind, Problem, Severity, Source, apply
from planwatch.core.progress import assess_all
from planwatch.core.project_dataset import read_project_data

CHONGQING = timezone(timedelta(hours=8))
OFFICE, CHECKER = "区发展改革委·王明", "区发展改革委·赵敏"
# how far each problem has gone: the actions taken, in order
PATHS = [
    [Action.ASSIGN, Action.START, Action.SUBMIT, Action.CLOSE],
    [Action.ASSIGN, Action.START, Action.SUBMIT, Action.CLOSE],
    [Action.ASSIGN, Action.START, Action.SUBMIT, Action.SEND_BACK, Action.SUBMIT, Action.CLOSE],
    [Action.ASSIGN, Action.START, Action.SUBMIT],
    [Action.ASSIGN, Action.START, Action.SUBMIT, Action.SEND_BACK],
    [Action.ASSIGN, Action.START],
    [Action.ASSIGN],
    [],
]
OTHERS = [  # (source, link kind, link, description, department)
    (Source.AUDIT, LinkKind.PROJECT, "2025-ZF-010", "工程款拨付滞后于合同约定", "区财政局"),
    (Source.AUDIT, LinkKind.PROJECT, "2025-ZF-120", "设计变更未按程序报批", "区住房城乡建委"),
    (Source.INSPECTION, LinkKind.TASK, "3-2", "区级重点项目投资完成率低于序时进度", "区发展改革委"),
    (Source.INSPECTION, LinkKind.TASK, "5-1", "老旧小区二次供水改造开工不足", "区住房城乡建委"),
    (Source.INSPECTION, LinkKind.TASK, "7-2", "重庆工贸职业学院新校区用地报批慢", "区教委"),
    (Source.TOUR, LinkKind.INDICATOR, "retail_growth", "社零增速低于预期", "区商务委"),
    (Source.TOUR, LinkKind.INDICATOR, "fai_growth", "投资增速回落,项目储备不足", "区发展改革委"),
    (Source.PUBLIC, LinkKind.PROJECT, "2025-ZF-031", "夜间施工噪声扰民", "区住房城乡建委"),
    (Source.PUBLIC, LinkKind.PROJECT, "2025-ZF-077", "施工扬尘影响周边居民", "区生态环境局"),
]  # fmt: skip


def main(directory: Path) -> None:
    rng = random.Random(2025)
    data = read_project_data(directory, 2025)
    june = assess_all(data.projects, data.progress, Period(2025, month=6))
    lagging = [s for s in june if s.behind_by_rate][:12]
    seeds = [
        (Source.SCHEDULING, LinkKind.PROJECT, s.project.code,
         f"6月末完成率{s.completion:.1f}%,落后序时进度{s.gap:.1f}个百分点", s.project.department)
        for s in lagging
    ] + OTHERS  # fmt: skip
    problems: list[Problem] = []
    events: list[tuple[str, Event]] = []
    for number, (source, kind, link, description, department) in enumerate(seeds, start=1):
        found = datetime.combine(
            date(2025, 7, 1) + timedelta(days=rng.randint(0, 40)), time(9, tzinfo=CHONGQING)
        )
        problem = Problem(
            code=f"WT-2025-{number:03d}",
            source=source,
            link_kind=kind,
            link=link,
            description=description,
            department=department,
            deadline=found.date() + timedelta(days=rng.choice((60, 90, 120))),
            severity=rng.choice(list(Severity)),
            found_at=found,
        )
        problems.append(problem)
        rectifier = f"{department}·联络员"
        at = found
        for action in PATHS[number % len(PATHS)]:
            at += timedelta(days=rng.randint(2, 12), hours=rng.randint(0, 6))
            actor = rectifier if action in (Action.START, Action.SUBMIT) else CHECKER
            actor = OFFICE if action is Action.ASSIGN else actor
            note = "佐证不充分,请补充整改前后对比照片" if action is Action.SEND_BACK else ""
            evidence = (f"{problem.code}-整改报告.pdf",) if action is Action.SUBMIT else ()
            problem = apply(problem, action, actor=actor, at=at, note=note, evidence=evidence)
            events.append((problem.code, problem.history[-1]))
    write(directory / "problems-2025.csv", [row(p) for p in problems])
    write(directory / "problem-events-2025.csv", [event_row(c, e) for c, e in events])


def row(p: Problem) -> dict[str, object]:
    return {
        "code": p.code,
        "source": p.source.value,
        "link_kind": p.link_kind.value,
        "link": p.link,
        "description": p.description,
        "department": p.department,
        "deadline": p.deadline,
        "severity": p.severity.value,
        "found_at": p.found_at.isoformat(),
    }


def event_row(code: str, e: Event) -> dict[str, object]:
    return {
        "problem": code,
        "action": e.action.value,
        "actor": e.actor,
        "at": e.at.isoformat(),
        "note": e.note,
        "evidence": "|".join(e.evidence),
    }


def write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
