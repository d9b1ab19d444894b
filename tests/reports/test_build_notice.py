"""The lag notice is one report model: every format renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from planwatch.reports.build_notice import build_notice
from planwatch.reports.model import Table
from planwatch.reports.render import Format, render


@dataclass(frozen=True)
class Category:
    label_zh: str = "新开工"


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    annual_plan: Decimal
    category: Category = Category()
    source: str = "synthetic"


@dataclass(frozen=True)
class Status:
    project: Project
    completed: Decimal
    completion: Decimal | None
    time_progress: Decimal
    overdue: tuple[str, ...] = ()

    @property
    def gap(self) -> Decimal | None:
        return None if self.completion is None else self.time_progress - self.completion


@dataclass(frozen=True)
class Group:
    department: str
    statuses: list[Status]


@dataclass(frozen=True)
class Notice:
    title: str = "2025年10月项目进度滞后督导通报"
    summary: str = "截至2025年10月底,……"
    departments: list[Group] = field(default_factory=list)


def notice() -> Notice:
    late = Status(
        Project("P001", "太和风电", Decimal(12000)), Decimal(4800), Decimal(40), Decimal("83.3")
    )
    return Notice(departments=[Group("区发展改革委", [late])])


def test_each_department_has_a_numbered_section_with_its_lagging_projects():
    report = build_notice(notice(), "涪陵区")
    assert report.title == "涪陵区2025年10月项目进度滞后督导通报"
    section = report.sections[1]
    assert section.title == "1. 区发展改革委(1个)"
    table = section.blocks[0]
    assert isinstance(table, Table)
    assert ["".join(r.text for r in c) for c in table.rows[0]] == [
        "P001", "太和风电", "新开工", "12000", "4800", "40.0%", "83.3%", "43.3", "—",
    ]  # fmt: skip


def test_a_month_without_lagging_projects_says_so():
    report = build_notice(Notice())
    assert report.sections[1].blocks[0].text == "本月无滞后项目。"


@pytest.mark.parametrize("fmt", [Format.MD, Format.HTML, Format.DOCX])
def test_the_notice_renders_in_every_format(fmt):
    assert render(build_notice(notice()), fmt)
