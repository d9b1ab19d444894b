"""Compare the PDF time of two checkouts in one run, taking turns; prints a table.

On a shared machine two benchmark runs minutes apart differ by more than a
change does, so the baseline runs in the same process as the change, the
two taking turns. First save the HTML each checkout hands to WeasyPrint,
then time both:

    PYTHONPATH=/path/to/base/src .venv/bin/python benchmarks/pdf_compare.py save /tmp/base
    PYTHONPATH=src .venv/bin/python benchmarks/pdf_compare.py save /tmp/new
    .venv/bin/python benchmarks/pdf_compare.py compare /tmp/base /tmp/new [--repeat 3]

``save`` builds the demo database (as benchmarks/reports.py does) and writes
the HTML of each report's PDF, from whichever planwatch is on the path.
``compare`` renders each pair alternately (the new one first in the first
round, which is cold for both: each document's first layout, its glyphs and
font subsets, after a warm-up page that loads every font) and prints the
first and the median of the other rounds (warm) of each, their ratios and
the pages.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Any

from demo_db import demo_database

REPORTS = ("annual", "annual-sources", "notice")
# A page in every role of the print sheet: loads the fonts before the first timing.
WARM_UP = (
    "<body><h1>标题</h1><h2>一、标题</h2><h3>(一)标题</h3><p>正文<strong>1.粗体</strong></p>"
    '<p class="list"><strong>来源。</strong>[1]记录:1个</p><table><tr><td>表格</td></tr></table>'
    "</body></html>"
)


def save(directory: Path) -> None:
    demo_database()
    import weasyprint

    from planwatch.reports.documents import annual_report, notice_report
    from planwatch.reports.render import Format

    handed: list[str] = []
    real = weasyprint.HTML

    def keeping(*args: Any, **kwargs: Any) -> Any:
        handed.append(kwargs["string"])
        return real(*args, **kwargs)

    weasyprint.HTML = keeping  # type: ignore[misc]
    annual_report("fuling", 2024, Format.PDF)
    annual_report("fuling", 2024, Format.PDF, sources=True)
    notice_report("fuling", "2025-06", Format.PDF, official={"date": "2025-07-03"})
    directory.mkdir(parents=True, exist_ok=True)
    for name, html in zip(REPORTS, handed, strict=True):
        (directory / f"{name}.html").write_text(html, encoding="utf-8")


def compare(base: Path, new: Path, repeat: int) -> None:
    from weasyprint import HTML

    print(f"load average {_load()}")
    print(
        f"{'report':<16}{'base 1st':>9}{'new 1st':>9}{'new/base':>9}"
        f"{'base med':>9}{'new med':>9}{'new/base':>9}{'pages':>9}"
    )
    warmed = False
    for name in REPORTS:
        texts = [(d / f"{name}.html").read_text(encoding="utf-8") for d in (base, new)]
        if not warmed:  # imports and every font role, outside the timing
            HTML(string=texts[0].split("<body>")[0] + WARM_UP).write_pdf()
            warmed = True
        times: list[list[float]] = [[], []]
        pages = [0, 0]
        for round_ in range(repeat + 1):
            for k in (0, 1) if round_ % 2 else (1, 0):
                start = time.perf_counter()
                document = HTML(string=texts[k]).render()
                document.write_pdf()
                times[k].append(time.perf_counter() - start)
                pages[k] = len(document.pages)
        first = [t[0] for t in times]
        median = [statistics.median(t[1:]) for t in times]
        print(
            f"{name:<16}{first[0]:>9.2f}{first[1]:>9.2f}{first[1] / first[0]:>9.2f}"
            f"{median[0]:>9.2f}{median[1]:>9.2f}{median[1] / median[0]:>9.2f}"
            f"{f'{pages[0]}→{pages[1]}':>9}"
        )
    print(f"load average {_load()}")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("save").add_argument("directory", type=Path)
    timing = commands.add_parser("compare")
    timing.add_argument("base", type=Path)
    timing.add_argument("new", type=Path)
    timing.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.command == "save":
        save(args.directory)
    else:
        compare(args.base, args.new, args.repeat)


if __name__ == "__main__":
    main()
