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
``compare`` renders each pair alternately and prints the fastest and the
median seconds of each, their ratio and the pages.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

REPORTS = ("annual", "annual-sources", "notice")


def save(directory: Path) -> None:
    os.environ["PLANWATCH_HOME"] = tempfile.mkdtemp(prefix="planwatch-bench-")
    os.environ.pop("DATABASE_URL", None)
    import weasyprint

    from planwatch import web

    web.setup()
    web.migrate()
    from planwatch.reports.documents import annual_report, notice_report
    from planwatch.reports.render import Format
    from planwatch.web.plan.services import load_dataset
    from planwatch.web.projects.demo import load_year

    dataset = Path(web.__file__).resolve().parent.parent / "data" / "fuling"
    load_dataset(dataset)
    for year in (2024, 2025):
        load_year(dataset, year)
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

    HTML(string="<p>热身</p>").write_pdf()  # fonts and imports, outside the timing
    print(f"load average {_load()}")
    print(
        f"{'report':<16}{'base min':>9}{'new min':>9}{'new/base':>9}"
        f"{'base med':>9}{'new med':>9}{'pages':>9}"
    )
    for name in REPORTS:
        texts = [(d / f"{name}.html").read_text(encoding="utf-8") for d in (base, new)]
        times: list[list[float]] = [[], []]
        pages = [0, 0]
        for _ in range(repeat):
            for k, text in enumerate(texts):
                start = time.perf_counter()
                document = HTML(string=text).render()
                document.write_pdf()
                times[k].append(time.perf_counter() - start)
                pages[k] = len(document.pages)
        fastest = [min(t) for t in times]
        median = [statistics.median(t) for t in times]
        print(
            f"{name:<16}{fastest[0]:>9.2f}{fastest[1]:>9.2f}{fastest[1] / fastest[0]:>9.2f}"
            f"{median[0]:>9.2f}{median[1]:>9.2f}{f'{pages[0]}→{pages[1]}':>9}"
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
