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
from pathlib import Path
from typing import Any

from planwatch.core.report_text import ReportText, read_report_text

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
