"""The office's wording choices for a region's reports, kept as data beside its dataset.

``report.toml`` in the region's dataset directory says which figures the
annual overview states, in which clauses, and the word the office writes
with a figure (左右, 突破), and holds the office's own draft of a plan year's
总体要求 (``[annual.requirements.<year>]``, text and source). Without it the
overview states the headline indicators, one clause each, without
qualifiers, and 总体要求 is 暂无数据(待撰写).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from planwatch.core.errors import InvalidValue
from planwatch.core.report_text import ReportText, read_report_text
from planwatch.reports.model import Official

DATA_ROOT = Path(__file__).resolve().parent.parent / "data"


def layout(region: str) -> dict[str, Any]:
    """The ``[annual]`` wording settings of ``region`` (empty when it has none)."""
    path = DATA_ROOT / region / "report.toml"
    if not path.is_file():
        return {}
    annual: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")).get("annual", {})
    return annual


def report_text(region: str, year: int) -> ReportText | None:
    """The office's draft text of ``year``'s report (``report-<year>.toml``), if any.

    The dataset loader has checked it; here a malformed file raises
    :class:`~planwatch.core.errors.DatasetError` all the same.
    """
    path = DATA_ROOT / region / f"report-{year}.toml"
    return read_report_text(path) if path.is_file() else None


def notice_official(region: str, year: int, month: int, changes: Mapping[str, str]) -> Official:
    """The 公文 parts of a lag notice: ``[notice]`` of ``report.toml``, overridden by
    ``changes`` (the command line's --number, --to, --issuer, --date, --cc).

    ``number`` may hold {year} and {month}; ``date`` is ISO (2025-07-03) and is
    written 2025年7月3日; without one the notice is dated today.
    """
    path = DATA_ROOT / region / "report.toml"
    stored = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    settings = {**stored.get("notice", {}), **{k: v for k, v in changes.items() if v}}
    try:
        written = date.fromisoformat(settings["date"]) if settings.get("date") else date.today()
    except ValueError as exc:
        raise InvalidValue(
            f"成文日期 {settings['date']!r} is not a date (e.g. 2025-07-03)"
        ) from exc
    return Official(
        number=settings.get("number", "").format(year=year, month=month),
        addressees=settings.get("to", ""),
        issuer=settings.get("issuer", ""),
        date=f"{written.year}年{written.month}月{written.day}日",
        copies=settings.get("cc", ""),
    )
