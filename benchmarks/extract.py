"""Extraction cost against its floor: CPU seconds per MB, and the same for a plain regex pass.

The floor is what any reader must at least do: one regular-expression pass
that finds every number (digits, decimals, Chinese numerals) over the same
text. The extractor produces full statements (subject, measure, qualifier,
status, period) and is measured against that floor in the same run; goal
(issue 14): at most 10x the floor. Inputs: the seed report repeated 50 times
(one long document), the seed once, and every fixture of other regions.
CPU time is process time: cold is the first run in this process, warm the
best of three. Peak memory is measured by tracemalloc in a separate run,
because tracing slows Python down.

    PYTHONPATH=src .venv/bin/python benchmarks/extract.py
"""

from __future__ import annotations

import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from planwatch.extract import extract_statements, read_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "fuling-2024-plan-report.txt"
FIXTURES = ROOT / "tests" / "extract" / "fixtures"
GOAL = 10.0

_NUMBER = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")


def numbers_only(text: str) -> int:
    """The floor: every number of the text, found by one regex pass."""
    return sum(1 for _ in _NUMBER.finditer(text))


def statements(text: str) -> int:
    return len(extract_statements(text))


def inputs() -> list[tuple[str, str]]:
    runs = []
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        runs += [("seed ×1", seed), ("seed ×50", "\n".join([seed] * 50))]
    fixtures = [read_report(p) for p in sorted(FIXTURES.rglob("*.txt"))]
    runs.append((f"{len(fixtures)} fixtures ×20", "\n".join(fixtures * 20)))
    return runs


def cpu(work: Callable[[str], int], text: str, repeat: int = 3) -> tuple[float, float, int]:
    """Cold (first) and warm (best of the rest) process time, and the work's count."""
    times, count = [], 0
    for _ in range(repeat + 1):
        start = time.process_time()
        count = work(text)
        times.append(time.process_time() - start)
    return times[0], min(times[1:]), count


def peak_memory(text: str) -> int:
    tracemalloc.start()
    extract_statements(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    head = (
        f"{'input':<18}{'MB':>6}{'stmts':>8}{'numbers':>9}{'cold s/MB':>11}{'warm s/MB':>11}"
        f"{'floor s/MB':>12}{'ratio':>8}{'peak MB':>9}"
    )
    print(head)
    for label, text in inputs():
        megabytes = len(text.encode("utf-8")) / 1e6
        cold, warm, found = cpu(statements, text)
        _, floor, numbers = cpu(numbers_only, text)
        ratio = warm / floor if floor else float("inf")
        peak = peak_memory(text) / 1e6
        print(
            f"{label:<18}{megabytes:>6.2f}{found:>8,}{numbers:>9,}{cold / megabytes:>11.3f}"
            f"{warm / megabytes:>11.3f}{floor / megabytes:>12.4f}{ratio:>7.0f}x{peak:>9.1f}"
        )
    print(f"ratio: warm extraction CPU time / regex floor CPU time; goal <= {GOAL:g}x")


if __name__ == "__main__":
    main()
