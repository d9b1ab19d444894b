"""Section 三 of the annual report: next year's key tasks as sentences, and 专栏5.

One paragraph per task: its ordinal and title, then its sub-targets as the
plan words them, each said once. The task tree keeps one sub-target per
figure, so a 分别 list is stored split ("力争建成区绿化覆盖率、绿地率分别达43%",
"绿地率分别达43%、38.5%") and a figure with its growth twice ("农产品网络零售额
实现7亿元", "农产品网络零售额实现7亿元、增长15%"); overlapping texts are joined
back into the one clause the plan wrote. Gaps (an area without a heading, a
task without sub-targets) go to the author's to-do list, never into the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from planwatch.core.wording import number
from planwatch.reports.inputs import AnnualInputs, KeyProject, TaskArea, TaskItem
from planwatch.reports.model import Block, Paragraph, Run, Table, para

MIN_OVERLAP = 4  # characters two sub-target texts must share (with a figure) to be one clause
KEY_PROJECTS_CUE = "区级重点项目"


def plan_tasks(inputs: AnnualInputs, missing: list[str]) -> list[Block]:
    """The preamble, then each area's heading and its tasks; 专栏5 after the task it serves."""
    n = inputs.next_year
    areas: Sequence[TaskArea] = inputs.plan_tasks or ()
    if not areas:
        missing.append(f"{n}年主要任务(任务树)")
        return [para(f"{n}年主要任务和重点工作:暂无数据。", style="gap")]
    count = sum(len(a.tasks) for a in areas)
    preamble = inputs.drafts.plan_preamble if inputs.drafts else ""
    blocks: list[Block] = [para(f"{preamble}重点做好以下{len(areas)}个方面{count}项工作:")]
    column = _key_projects(n, inputs.key_projects)
    for area in areas:
        if area.title:
            blocks.append(
                para(Run(f"{area.ordinal}{area.title}。", area.source, strong=True), style="lead")
            )
        else:
            missing.append(f"{n}年主要任务{area.ordinal}的标题")
        for task in area.tasks:
            blocks.append(_task(task, n, missing))
            if column is not None and any(KEY_PROJECTS_CUE in s.text for s in task.sub_targets):
                blocks.append(column)
                column = None
    if column is not None:
        blocks.append(column)
    return blocks


def _task(task: TaskItem, year: int, missing: list[str]) -> Paragraph:
    head = Run(f"{task.ordinal}{task.title}。", task.source)
    clauses = joined_clauses([s.text for s in task.sub_targets])
    if not clauses:
        missing.append(f"{year}年主要任务「{task.title}」的量化目标")
        return para(head)
    sources = {s.text: s.source for s in task.sub_targets}
    runs = [head]
    for k, clause in enumerate(clauses):
        source = next((src for text, src in sources.items() if text in clause), "")
        runs += [Run("," if k else ""), Run(clause, source, task.title)]
    return para(*runs, "。")


def joined_clauses(texts: Sequence[str]) -> list[str]:
    """The sub-target texts as clauses: each said once, split 分别 lists joined again.

    A text inside another is dropped; a text that begins with the end of an
    earlier one ("…绿地率分别达43%" + "绿地率分别达43%、38.5%") continues it.
    """
    clauses: list[str] = []
    for text in texts:
        if any(text in c for c in clauses):
            continue
        clauses = [c for c in clauses if c not in text]
        for k, clause in enumerate(clauses):
            overlap = _overlap(clause, text)
            if overlap:
                clauses[k] = clause + text[overlap:]
                break
        else:
            clauses.append(text)
    return clauses


def _overlap(earlier: str, later: str) -> int:
    """The length of the longest end of ``earlier`` that ``later`` begins with (0 if short)."""
    for size in range(min(len(earlier), len(later)), MIN_OVERLAP - 1, -1):
        shared = later[:size]
        if earlier.endswith(shared) and any(ch.isdigit() for ch in shared):
            return size
    return 0


def _key_projects(year: int, projects: Sequence[KeyProject] | None) -> Table | None:
    """专栏5: the register's 区级重点项目 of ``year``."""
    if not projects:
        return None
    rows = tuple(
        (
            (Run(str(k)),),
            (Run(p.name),),
            (Run(p.category),),
            (Run(p.department),),
            (Run(number(p.total / 10000, 1), p.source, f"{p.name} 总投资"),),
            (Run(number(p.annual_plan / 10000, 1), p.source, f"{p.name} {year}年计划投资"),),
        )
        for k, p in enumerate(projects, start=1)
    )
    return Table(
        caption=f"专栏5:{year}年区级重点项目计划({len(projects)}个)",
        header=("序号", "项目名称", "建设性质", "责任单位", "总投资(亿元)", "年度计划(亿元)"),
        rows=rows,
        numeric=(4, 5),
    )
