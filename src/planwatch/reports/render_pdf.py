"""Render a report as PDF: the HTML rendering with a print stylesheet, through WeasyPrint.

The print sheet comes from a style set (公文, GB/T 9704-2012, by default):
A4 with its margins, each text role in the free font that matches it (see
``data/styles/gbt9704.toml``; embedded as subsets), 28-point lines of 28
characters, page numbers "— 1 —" outside (odd pages right, even pages
left), headings kept with what follows, table headers repeated on every page
and rows never split across pages.
"""

from __future__ import annotations

from planwatch.reports.model import Report
from planwatch.reports.render_html import render_html
from planwatch.reports.styleset import GBT_9704, StyleSet


def print_css(style: StyleSet) -> str:
    """The print stylesheet of ``style``."""
    page, body = style.page, style.role("body")
    before, after = page.number_format.split("{n}")
    number = (
        f'content:"{before}" counter(page) "{after}";'
        f"font-family:{style.css_family(page.number_role)};font-size:{page.number_size_pt}pt"
    )
    inset = f"{page.number_size_pt}pt"
    rules = [
        f"@page{{size:{page.width_cm}cm {page.height_cm}cm;"
        f"margin:{page.top_cm}cm {page.right_cm}cm {page.bottom_cm}cm {page.left_cm}cm}}",
        f"@page:right{{@bottom-right{{{number};padding-right:{inset}}}}}",
        f"@page:left{{@bottom-left{{{number};padding-left:{inset}}}}}",
        f"body{{max-width:none;margin:0;padding:0;color:#000;"
        f"font-family:{style.css_family(body.font)};font-size:{body.size_pt}pt;"
        f"line-height:{page.line_pitch_pt}pt;letter-spacing:{style.char_spacing_pt:.3f}pt}}",
        "p{text-indent:2em;margin:0;text-align:justify;orphans:2;widows:2}",
        _role_css(
            "h1", style, "title", "text-align:center;text-indent:0;margin:0 0 1em;line-height:1.5"
        ),
        *(
            _role_css(f"h{k + 1}", style, f"heading{k}", "text-indent:2em;margin:0")
            for k in (1, 2, 3, 4)
        ),
        _role_css("p.lead,p.lead strong", style, "heading2", "font-weight:normal"),
        _role_css("p strong", style, "heading3", ""),
        _role_css(
            "p.list",
            style,
            "table",
            "text-indent:0;text-align:left;line-height:1.5;letter-spacing:0;margin-top:.2em",
        ),
        f"p.list strong{{font-family:{style.css_family(style.role('table').font, bold=True)};"
        "font-size:inherit;font-weight:700}",
        _role_css("caption", style, "caption", "text-indent:0;margin:.5em 0;text-align:center"),
        _role_css("table", style, "table", "line-height:1.35;letter-spacing:0"),
        "h1,h2,h3,h4,h5,p.lead,caption{break-after:avoid}",
        "thead{display:table-header-group}tr,figure{break-inside:avoid}",
        "th,td{border:.5pt solid #000;padding:.15em .3em;overflow-wrap:normal;word-break:keep-all}",
        "th{background:none;text-align:center}p.tnote{text-indent:0;font-size:inherit}",
        "p.number,p.subtitle{text-align:center;text-indent:0}p.to{text-indent:0}",
        "p.sign{text-align:right;margin-right:4em;break-before:avoid}",
        f"p.copies{{font-size:{page.number_size_pt}pt;margin-top:{page.line_pitch_pt}pt}}",
        ".fig,.fig.illustrative{border-bottom:none}.missing{color:inherit}",
    ]
    return "\n".join(rules)


def _role_css(selector: str, style: StyleSet, role_name: str, extra: str) -> str:
    role = style.role(role_name)
    weight = role.pdf_weight or (700 if role.bold else 400)
    return (
        f"{selector}{{font-family:{style.css_family(role.font, bold=role.bold)};"
        f"font-size:{role.size_pt}pt;"
        f"font-weight:{weight};{extra}}}"
    )


def render_pdf(report: Report, style: StyleSet = GBT_9704) -> bytes:
    """The report as PDF bytes, laid out by ``style``."""
    from weasyprint import HTML  # imported here: loading its fonts and Pango takes time

    width = style.page.text_width_pt / style.role("table").size_pt
    html = render_html(report, extra_css=print_css(style), line_width=width, links=False)
    return bytes(HTML(string=html).write_pdf())
