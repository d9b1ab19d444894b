"""Tiny builders for projects, progress reports and problems: defaults a test overrides by name."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from planwatch.core.observations import Period
from planwatch.core.problems import LinkKind, Problem, Severity, Source
from planwatch.core.progress import ProgressReport
from planwatch.core.projects import Category, Level, Milestone, Project

DEPARTMENTS = ("区交通局", "区水利局", "区教委")


def make_project(code: str = "P001", **overrides: Any) -> Project:
    fields: dict[str, Any] = {
        "code": code,
        "name": "示例道路工程",
        "year": 2025,
        "category": Category.NEW,
        "level": Level.GENERAL,
        "department": "区交通局",
        "unit": "区交通建设公司",
        "leader": "张三",
        "town": "崇义街道",
        "total": Decimal(5000),
        "annual_plan": Decimal(1000),
        "start": date(2025, 3, 1),
        "end": date(2026, 6, 30),
        "milestones": (),
    }
    fields.update(overrides)
    return Project(**fields)


def make_report(
    code: str = "P001", month: int = 6, completed: str | int = 500, **overrides: Any
) -> ProgressReport:
    fields: dict[str, Any] = {
        "project": code,
        "period": Period(2025, month=month),
        "completed": Decimal(completed),
    }
    fields.update(overrides)
    return ProgressReport(**fields)


def milestone(name: str, month: int, day: int = 15) -> Milestone:
    return Milestone(name, date(2025, month, day))


def make_problem(code: str = "Q001", **overrides: Any) -> Problem:
    fields: dict[str, Any] = {
        "code": code,
        "source": Source.INSPECTION,
        "link_kind": LinkKind.PROJECT,
        "link": "P001",
        "description": "项目进度滞后于序时进度",
        "department": "区交通局",
        "deadline": date(2025, 6, 30),
        "severity": Severity.MEDIUM,
        "found_at": datetime(2025, 4, 1, 9, 0),
    }
    fields.update(overrides)
    return Problem(**fields)
