"""The department's reporting workbook: pre-filled rows to complete, and its cell-by-cell reader.

One sheet 报送 with a Chinese header row and one row per value owed: code,
name, unit, period, the target as the plan writes it and the previous value
are filled in; 本期数值, 实际/预计 (a drop-down list) and 说明 are left for
the department. A hidden sheet 信息 names the region. Like the projects
workbook (:mod:`planwatch.projects_io.excel`), reading never stops at the
first bad cell: every problem is collected with sheet, row, column and
reason, so that the caller can report them with its own in one :class:`DatasetError`.
Rows whose value, status and note are all empty are skipped. This module
knows nothing of the database; the service checks each row against it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from planwatch.core.errors import DatasetError, DatasetProblem
from planwatch.core.observations import Status
from planwatch.core.spreadsheet import check_archive, safe_cell

SHEET, INFO_SHEET = "报送", "信息"
# A department's workbook for one period holds a few dozen rows; anything far
# larger is a wrong file (or a decompression bomb), refused before it is read.
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = {
    "code": "指标代码",
    "name": "指标名称",
    "unit": "单位",
    "period": "报告期",
    "target": "计划目标",
    "previous": "上期值",
    "value": "本期数值",
    "status": "实际/预计",
    "note": "说明",
}
REQUIRED = ("code", "period", "value", "status", "note")
STATUS_WORDS = {"实际": Status.ACTUAL, "预计": Status.ESTIMATE}
LETTERS = {field: get_column_letter(i) for i, field in enumerate(COLUMNS, start=1)}


@dataclass(frozen=True)
class Owed:
    """A pre-filled row: what is owed and what helps to fill it in."""

    code: str
    name: str
    unit: str
    period: str
    target: str
    previous: str


@dataclass(frozen=True)
class Filled:
    """A row the department filled in, with its row number for error messages."""

    row: int
    code: str
    period: str
    value: float
    status: Status
    note: str


def write(rows: Iterable[Owed], *, region: str) -> bytes:
    """The workbook of ``rows`` for ``region``, as .xlsx bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(list(COLUMNS.values()))
    sheet.freeze_panes = "A2"
    for r in rows:
        cells = [r.code, r.name, r.unit, r.period, r.target, r.previous, None, None, None]
        sheet.append([safe_cell(c) for c in cells])
    for field, header in COLUMNS.items():
        width = 28 if field in ("name", "note") else max(10, len(header) * 2 + 2)
        sheet.column_dimensions[LETTERS[field]].width = width
    status = DataValidation(
        type="list",
        formula1='"实际,预计"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="请从列表中选择",
        error="实际/预计只能填「实际」或「预计」",
    )
    status.add(f"{LETTERS['status']}2:{LETTERS['status']}{max(sheet.max_row, 2)}")
    sheet.add_data_validation(status)
    info = book.create_sheet(INFO_SHEET)
    info.append(["地区", region])
    info.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Content:
    """What a workbook holds: its region (if named), the readable rows, the unreadable cells."""

    region: str | None
    rows: list[Filled]
    problems: list[DatasetProblem]


def read(stream: IO[bytes], *, name: str) -> Content:
    """Every filled row and every cell that cannot be read, for the caller to check further.

    A file that is not a workbook, is over ``MAX_BYTES`` or ``MAX_ROWS``, would
    decompress to far more (:func:`~planwatch.core.spreadsheet.check_archive`),
    or lacks the sheet or a column, raises :class:`DatasetError`.
    """
    stream.seek(0, io.SEEK_END)
    if stream.tell() > MAX_BYTES:
        limit = f"{MAX_BYTES // 1024 // 1024} MB"
        raise DatasetError([DatasetProblem(name, 0, f"文件超过 {limit},不是一个部门的报送工作簿")])
    stream.seek(0)
    check_archive(stream, name=name)
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise DatasetError([DatasetProblem(name, 0, "不是 Excel 工作簿(.xlsx)")]) from None
    try:
        if SHEET not in book.sheetnames:
            raise DatasetError([DatasetProblem(name, 0, f"工作簿中没有「{SHEET}」工作表")])
        region = None
        if INFO_SHEET in book.sheetnames:
            first = next(book[INFO_SHEET].iter_rows(values_only=True), ())
            region = str(first[1]).strip() if len(first) > 1 and first[1] else None
        problems: list[DatasetProblem] = []
        filled = _rows(book[SHEET].iter_rows(values_only=True), problems)
    finally:
        book.close()
    if any(p.line == 1 for p in problems):
        raise DatasetError(problems)
    return Content(region, filled, problems)


def problem(row: int, field: str, reason: str) -> DatasetProblem:
    """One bad cell, located the way every workbook error is: sheet, row, column, reason."""
    return DatasetProblem(SHEET, row, f"{LETTERS[field]}列「{COLUMNS[field]}」{reason}")


def _rows(values: Iterable[tuple[object, ...]], problems: list[DatasetProblem]) -> list[Filled]:
    cells = iter(values)
    header = [str(h).strip() if h is not None else "" for h in next(cells, ())]
    missing = [COLUMNS[f] for f in REQUIRED if COLUMNS[f] not in header]
    if missing:
        problems.append(DatasetProblem(SHEET, 1, f"表头缺少列:{'、'.join(missing)}"))
        return []
    where = {f: header.index(h) for f, h in COLUMNS.items() if h in header}
    filled = []
    for number, row in enumerate(cells, start=2):
        if number > MAX_ROWS:
            problems.append(
                DatasetProblem(SHEET, number, f"超过 {MAX_ROWS} 行,不是一个部门的报送工作簿")
            )
            break
        cell = {f: _text(row[i]) if i < len(row) else "" for f, i in where.items()}
        raw = {f: row[i] if i < len(row) else None for f, i in where.items()}
        if not (cell["value"] or cell["status"] or cell["note"]):
            continue  # left empty: nothing to report on this row
        found = _row(number, cell, raw["value"], problems)
        if found is not None:
            filled.append(found)
    return filled


def _row(
    number: int, cell: dict[str, str], raw_value: object, problems: list[DatasetProblem]
) -> Filled | None:
    bad = len(problems)
    if not cell["code"]:
        problems.append(problem(number, "code", "为空"))
    if not cell["period"]:
        problems.append(problem(number, "period", "为空"))
    value = _number(raw_value)
    if value is None:
        reason = "为空" if not cell["value"] else f"「{cell['value']}」不是数值"
        problems.append(problem(number, "value", reason))
    status = STATUS_WORDS.get(cell["status"] or "实际")
    if status is None:
        problems.append(problem(number, "status", f"「{cell['status']}」应为「实际」或「预计」"))
    if len(problems) > bad or value is None or status is None:
        return None
    return Filled(number, cell["code"], cell["period"], value, status, cell["note"])


def _text(value: object) -> str:
    if isinstance(value, datetime):  # Excel turns a typed 2025-06 into a date
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).strip().replace(",", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None
