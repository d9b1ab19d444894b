"""Render a report as one self-contained, escaped HTML page (also the input of the PDF).

Every sourced figure is a ``<span class="fig">`` whose ``data-source`` and
``title`` name its record and source; in the review copy an illustrative
value also carries a visible 示例数据 mark, so it can never pass for a
published one there.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from planwatch.reports.model import (
    ILLUSTRATIVE_LABEL,
    LINE_WIDTH,
    Block,
    Cell,
    Chart,
    Official,
    Paragraph,
    Report,
    Run,
    Table,
    column_shares,
    header_lines,
)
from planwatch.reports.source_names import source_label
from planwatch.reports.svg import chart_svg

SCREEN_CSS = """
body{font-family:"Noto Serif CJK SC",serif;max-width:60em;margin:2em auto;padding:0 1em;
line-height:1.8;color:#111}
h1{font-family:"Noto Sans CJK SC",sans-serif;font-size:1.6em;text-align:center}
h2,h3,h4,th,caption,figcaption,p.lead{font-family:"Noto Sans CJK SC",sans-serif}
p{text-indent:2em;margin:.4em 0}p.lead{font-weight:bold}p.note{color:#555}
p.subtitle,p.banner,p.number{text-indent:0;text-align:center}
p.to,p.copies,p.list{text-indent:0}p.list{font-size:.85em}p.sign{text-align:right;margin-right:4em}
p.copies{border-top:1px solid #000;border-bottom:1px solid #000;padding:0 1em}
p.banner{border:1px solid #d4a017;background:#fff8e1;padding:.3em}
.fig{border-bottom:1px dotted #2e86c1}
.fig.illustrative{border-bottom:1px dashed #d4a017;background:#fff8e1}
.demo{font-size:.65em;color:#9a6b00;vertical-align:super;margin-left:1px}
.missing{color:#b03a2e}
table{border-collapse:collapse;width:100%;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #888;padding:.2em .4em;vertical-align:top}
table{table-layout:fixed}td{overflow-wrap:anywhere}
th{background:#eef2f5}td.num{text-align:right}
caption{font-weight:bold;margin:.3em}p.tnote{text-indent:0;font-size:.8em;color:#555}
figure{margin:1em 0;text-align:center}figcaption{font-weight:bold}
"""


def render_html(
    report: Report, *, extra_css: str = "", line_width: float = LINE_WIDTH, links: bool = True
) -> str:
    """The report as an HTML document.

    ``extra_css`` is appended (the PDF's print sheet), ``line_width`` is the
    table text's width in characters, for the column widths; without
    ``links`` (the PDF, where a tooltip cannot show and every span costs
    layout time) a figure is plain text, an illustrative one in the review
    copy highlighted and marked.
    """
    official = report.official or Official()
    body = [f'<p class="number">{escape(official.number)}</p>'] if official.number else []
    body.append(f"<h1>{escape(report.title)}</h1>")
    if report.subtitle:
        body.append(f'<p class="subtitle">{escape(report.subtitle)}</p>')
    if report.review and report.has_illustrative:
        body.append(
            f'<p class="banner">审阅稿:标有“{ILLUSTRATIVE_LABEL}”的数值为演示用的示意数值,'
            "并非已发布数据。</p>"
        )
    if official.addressees:
        body.append(f'<p class="to">{escape(official.addressees)}:</p>')
    mode = _Mode(marks=report.review, links=links, line_width=line_width)
    for section in report.sections:
        for level, s in section.walk():
            tag = f"h{min(level + 1, 6)}"
            title = f"<{tag}>{escape(s.title)}</{tag}>" if s.title else ""
            body.append(f"<section>{title}")
            body += [_block(b, mode) for b in s.blocks]
            body.append("</section>")
    body += _closing(official)
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(report.title)}</title><style>{SCREEN_CSS}{extra_css}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _closing(official: Official) -> list[str]:
    lines = [f'<p class="sign">{escape(t)}</p>' for t in (official.issuer, official.date) if t]
    if official.copies:
        lines.append(f'<p class="copies">抄送:{escape(official.copies)}。</p>')
    return lines


@dataclass(frozen=True)
class _Mode:
    marks: bool  # the review copy: 示例数据 marks, missing data in red
    links: bool  # figures as spans naming their source
    line_width: float


def _block(block: Block, mode: _Mode) -> str:
    if isinstance(block, Paragraph):
        css = "" if block.style == "body" else f' class="{block.style}"'
        return f"<p{css}>{''.join(_run(r, mode) for r in block.runs)}</p>"
    if isinstance(block, Table):
        return _table(block, mode)
    return _chart(block)


def _run(run: Run, mode: _Mode) -> str:
    text = escape(run.text)
    if run.strong:
        text = f"<strong>{text}</strong>"
    if run.missing:
        return f'<span class="missing">{text}</span>' if mode.marks else text
    if not run.source:
        return text
    marked = run.illustrative and mode.marks
    if not mode.links:
        return _marked(text) if marked else text
    cited = f"来源 {source_label(run.source)}"
    title = escape(f"{run.about} · {cited}" if run.about else cited)
    if marked:
        return (
            f'<span class="fig illustrative" data-source="{escape(run.source)}" '
            f'title="{title}({ILLUSTRATIVE_LABEL})">{text}'
            f'<sup class="demo">{ILLUSTRATIVE_LABEL}</sup></span>'
        )
    return f'<span class="fig" data-source="{escape(run.source)}" title="{title}">{text}</span>'


def _marked(text: str) -> str:
    """An illustrative figure in print: highlighted and marked, without the tooltip."""
    mark = f'<sup class="demo">{ILLUSTRATIVE_LABEL}</sup>'
    return f'<span class="fig illustrative">{text}{mark}</span>'


def _cell(cell: Cell, numeric: bool, mode: _Mode) -> str:
    css = ' class="num"' if numeric else ""
    return f"<td{css}>{''.join(_run(r, mode) for r in cell)}</td>"


def _table(table: Table, mode: _Mode) -> str:
    shares = column_shares(table, mode.line_width)
    head = "".join(
        f"<th>{'<br>'.join(escape(line) for line in header_lines(h, share * mode.line_width))}</th>"
        for h, share in zip(table.header, shares, strict=True)
    )
    rows = "".join(
        "<tr>" + "".join(_cell(c, k in table.numeric, mode) for k, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    note = f'<p class="tnote">注:{escape(table.note)}</p>' if table.note else ""
    cols = "".join(f'<col style="width:{share:.1%}">' for share in shares)
    return (
        f"<table><caption>{escape(table.caption)}</caption><colgroup>{cols}</colgroup>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>{note}"
    )


def _chart(chart: Chart) -> str:
    return f"<figure>{chart_svg(chart)}<figcaption>{escape(chart.caption)}</figcaption></figure>"
