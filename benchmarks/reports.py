"""Report generation time per format on the Fuling demo data; prints a table.

Goals: DOCX and HTML under 1 s, PDF under 3 s (gather from the database,
build the model and render, per report). Run:

    PYTHONPATH=src .venv/bin/python benchmarks/reports.py [--repeat 5]

The database is a fresh SQLite file in a temporary PLANWATCH_HOME, holding the
demo plan, its 2025 project register, key tasks and problem list.

On a shared machine every figure grows with the load, so the table also
gives each median as a multiple of a reference timed just before that row
(a fixed pure-Python loop, "× ref"), and the load average before and after:
compare runs by those multiples, not by seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from demo_db import demo_database

GOALS = {"docx": 1.0, "html": 1.0, "md": 1.0, "pdf": 3.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    demo_database()
    from planwatch.reports.documents import annual_report, notice_report, quarterly_report
    from planwatch.reports.render import Format

    jobs = {
        "annual 2024": lambda fmt: annual_report("fuling", 2024, fmt),
        "annual --sources": lambda fmt: annual_report("fuling", 2024, fmt, sources=True),
        "quarterly 2025-Q3": lambda fmt: quarterly_report("fuling", "2025-Q3", fmt),
        "notice 2025-06": lambda fmt: notice_report("fuling", "2025-06", fmt),
    }
    load_before = _load()
    rows = []
    for name, job in jobs.items():
        for fmt in Format:
            reference = _reference_seconds()
            times = []
            for _ in range(repeat + 1):
                start = time.perf_counter()
                job(fmt)
                times.append(time.perf_counter() - start)
            rows.append((name, fmt.value, times[0], statistics.median(times[1:]), reference))
    print(f"load average {load_before} → {_load()}")
    print(f"{'report':<20}{'format':<8}{'first s':>9}{'median s':>10}{'× ref':>8}{'goal s':>8}  ok")
    for name, fmt, first, median, reference in rows:
        goal = GOALS[fmt]
        ok = "yes" if median < goal else "NO"
        print(
            f"{name:<20}{fmt:<8}{first:>9.3f}{median:>10.3f}"
            f"{median / reference:>8.1f}{goal:>8.1f}  {ok}"
        )


def _reference_seconds(repeat: int = 3) -> float:
    """The median time of a fixed pure-Python loop: the machine's pace at that moment."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        sum(k * k for k in range(300_000))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
