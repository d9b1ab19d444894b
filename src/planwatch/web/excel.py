"""Every table of the site as an Excel workbook (openpyxl), from the rows the page shows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from planwatch.core.spreadsheet import safe_cell
from planwatch.web.downloads import attachment

Cell = str | int | float | None
_SHEET_FORBIDDEN = re.compile(r"[\\/?*\[\]:\x00-\x1f]")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Sheet:
    """A table as a page shows it: a title, column headers and plain-value rows."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def wanted(request: HttpRequest) -> bool:
    """``?format=xlsx``: the page's table as a workbook instead of the page."""
    return request.GET.get("format") == "xlsx"


def workbook(title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One sheet: a title line, a bold header row, the rows; columns sized to their text."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name(title)
    sheet.append([safe_cell(title)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([safe_cell(header) for header in headers])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    sheet.freeze_panes = "A3"
    for index, header in enumerate(headers, start=1):
        longest = max([len(str(header)), *(len(str(r[index - 1] or "")) for r in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, 4 + longest * 1.6)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_name(title: str) -> str:
    """``title`` as Excel allows a sheet name: none of ``\\ / ? * [ ] :``, at most 31 characters."""
    name = _SHEET_FORBIDDEN.sub("_", title).strip("'")[:31]
    return name or "Sheet"


def response(sheet: Sheet) -> HttpResponse:
    return attachment(workbook(sheet.title, sheet.headers, sheet.rows), XLSX, f"{sheet.title}.xlsx")
