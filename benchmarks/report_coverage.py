"""Coverage of the published 2024 report (the seed) by the generated one; prints a table.

    PYTHONPATH=src .venv/bin/python benchmarks/report_coverage.py [--without-drafts]

Builds the demo database in a temporary PLANWATCH_HOME (the dataset, the 2024
review and the 2025 plan, as `planwatch demo` does), writes the 2024 annual
report (the copy to submit, as Markdown) and compares it with the seed:

- quantities: each statement of the gold (number + unit as the seed writes
  it, e.g. "110余场", "2.2万家(次)") found in the report, by section; and the
  same with its qualifier words ("超275亿元", "35亿元以上", "近100场次");
- paragraphs: each non-empty seed line from 各位代表 on with a counterpart —
  a report paragraph that is identical, or that opens with the same first
  sentence (its heading, "1.服务保障切实增强。").

With ``--without-drafts`` the office's draft text of section 一 (the opening,
the year's and the "——" paragraphs, the review items, 总体来看's first sentence,
with the facts only they cite) is left out: section 一 is then written from the
data alone — the indicators, the key tasks and their reported results.

Goals (issue 13): section 一 ≥ 90 % of quantities, every paragraph with a
counterpart, every qualifier kept.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "fuling-2024-plan-report.txt"
GOLD = ROOT.parent / "shared" / "gold" / "statements.jsonl"
FIRST_LINE = 23  # 各位代表:
LAST_LINE = 199  # line 200 is the web page's "分享文章到:"


def written(line: str, statement: dict[str, object]) -> tuple[str, str]:
    """The statement's figure as the seed writes it, bare and with its qualifier words."""
    from planwatch.core.numbers import find_quantities

    quote = str(statement["quote"])
    start = max(line.find(quote), 0)
    value = abs(float(statement["value"]))  # type: ignore[arg-type]
    for q in find_quantities(line):
        if q.value == value and q.number_start >= start and q.unit:
            bare = re.match(r"\d[\d.]*(?:余|多)?[^,、。;,()()“”]*", line[q.number_start : q.end])
            figure = bare.group(0) if bare else line[q.number_start : q.end]
            return figure, line[q.start : q.end]
    return "", ""


def quantity_rows(lines: list[str], report: str) -> list[tuple[str, int, int, int]]:
    """(section, seed quantities, present bare, present with qualifier) per section."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for raw in GOLD.read_text(encoding="utf-8").splitlines():
        s = json.loads(raw)
        if s["value"] is None or not s["unit"]:
            continue
        bare, qualified = written(lines[s["line"] - 1], s)
        if not bare:
            continue
        part = s["section"].split("/")[0]
        for key in (part, "all"):
            found[key][0] += 1
            found[key][1] += bare in report
            found[key][2] += qualified in report
    return [(k, *found[k]) for k in ("一", "二", "三", "all") if k in found]  # type: ignore[misc]


def paragraph_rows(lines: list[str], paragraphs: list[str]) -> tuple[int, int, int, list[str]]:
    """Seed paragraphs, identical ones, ones with a counterpart, and those without."""
    seed = [line for line in lines[FIRST_LINE - 1 : LAST_LINE] if line.strip()]
    same = set(paragraphs)
    openings = {_opening(p) for p in paragraphs}
    identical = sum(line in same for line in seed)
    lacking = [line for line in seed if line not in same and _opening(line) not in openings]
    return len(seed), identical, len(seed) - len(lacking), lacking


def _opening(paragraph: str) -> str:
    """A paragraph's first sentence or heading ("1.服务保障切实增强", "专栏5")."""
    return re.split("[。::]", paragraph)[0]


def generated_report(*, without_drafts: bool) -> str:
    os.environ["PLANWATCH_HOME"] = tempfile.mkdtemp(prefix="planwatch-coverage-")
    os.environ.pop("DATABASE_URL", None)
    from planwatch import web

    web.setup()
    web.migrate()
    from planwatch.reports.build_annual import build_annual
    from planwatch.reports.gather import annual_inputs
    from planwatch.reports.render import Format, render
    from planwatch.web.plan.services import load_dataset
    from planwatch.web.projects.demo import load_year

    dataset = ROOT / "src" / "planwatch" / "data" / "fuling"
    load_dataset(dataset)
    for year in (2024, 2025):
        load_year(dataset, year)
    inputs = annual_inputs("fuling", 2024)
    if without_drafts and inputs.drafts is not None:
        section_one = {"salutation": "", "opening": "", "intro": "", "conclusion": ""}
        drafts = replace(inputs.drafts, **section_one, overview=(), items={}, facts={})
        inputs = replace(inputs, drafts=drafts)
    return render(build_annual(inputs), Format.MD).decode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--without-drafts", action="store_true", help="section 一 from data alone")
    without_drafts = parser.parse_args().without_drafts
    lines = SEED.read_text(encoding="utf-8").splitlines()
    md = generated_report(without_drafts=without_drafts).replace("†", "")
    paragraphs = [re.sub(r"^#+ |\*\*", "", p).strip() for p in md.splitlines() if p.strip()]
    text = "\n".join(paragraphs)
    print(f"{'section':<8}{'seed':>6}{'present':>9}{'share':>8}{'w/ qualifier':>14}{'share':>8}")
    for section, total, bare, qualified in quantity_rows(lines, text):
        print(
            f"{section:<8}{total:>6}{bare:>9}{bare / total:>8.1%}"
            f"{qualified:>14}{qualified / total:>8.1%}"
        )
    total, identical, matched, lacking = paragraph_rows(lines, paragraphs)
    print(
        f"\nparagraphs of the seed: {total}; identical in the report: {identical} "
        f"({identical / total:.0%}); with a counterpart: {matched} ({matched / total:.0%})"
    )
    for line in lacking:
        print(f"  without counterpart: {line[:40]}…")


if __name__ == "__main__":
    main()
