"""Extraction throughput (MB/s of UTF-8 text on one core) and peak memory.

Goal (issue 3): at least 1 MB/s. Inputs: the seed report repeated 50 times (one
long document, so the tree and the line loop are exercised at scale), the seed
once, and every fixture of other regions. Time is process time, best of
three; peak memory is measured by tracemalloc in a separate run, because
tracing slows Python down.

    PYTHONPATH=src .venv/bin/python benchmarks/extract.py
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from planwatch.extract import extract_statements, read_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "fuling-2024-plan-report.txt"
FIXTURES = ROOT / "tests" / "extract" / "fixtures"


def inputs() -> list[tuple[str, str]]:
    runs = []
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        runs += [("seed ×1", seed), ("seed ×50", "\n".join([seed] * 50))]
    fixtures = [read_report(p) for p in sorted(FIXTURES.glob("*.txt"))]
    runs.append((f"{len(fixtures)} fixtures ×20", "\n".join(fixtures * 20)))
    return runs


def best_time(text: str, repeat: int = 3) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        count = len(extract_statements(text))
        best = min(best, time.process_time() - start)
    return best, count


def peak_memory(text: str) -> int:
    tracemalloc.start()
    extract_statements(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    print(f"{'input':<18}{'MB':>8}{'statements':>12}{'time (s)':>10}{'MB/s':>8}{'peak MB':>9}")
    for label, text in inputs():
        megabytes = len(text.encode("utf-8")) / 1e6
        seconds, count = best_time(text)
        peak = peak_memory(text) / 1e6
        rate = megabytes / seconds if seconds else float("inf")
        print(f"{label:<18}{megabytes:>8.2f}{count:>12,}{seconds:>10.3f}{rate:>8.2f}{peak:>9.1f}")
    print("goal: >= 1 MB/s on one core")


if __name__ == "__main__":
    main()
