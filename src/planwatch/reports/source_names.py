"""Sources as a reader names them, for the review copy's annex and tooltips."""

from __future__ import annotations

from planwatch.reports.model import ILLUSTRATIVE_LABEL, NOT_PUBLISHED


def source_label(source: str) -> str:
    """ "已发布报告第33行" for ``seed:L33``, 示例数据 for demo values, else as stored
    (a department's name); several sources, comma-separated, are joined with 、."""
    return "、".join(_one(part) for part in source.split(",") if part)


def _one(source: str) -> str:
    if source in NOT_PUBLISHED:
        return ILLUSTRATIVE_LABEL
    if source.startswith("seed:L"):
        return f"已发布报告第{source.removeprefix('seed:L')}行"
    return source
