"""Plain inputs of the reports: what a builder needs, gathered from the database or a test.

Builders take these and nothing else, so a report can be built from the
seed's figures in a test as well as from the database (see
:mod:`planwatch.reports.gather`). Every optional part may be ``None``: the
report then says 暂无数据 and lists the part as missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.indicators import Indicator
from planwatch.core.nowcast import Assessment
from planwatch.core.report_text import Figure, ReportText
from planwatch.core.sentences import ProjectArrangement
from planwatch.core.targets import Target


@dataclass(frozen=True)
class Quoted:
    """A text as the plan or a department wrote it, with its source."""

    text: str
    source: str = ""


@dataclass(frozen=True)
class TaskItem:
    """A task of an area ("一是深入推进新型工业化"), its sub-targets and reported results.

    ``code`` identifies the task in the task tree (to attach results);
    ``figures`` are the results by sub-target code, for the draft text. Each
    result is a sequence of parts with their own sources: the target as the
    plan set it, then the outcome as the department or the statistics reported it.
    """

    ordinal: str
    title: str
    source: str = ""
    sub_targets: tuple[Quoted, ...] = ()
    results: tuple[tuple[Quoted, ...], ...] = ()
    code: str = ""
    figures: tuple[tuple[str, Figure], ...] = ()


@dataclass(frozen=True)
class TaskArea:
    """An area of the key tasks ("(一)…") with its tasks."""

    ordinal: str
    title: str
    source: str = ""
    tasks: tuple[TaskItem, ...] = ()


@dataclass(frozen=True)
class KeyProject:
    """A project of the key-project list (专栏5): money in 万元."""

    name: str
    category: str
    department: str
    total: float
    annual_plan: float
    source: str = ""


@dataclass(frozen=True)
class AnnualInputs:
    """Everything the annual report states.

    ``evaluations`` judge ``year`` in plan order; ``next_targets`` are the
    targets of ``year + 1``; ``continues`` says the next year's indicator
    system is this year's carried over. ``overview`` lists the clauses of
    the overview sentence, each a list of indicator codes (several growth
    rates in one clause are said with 分别; empty: one clause per headline
    indicator), ``themes`` the "——" paragraphs written without the office's draft
    (a title and its clauses), and ``qualifiers`` the word the office writes with
    a figure (左右, 突破).
    ``review`` holds this year's key tasks with their results, ``plan_tasks``
    next year's key tasks, ``requirements`` the office's draft of next year's
    总体要求, ``drafts`` its draft text of section 一 (``report-<year>.toml``),
    ``opening`` the settings the opening is written from without a draft
    (``[annual.opening]``: salutation, government, session, advisers) and
    ``key_projects`` next year's 区级重点项目 for 专栏5.
    """

    region: str
    year: int
    indicators: Sequence[Indicator]
    evaluations: Sequence[Evaluation]
    next_targets: Sequence[Target]
    summary_examples: Mapping[Verdict, str] = field(default_factory=dict)
    continues: bool = True
    overview: Sequence[Sequence[str]] = ()
    themes: Sequence[tuple[str, Sequence[Sequence[str]]]] = ()
    qualifiers: Mapping[str, str] = field(default_factory=dict)
    review: Sequence[TaskArea] | None = None
    plan_tasks: Sequence[TaskArea] | None = None
    projects: ProjectArrangement | None = None
    requirements: Quoted | None = None
    drafts: ReportText | None = None
    opening: Mapping[str, str] = field(default_factory=dict)
    key_projects: Sequence[KeyProject] | None = None

    @property
    def next_year(self) -> int:
        return self.year + 1


@dataclass(frozen=True)
class LaggingProject:
    """A project behind time progress: completed and expected investment in percent."""

    name: str
    department: str
    progress: float
    expected: float
    source: str = ""


@dataclass(frozen=True)
class OverdueProblem:
    """A problem past its rectification deadline."""

    title: str
    department: str
    deadline: str
    days_overdue: int
    source: str = ""


@dataclass(frozen=True)
class QuarterlyInputs:
    """Everything the quarterly brief states for ``year`` up to the end of ``quarter``.

    ``evaluations`` are the in-year evaluations as of the quarter's end
    (:func:`planwatch.core.plan.evaluate_plan` with ``as_of``): rates judged on
    their year-to-date value, cumulative quantities carrying their time
    progress. ``lagging`` and ``overdue`` are ``None`` when the project
    register or problem list is not available. ``outlook`` is the year's
    in-year monitoring as of the quarter's end, 难以完成 first.
    """

    region: str
    year: int
    quarter: int
    evaluations: Sequence[Evaluation]
    lagging: Sequence[LaggingProject] | None = None
    overdue: Sequence[OverdueProblem] | None = None
    outlook: Sequence[Assessment] = ()


@dataclass(frozen=True)
class MonthlyInputs:
    """Everything the monthly brief states for ``year`` up to the end of ``month``.

    ``outlook`` is the year's in-year monitoring as of ``month``
    (:func:`planwatch.services.nowcast.nowcast_year`), 难以完成 first;
    ``lagging`` and ``overdue`` are ``None`` when the project register or
    problem list is not available.
    """

    region: str
    year: int
    month: int
    outlook: Sequence[Assessment]
    lagging: Sequence[LaggingProject] | None = None
    overdue: Sequence[OverdueProblem] | None = None
