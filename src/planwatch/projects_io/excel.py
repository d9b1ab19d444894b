"""The clerks' Excel workbook: a template to fill, and its all-or-nothing reader.

A workbook has a sheet 项目 (the register) and a sheet 月度进度 (monthly
progress), each with a Chinese header row; either may be absent on import.
Category, level, 政府投资 and department columns carry drop-down lists drawn
from a hidden sheet 选项. Reading goes through the core's row reader, so the
rules are the same as for the demo CSV files; a rejected workbook raises one
:class:`DatasetError` whose problems name sheet, row, column and reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.core.errors import DatasetError, DatasetProblem
from planwatch.core.progress import ProgressReport
from planwatch.core.project_rows import (
    OPTIONAL_FIELDS,
    PROGRESS_FIELDS,
    PROJECT_FIELDS,
    Row,
    RowProblem,
    read_progress,
    read_projects,
)
from planwatch.core.projects import MILESTONE_NAMES, Category, Level, Project
from planwatch.core.spreadsheet import check_archive, safe_cell

PROJECTS_SHEET, PROGRESS_SHEET, OPTIONS_SHEET = "项目", "月度进度", "选项"
# The workbook itself is the source of what it holds: no column for it.
SHEET_FIELDS = {
    PROJECTS_SHEET: {f: h for f, h in PROJECT_FIELDS.items() if f != "source"},
    PROGRESS_SHEET: {f: h for f, h in PROGRESS_FIELDS.items() if f != "source"},
}
TEMPLATE_ROWS = 2000  # rows the drop-down lists cover in a blank template


@dataclass(frozen=True)
class WorkbookContent:
    """The records of a workbook; ``progress_rows`` numbers each report's row on its sheet."""

    projects: list[Project]
    progress: list[ProgressReport]
    progress_rows: list[int] = dataclasses.field(default_factory=list)


def write_workbook(
    path: Path,
    *,
    departments: Sequence[str],
    projects: Iterable[Project] = (),
    progress: Iterable[ProgressReport] = (),
) -> None:
    """Write a template (or an export, when records are given) to ``path``."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = PROJECTS_SHEET
    _header(sheet, SHEET_FIELDS[PROJECTS_SHEET])
    for p in projects:
        sheet.append([safe_cell(_project_cell(p, f)) for f in SHEET_FIELDS[PROJECTS_SHEET]])
    _options(book, sheet, departments)
    sheet = book.create_sheet(PROGRESS_SHEET)
    _header(sheet, SHEET_FIELDS[PROGRESS_SHEET])
    for r in progress:
        sheet.append([safe_cell(_report_cell(r, f)) for f in SHEET_FIELDS[PROGRESS_SHEET]])
    book.save(path)


def read_workbook(
    path: Path, *, departments: Iterable[str], existing: Iterable[Project] = ()
) -> WorkbookContent:
    """Every project and report of the workbook, or :class:`DatasetError` listing every bad cell.

    Progress rows may name projects of the workbook or of ``existing``. Each
    record's source is ``excel:<file name>``. A file that is no workbook, or
    would decompress to far more than a register
    (:func:`~planwatch.core.spreadsheet.check_archive`), is refused unread.
    """
    check_archive(path, name=path.name)
    book = load_workbook(path, read_only=True, data_only=True)
    source = f"excel:{path.name}"
    if not set(SHEET_FIELDS) & set(book.sheetnames):
        book.close()
        reason = f"工作簿中没有「{PROJECTS_SHEET}」或「{PROGRESS_SHEET}」工作表"
        raise DatasetError([DatasetProblem(path.name, 0, reason)])
    problems: list[DatasetProblem] = []
    projects: list[Project] = []
    progress: list[ProgressReport] = []
    numbers: list[int] = []
    if PROJECTS_SHEET in book.sheetnames:
        rows = _rows(book[PROJECTS_SHEET], source, problems)
        projects, bad = read_projects(rows, departments=departments)
        problems += located(PROJECTS_SHEET, bad)
    if PROGRESS_SHEET in book.sheetnames and not problems:
        known = {p.code: p for p in existing} | {p.code: p for p in projects}
        rows = _numbered(_rows(book[PROGRESS_SHEET], source, problems), numbers)
        progress, bad = read_progress(rows, projects=known.values())
        problems += located(PROGRESS_SHEET, bad)
    book.close()
    if problems:
        raise DatasetError(problems)
    return WorkbookContent(projects, progress, numbers)


def _header(sheet: Worksheet, fields: dict[str, str]) -> None:
    sheet.append(list(fields.values()))
    sheet.freeze_panes = "A2"
    for index, header in enumerate(fields.values(), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(header) * 2 + 2)


def _options(book: Workbook, sheet: Worksheet, departments: Sequence[str]) -> None:
    """Drop-down lists for the coded columns, their choices on a hidden sheet."""
    options = book.create_sheet(OPTIONS_SHEET)
    options.sheet_state = "hidden"
    lists = {
        "category": [c.label_zh for c in Category],
        "level": [level.label_zh for level in Level],
        "government": ["是", "否"],
        "department": list(departments),
    }
    columns = list(PROJECT_FIELDS)
    for option_col, (field, choices) in enumerate(lists.items(), start=1):
        letter = get_column_letter(option_col)
        for row, choice in enumerate(choices, start=1):
            options.cell(row=row, column=option_col, value=choice)
        rule = DataValidation(
            type="list",
            formula1=f"{OPTIONS_SHEET}!${letter}$1:${letter}${len(choices)}",
            showErrorMessage=True,
            errorTitle="请从列表中选择",
            error=f"{PROJECT_FIELDS[field]}只能取列表中的值",
        )
        target = get_column_letter(columns.index(field) + 1)
        rule.add(f"{target}2:{target}{TEMPLATE_ROWS}")
        sheet.add_data_validation(rule)


def _rows(
    sheet: Worksheet, source: str, problems: list[DatasetProblem]
) -> Iterator[tuple[int, Row]]:
    """Numbered rows as field → cell mappings, with ``source``; blank rows are skipped."""
    fields = SHEET_FIELDS[sheet.title]
    values = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(values, ())]
    by_header = {zh: field for field, zh in fields.items()}
    missing = [zh for f, zh in fields.items() if zh not in header and f not in OPTIONAL_FIELDS]
    if missing:
        problems.append(DatasetProblem(sheet.title, 1, f"表头缺少列:{'、'.join(missing)}"))
        return
    positions = [(i, by_header[h]) for i, h in enumerate(header) if h in by_header]
    for number, cells in enumerate(values, start=2):
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        row = {field: cells[i] if i < len(cells) else None for i, field in positions}
        row["source"] = source
        yield number, row


def _numbered(rows: Iterator[tuple[int, Row]], numbers: list[int]) -> Iterator[tuple[int, Row]]:
    """``rows``, noting each row's number in ``numbers`` as it passes."""
    for number, row in rows:
        numbers.append(number)
        yield number, row


def located(sheet: str, bad: list[RowProblem]) -> list[DatasetProblem]:
    """Problems of ``sheet``'s rows as the workbook names them: row, column letter, header."""
    fields = SHEET_FIELDS[sheet]
    columns = {field: get_column_letter(i) for i, field in enumerate(fields, start=1)}
    return [
        DatasetProblem(
            sheet,
            p.row,
            f"{columns.get(p.field, '?')}列「{fields.get(p.field, p.field)}」{p.reason}",
        )
        for p in bad
    ]


def _project_cell(p: Project, field: str) -> object:
    if field in MILESTONE_NAMES:
        milestone = p.milestone(field)
        return None if milestone is None else milestone.planned
    if field in ("category", "level"):
        return getattr(p, field).label_zh
    if field == "government":
        return "是" if p.government else "否"
    return getattr(p, field)  # Decimal money stays an exact number cell


def _report_cell(r: ProgressReport, field: str) -> object:
    if field in MILESTONE_NAMES:
        return r.reached.get(field)
    if field == "month":
        return str(r.period)
    if field == "evidence":
        return ";".join(f"{e.filename}|{e.content_type}|{e.size}" for e in r.evidence)
    return getattr(r, field)
