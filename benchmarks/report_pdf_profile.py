"""Where the PDF of a report spends its time: WeasyPrint's stages, as shares; prints a table.

    PYTHONPATH=src .venv/bin/python benchmarks/report_pdf_profile.py

Builds the demo database (as benchmarks/reports.py does), renders each PDF
once to warm up, then once under cProfile, and gives each stage's share of
the profiled time: the style cascade, building the boxes, layout (and of
it, tables), drawing the pages, and the rest of writing the file (PDF
objects, font subsetting). Shares hold on a loaded machine where seconds do
not; cProfile itself adds about half to the time.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable

from demo_db import demo_database

STAGES = {  # stage: WeasyPrint function (file fragment, name) whose cumulative time it is
    "cascade": ("css/__init__.py", "get_all_computed_styles"),
    "boxes": ("formatting_structure/build.py", "build_formatting_structure"),
    "layout": ("layout/__init__.py", "layout_document"),
    "  of it tables": ("layout/table.py", "table_layout"),
    "drawing": ("draw/__init__.py", "draw_page"),
    "font subsetting": ("pdf/fonts.py", "_harfbuzz_subset"),
    "writing the PDF": ("weasyprint/document.py", "write_pdf"),
}


def main() -> None:
    demo_database()
    from planwatch.reports.documents import annual_report, notice_report
    from planwatch.reports.render import Format

    jobs: dict[str, Callable[[], bytes]] = {
        "annual 2024": lambda: annual_report("fuling", 2024, Format.PDF),
        "annual --sources": lambda: annual_report("fuling", 2024, Format.PDF, sources=True),
        "notice 2025-06": lambda: notice_report("fuling", "2025-06", Format.PDF),
    }
    print(f"{'report':<18}{'total s':>8}  " + "  ".join(f"{s.strip():>10}" for s in STAGES))
    for name, job in jobs.items():
        job()
        profile = cProfile.Profile()
        profile.enable()
        job()
        profile.disable()
        stats = pstats.Stats(profile)
        total = stats.total_tt  # type: ignore[attr-defined]
        shares = [_cumulative(stats, *where) / total for where in STAGES.values()]
        print(f"{name:<18}{total:>8.2f}  " + "  ".join(f"{s:>10.0%}" for s in shares))
    print("(writing the PDF includes drawing and font subsetting)")


def _cumulative(stats: pstats.Stats, file: str, function: str) -> float:
    """The cumulative time of ``function`` of ``file`` (0 when it did not run)."""
    entries = stats.stats  # type: ignore[attr-defined]
    return sum(
        entry[3] for (path, _, name), entry in entries.items() if name == function and file in path
    )


if __name__ == "__main__":
    main()
