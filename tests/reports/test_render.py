"""Every format renders the same report model: text, traceable figures, styles, pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from PIL import Image

from planwatch.reports.build_annual import build_annual
from planwatch.reports.build_tables import with_sources
from planwatch.reports.model import Paragraph, Report, Run, Section, Table
from planwatch.reports.render import Format, render
from planwatch.reports.render_html import render_html
from planwatch.reports.render_md import render_md
from tests.reports.builders import (
    annual_inputs_without_db,
    seed_line,
    seed_projects,
    seed_task_area,
)


@pytest.fixture(scope="module")
def annual() -> Report:
    inputs = annual_inputs_without_db(projects=seed_projects(), plan_tasks=[seed_task_area()])
    return build_annual(inputs)


@pytest.fixture(scope="module")
def pdf(annual) -> bytes:
    return render(annual, Format.PDF, sources=True)


def test_markdown_holds_the_seed_sentences_and_marks_illustrative_values(annual):
    md = render_md(annual)
    assert seed_line(111) in md and seed_line(115) in md
    assert "| 7%以上† |" in md.replace(" ", " ")
    assert "† 示例数据" in md


def test_html_links_each_figure_to_its_source_and_only_the_review_copy_marks_them(annual):
    html = render_html(annual)
    assert (
        'data-source="seed:L33" title="地区生产总值增速 2024年预计值 · 来源 已发布报告第33行">'
        "增长6.5%左右" in html
    )
    assert '<sup class="demo">' not in html and "planwatch" not in html
    review = render(annual, Format.HTML, sources=True).decode("utf-8")
    assert 'class="fig illustrative" data-source="illustrative"' in review
    assert '<sup class="demo">示例数据</sup>' in review
    assert '<span class="missing">暂无数据</span>' in review
    assert "附件1 数据来源" in review and "gdp_growth" not in review.split("附件1")[1]


def test_print_html_keeps_the_review_marks_without_a_span_per_figure(annual):
    review = render_html(with_sources(annual), links=False)
    assert "data-source" not in review and "title=" not in review
    assert '<span class="fig illustrative">' in review
    assert '<sup class="demo">示例数据</sup>' in review
    assert "增长6.5%左右" in review


def test_markdown_sets_run_in_headings_bold_where_chinese_runs_on_without_a_space():
    head = Run("1.服务保障切实增强。", strong=True)
    source = Run("《涪陵区2024年计划执行情况报告》。", strong=True)
    report = Report("报告", sections=(Section("一", (
        Paragraph((head, Run("全年新开工项目120个。"))),
        Paragraph((source, Run("第37行")), style="list"),
        Paragraph((Run("(一)稳增长。", strong=True),), style="lead"),
    )),))  # fmt: skip
    html = MarkdownIt().render(render_md(report))
    assert "<strong>1.服务保障切实增强</strong>。全年新开工项目120个。" in html
    assert "<strong>《涪陵区2024年计划执行情况报告》</strong>。第37行" in html
    assert "<p><strong>(一)稳增长。</strong></p>" in html


def test_html_escapes_every_text():
    report = Report("<b>标题</b>", sections=(Section("一", (Paragraph((Run("a<b", 'x:"y'),)),)),))
    html = render_html(report)
    assert "<b>标题" not in html and "&lt;b&gt;标题" in html
    assert 'data-source="x:&quot;y"' in html and "a&lt;b" in html


def test_markdown_escapes_markup_typed_into_names_and_targets():
    name, target = "<script>alert(1)</script>", '<img src=x onerror="alert(1)">[点此](http://x)'
    table = Table("指标", ("指标", "目标"), ((((Run(name),)), (Run(target),)),))
    report = Report(name, sections=(Section(target, (Paragraph((Run(name),)), table)),))
    md = render_md(report)
    assert "<script>" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(http", md)  # no live link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert '&lt;img src=x onerror="alert(1)"&gt;\\[点此\\](http://x)' in md


def test_docx_uses_real_word_styles_so_an_office_can_restyle_it(annual):
    document = docx.Document(BytesIO(render(annual, Format.DOCX, sources=True)))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Normal", "Caption"} <= styles
    assert {t.style.name for t in document.tables} == {"Table Grid"}
    first_row = document.tables[0].rows[0]._tr
    assert first_row.xpath("./w:trPr/w:tblHeader")
    annex = [p for p in document.paragraphs if p.text.startswith("已发布报告第33行。")]
    assert {p.style.name for p in annex} == {"List Text"}
    assert annex[0].runs[0].bold and "2024年预计值:增长6.5%左右 [" in annex[0].text
    footer = document.sections[0].footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and footer.text == "—  —"
    texts = [p.text for p in document.paragraphs]
    assert seed_line(111) in texts and seed_line(115) in texts


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_docx_opens_in_libreoffice_and_converts_to_pdf(annual, tmp_path):
    source = tmp_path / "annual.docx"
    source.write_bytes(render(annual, Format.DOCX))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "annual.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_pdf_embeds_every_font(pdf, tmp_path):
    path = tmp_path / "annual.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    listed = fonts.splitlines()[2:]
    assert listed and all(" yes yes " in line for line in listed)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_pdf_pages_are_a4_numbered_and_not_blank(pdf, tmp_path):
    path = tmp_path / "annual.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(Path(tmp_path).glob("page-*.png"))
    assert len(pages) >= 3
    for page in pages:
        grey = Image.open(page).convert("L")
        dark = sum(grey.histogram()[:200])
        assert dark > 0.002 * grey.width * grey.height, f"{page.name} looks blank"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "—1—" in text.replace(" ", "") and "表1" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
