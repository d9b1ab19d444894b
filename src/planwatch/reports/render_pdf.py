"""Render a report as PDF: the HTML rendering with a print stylesheet, through WeasyPrint.

A4, Noto CJK fonts (Debian fonts-noto-cjk, embedded as subsets), page
numbers in the footer, table headers repeated on every page and rows never
split across pages.
"""

from __future__ import annotations

from planwatch.reports.model import Report
from planwatch.reports.render_html import render_html

PRINT_CSS = """
@page{size:A4;margin:2.2cm 2cm 2.4cm 2cm;
@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";
font-family:"Noto Sans CJK SC";font-size:9pt;color:#555}}
body{max-width:none;margin:0;padding:0;font-size:11pt;line-height:1.7}
h1{font-size:17pt;margin:0 0 .4em}h2{font-size:14pt}h3{font-size:12pt}h4{font-size:11pt}
h2,h3,h4,caption,figcaption{break-after:avoid}
table{font-size:8.5pt;line-height:1.35}thead{display:table-header-group}
tr,figure,p.tnote{break-inside:avoid}
.fig,.fig.illustrative{border-bottom:none}
"""


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    from weasyprint import HTML  # imported here: loading its fonts and Pango takes time

    return bytes(HTML(string=render_html(report, extra_css=PRINT_CSS)).write_pdf())
