"""Government investment projects: the register a plan arranges for its year.

Money is ``Decimal`` in 万元 throughout (a clerk's unit); reports show 亿元.
A project is checked by :func:`project_problems`, which returns every
problem it finds as a (field, reason) pair instead of raising, so an import
can report all bad rows at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from planwatch.core.errors import InvalidValue

E = TypeVar("E", bound=StrEnum)

WAN_PER_YI = Decimal(10000)  # 1 亿元 = 10,000 万元


class Category(StrEnum):
    NEW = "new"  # 新开工
    CONTINUING = "continuing"  # 续建
    COMPLETING = "completing"  # 完工
    PRELIMINARY = "preliminary"  # 前期

    @property
    def label_zh(self) -> str:
        return _CATEGORY_ZH[self]

    @classmethod
    def from_label(cls, text: str) -> Category:
        """Read a category from its code or its Chinese label (新开工, 续建, 完工, 前期)."""
        return _from_label(_CATEGORY_ZH, text, "项目类别")


class Level(StrEnum):
    CITY = "city"  # 市级重点
    DISTRICT_KEY = "district_key"  # 区级重点
    GENERAL = "general"  # 一般

    @property
    def label_zh(self) -> str:
        return _LEVEL_ZH[self]

    @classmethod
    def from_label(cls, text: str) -> Level:
        """Read a level from its code or its Chinese label (市级, 区级重点, 一般)."""
        return _from_label(_LEVEL_ZH, text, "项目级别")


_CATEGORY_ZH = {
    Category.NEW: "新开工",
    Category.CONTINUING: "续建",
    Category.COMPLETING: "完工",
    Category.PRELIMINARY: "前期",
}
_LEVEL_ZH = {Level.CITY: "市级", Level.DISTRICT_KEY: "区级重点", Level.GENERAL: "一般"}

MILESTONE_NAMES = ("开工", "主体完工", "竣工")  # in the order a project reaches them


@dataclass(frozen=True)
class Milestone:
    """A planned step of a project (开工, 主体完工, 竣工) and its planned date."""

    name: str
    planned: date


@dataclass(frozen=True)
class Project:
    """One project of the register.

    ``government`` tells a 政府投资项目 from an enterprise project that is only
    on the key-project list; ``total`` and ``annual_plan`` are in 万元;
    ``start`` and ``end`` are the planned construction period.
    """

    code: str
    name: str
    year: int
    category: Category
    level: Level
    department: str
    unit: str
    leader: str
    town: str
    total: Decimal
    annual_plan: Decimal
    start: date
    end: date
    government: bool = True
    milestones: tuple[Milestone, ...] = field(default=())
    source: str = ""

    def milestone(self, name: str) -> Milestone | None:
        return next((m for m in self.milestones if m.name == name), None)


def project_problems(project: Project, *, departments: Iterable[str]) -> list[tuple[str, str]]:
    """Every reason ``project`` cannot enter the register, as (field, reason) pairs.

    Checked: a code and a name are present, the department is known,
    investments are not negative, the annual plan does not exceed the total,
    the start is not after the end, milestones are known, unique, within the
    construction period and in their natural order.
    """
    problems: list[tuple[str, str]] = []
    if not project.code.strip():
        problems.append(("code", "项目编码为空"))
    if not project.name.strip():
        problems.append(("name", "项目名称为空"))
    if project.department not in set(departments):
        problems.append(("department", f"未知部门「{project.department}」"))
    for name, amount in (("total", project.total), ("annual_plan", project.annual_plan)):
        if amount < 0:
            problems.append((name, f"投资额为负数 ({amount})"))
    if project.annual_plan > project.total:
        problems.append(
            ("annual_plan", f"年度计划投资 {project.annual_plan} 超过总投资 {project.total}")
        )
    if project.start > project.end:
        problems.append(("end", f"计划完工 {project.end} 早于计划开工 {project.start}"))
    problems.extend(_milestone_problems(project))
    return problems


def _milestone_problems(project: Project) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    unique: dict[str, Milestone] = {}
    for m in project.milestones:
        if m.name not in MILESTONE_NAMES:
            problems.append((m.name, f"未知节点「{m.name}」"))
        elif m.name in unique:
            problems.append((m.name, f"节点「{m.name}」重复"))
        else:
            unique[m.name] = m
            if not project.start <= m.planned <= project.end:
                problems.append((m.name, f"节点「{m.name}」{m.planned} 不在建设期内"))
    latest: Milestone | None = None
    for step in (unique[name] for name in MILESTONE_NAMES if name in unique):
        if latest is not None and step.planned < latest.planned:
            problems.append((step.name, f"节点「{step.name}」早于「{latest.name}」"))
        else:
            latest = step
    return problems


def duplicate_codes(projects: Iterable[Project]) -> set[str]:
    """The codes that more than one project of ``projects`` uses."""
    seen: set[str] = set()
    duplicates: set[str] = set()
    for p in projects:
        (duplicates if p.code in seen else seen).add(p.code)
    return duplicates


def to_yi(wan: Decimal) -> Decimal:
    """万元 → 亿元, exact."""
    return wan / WAN_PER_YI


def _from_label(labels: dict[E, str], text: str, what: str) -> E:
    text = text.strip()
    for member, label in labels.items():
        if text in (member.value, label):
            return member
    choices = "、".join(labels.values())
    raise InvalidValue(f"「{text}」不是{what}({choices})")
