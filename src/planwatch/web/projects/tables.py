"""The project pages' Excel sheets and the progress chart."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from planwatch.core.problems import Problem, State
from planwatch.services.tasks import SubTargetVerdict
from planwatch.web.excel import Cell, Sheet
from planwatch.web.plan import charts
from planwatch.web.plan.templatetags.planwatch import verdict_label
from planwatch.web.projects.detail_pages import TaskPage
from planwatch.web.projects.listing import ProjectList
from planwatch.web.projects.pages import AreaNode, ProjectPage


def _num(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def project_sheet(title: str, page: ProjectList) -> Sheet:
    headers = [
        _("Code"), _("Project"), _("Category"), _("Level"), _("Department"), _("Town"),
        _("Total investment (10k yuan)"), _("Annual plan (10k yuan)"),
        _("Completed (10k yuan)"), _("Completion %"), _("Time progress %"), _("Lagging"),
    ]  # fmt: skip
    rows: list[list[Cell]] = [
        [
            s.project.code,
            s.project.name,
            s.project.category.label_zh,
            s.project.level.label_zh,
            s.project.department,
            s.project.town,
            _num(s.project.total),
            _num(s.project.annual_plan),
            _num(s.completed),
            _num(s.completion),
            _num(s.time_progress),
            _("yes") if s.lagging else "",
        ]
        for s in page.rows  # every row the filter keeps, not the page shown
    ]
    t = page.totals
    rows.append(
        [
            _("Total"),
            f"{t.count}",
            None,
            None,
            None,
            None,
            _num(t.total),
            _num(t.annual_plan),
            _num(t.completed),
            _num(t.completion),
            None,
            f"{t.lagging}",
        ]
    )
    return Sheet(f"{title} {page.period}", headers, rows)


def task_sheet(title: str, areas: list[AreaNode]) -> Sheet:
    headers = [_("Area"), _("Task"), _("Sub-target"), _("Lead"), _("Verdict")]
    rows: list[list[Cell]] = []
    for area in areas:
        for node in area.tasks:
            for v in node.sub_targets:
                verdict = _verdict_text(v)
                rows.append(
                    [
                        f"{area.area.ordinal}{area.area.title}",
                        f"{node.task.ordinal}{node.task.title}",
                        v.sub_target.text,
                        v.sub_target.lead,
                        verdict,
                    ]
                )
    return Sheet(title, headers, rows)


def problem_sheet(title: str, columns: list[tuple[State, list[Problem]]], today: date) -> Sheet:
    headers = [
        _("Code"), _("State"), _("Problem"), _("Department"), _("Deadline"), _("Overdue"),
        _("Source"), _("Severity"),
    ]  # fmt: skip
    rows: list[list[Cell]] = [
        [
            p.code,
            state.label_zh,
            p.description,
            p.department,
            p.deadline.isoformat(),
            _("yes") if p.is_overdue(today) else "",
            p.source.label_zh,
            p.severity.label_zh,
        ]
        for state, problems in columns
        for p in problems
    ]
    return Sheet(title, headers, rows)


def report_sheet(title: str, page: ProjectPage) -> Sheet:
    headers = [_("Period"), _("Completed (10k yuan)"), _("Progress"), _("Evidence"), _("Source")]
    rows: list[list[Cell]] = [
        [
            str(r.period),
            _num(r.completed),
            r.narrative,
            "、".join(e.filename for e in r.evidence),
            r.source,
        ]
        for r in page.reports
    ]
    return Sheet(title, headers, rows)


def sub_target_sheet(title: str, page: TaskPage) -> Sheet:
    headers = [
        _("Sub-target"), _("Lead"), _("Unit"), "Q1", "Q2", "Q3", "Q4", _("Verdict"),
    ]  # fmt: skip
    rows: list[list[Cell]] = [
        [
            row.verdict.sub_target.text,
            row.verdict.sub_target.lead,
            row.verdict.sub_target.unit,
            *[None if q is None else str(q) if isinstance(q, date) else q for q in row.quarters],
            _verdict_text(row.verdict),
        ]
        for row in page.rows
    ]
    return Sheet(title, headers, rows)


def event_sheet(title: str, problem: Problem) -> Sheet:
    headers = [_("Step"), _("From"), _("To"), _("By"), _("Time"), _("Note"), _("Evidence")]
    rows: list[list[Cell]] = [
        [
            e.action.label_zh,
            e.before.label_zh,
            e.after.label_zh,
            e.actor,
            localtime(e.at).strftime("%Y-%m-%d %H:%M"),
            e.note,
            "、".join(e.evidence),
        ]
        for e in problem.history
    ]
    return Sheet(title, headers, rows)


def _verdict_text(v: SubTargetVerdict) -> str:
    if v.evaluation:
        return verdict_label(v.evaluation.verdict)
    return v.milestone.label_zh if v.milestone else ""


def progress_chart(page: ProjectPage) -> dict[str, Any] | None:
    """Cumulative completed investment by month against time progress of the annual plan."""
    if not page.reports:
        return None
    plan = float(page.status.project.annual_plan)
    months = [str(r.period) for r in page.reports]
    completed = [float(r.completed) for r in page.reports]
    return charts.within_year(list(zip(months, completed, strict=True)), plan or None, True)
