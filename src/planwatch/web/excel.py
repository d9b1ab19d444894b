"""Every table of the site as an Excel workbook (openpyxl), from the rows the page shows."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

Cell = str | int | float | None
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One sheet: a title line, a bold header row, the rows; columns sized to their text."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit on sheet names
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A3"
    for index, header in enumerate(headers, start=1):
        longest = max([len(str(header)), *(len(str(r[index - 1] or "")) for r in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, 4 + longest * 1.6)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def response(filename: str, title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]):
    answer = HttpResponse(workbook(title, headers, rows), content_type=XLSX)
    answer["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}.xlsx"
    return answer
