"""The review copy's annexes: every figure's source, then the author's to-do list."""

from __future__ import annotations

import re
from itertools import groupby

from planwatch.reports.build_annual import build_annual
from planwatch.reports.build_tables import with_sources
from planwatch.reports.model import Paragraph
from planwatch.reports.source_names import source_label
from tests.reports.builders import annual_inputs_without_db, seed_projects, seed_task_area


def test_the_sources_annex_names_every_figure_once_under_its_source_in_reading_order():
    inputs = annual_inputs_without_db(projects=seed_projects(), plan_tasks=[seed_task_area()])
    report = build_annual(inputs)
    annex = with_sources(report).sections[-2]
    assert annex.title == "附件1 数据来源"
    entries = [b for b in annex.blocks if isinstance(b, Paragraph) and b.style == "list"]
    groups = [(s, list(g)) for s, g in groupby(report.sources(), key=lambda e: e[2])]
    assert len(entries) == len(groups) < len(report.sources())
    expected = [f"{about}:{figure}" if about else figure for about, figure, _ in report.sources()]
    written = []
    for entry, (source, figures) in zip(entries, groups, strict=True):
        head, body = entry.runs
        assert head.strong and head.text == f"{source_label(source)}。"
        items = re.split(r" ?\[(\d+)\]", body.text)[1:]
        assert len(items) == 2 * len(figures)
        written += [(int(k), item) for k, item in zip(items[::2], items[1::2], strict=True)]
    assert written == list(enumerate(expected, start=1))
    gdp = "[1]地区生产总值增速 2024年预计值:增长6.5%左右 ["
    assert [e.runs[0].text for e in entries if gdp in e.text] == ["已发布报告第33行。"]
    assert any(e.runs[0].text == "示例数据。" for e in entries)
    assert "gdp_growth" not in "".join(e.text for e in entries)
