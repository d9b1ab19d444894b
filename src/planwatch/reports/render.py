"""One entry point for every output format: render a report model to bytes."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from planwatch.reports.build_tables import with_sources
from planwatch.reports.model import Report
from planwatch.reports.render_docx import render_docx
from planwatch.reports.render_html import render_html
from planwatch.reports.render_md import render_md
from planwatch.reports.render_pdf import render_pdf
from planwatch.reports.styleset import GBT_9704, StyleSet


class Format(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    MD = "md"


CONTENT_TYPES = {
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.PDF: "application/pdf",
    Format.HTML: "text/html; charset=utf-8",
    Format.MD: "text/markdown; charset=utf-8",
}

_RENDERERS: dict[Format, Callable[[Report, StyleSet], bytes]] = {
    Format.DOCX: render_docx,
    Format.PDF: render_pdf,
    Format.HTML: lambda report, _: render_html(report).encode("utf-8"),
    Format.MD: lambda report, _: render_md(report).encode("utf-8"),
}


def render(
    report: Report, fmt: Format, *, sources: bool = False, style: StyleSet = GBT_9704
) -> bytes:
    """``report`` in ``fmt``, DOCX and PDF laid out by ``style`` (公文, GB/T 9704, by default).

    With ``sources`` it is the review copy: figures marked, an annex naming
    the source of every figure and the author's to-do list. HTML links every
    figure to its source in both copies.
    """
    return _RENDERERS[fmt](with_sources(report) if sources else report.without_gaps(), style)
