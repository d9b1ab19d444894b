"""Year-end nowcast accuracy on real published monthly cumulative series.

For each series and year with a published full-year growth, and each month N
with a published January–N growth, nowcast the full year from the readings up
to N with:

- the naive baseline: January–N growth carried to December;
- momentum 0.5: the remaining months grow halfway towards the growth of the
  months since the previous reading;
- last year, left out: the remaining months grow at the year-to-date growth
  moved ``k`` of the way towards last year's full-year growth, with ``k``
  fitted on the other ordinary (not 2020–2021) series-years — the honest,
  out-of-sample score of the shipped method;
- what planwatch ships (``core.pace.nowcast_growth`` with its defaults and
  last year's growth).

Prints the mean absolute error by month, the share of actuals inside the
shipped interval, and the same for an interval whose reversion and floor are
both fitted leaving the series-year out. The floor is the 80th percentile of
how far the remaining months strayed from their forecast in the other
ordinary series-years. The reversion and floor fitted on every ordinary
series-year are printed last: they are ``core.pace.REVERSION`` and
``core.pace.SPREAD_FLOOR``.

    .venv/bin/python benchmarks/nowcast.py [--csv benchmarks/data/monthly_cumulative.csv]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from planwatch.core.pace import REVERSION, SPREAD_FLOOR, GrowthNowcast, nowcast_growth
from planwatch.extract import Measure, extract_statements

DATA = Path(__file__).resolve().parent / "data" / "monthly_cumulative.csv"
SENTENCES = DATA.with_name("release_sentences.csv")
PANDEMIC = {2020, 2021}
QUANTILE = 0.8
GRID = tuple(i / 20 for i in range(21))
Table = dict[tuple[str, str, int], dict[int, float]]


@dataclass(frozen=True)
class Case:
    series: str
    year: int
    month: int
    actual: float
    readings: tuple[tuple[float, float], ...]
    last_year: float | None  # last year's published full-year growth

    @property
    def naive(self) -> float:
        return self.readings[-1][1]

    @property
    def ordinary(self) -> bool:
        return self.year not in PANDEMIC

    def nowcast(
        self, reversion: float, floor: float = SPREAD_FLOOR, momentum: float = 0.0
    ) -> GrowthNowcast:
        return nowcast_growth(
            self.readings,
            last_year=self.last_year,
            reversion=reversion,
            spread_floor=floor,
            momentum=momentum,
        )

    def stray(self, reversion: float) -> float:
        """How far the remaining months grew from their forecast (points)."""
        return abs(self.actual - self.nowcast(reversion).central) / (1 - self.month / 12)

    def covered(self, reversion: float, floor: float) -> bool:
        cast = self.nowcast(reversion, floor)
        return cast.low <= self.actual <= cast.high


def read_series(path: Path) -> Table:
    """(series, region, year) → {months: January–N growth}; 12 is the full year."""
    table: Table = defaultdict(dict)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["series"], row["region"], int(row["year"]))
            table[key][int(row["months"])] = float(row["ytd_growth"])
    return table


def cases(table: Table) -> list[Case]:
    out = []
    for (series, region, year), values in sorted(table.items()):
        if 12 not in values:
            continue
        last_year = table.get((series, region, year - 1), {}).get(12)
        months = sorted(m for m in values if m < 12)
        for position, month in enumerate(months):
            readings = tuple((m / 12, values[m]) for m in months[: position + 1])
            name = f"{series}/{region}"
            out.append(Case(name, year, month, values[12], readings, last_year))
    return out


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return SPREAD_FLOOR
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _training(rows: list[Case], leave_out: tuple[str, int] | None) -> list[Case]:
    return [c for c in rows if c.ordinary and (c.series, c.year) != leave_out]


def fitted_reversion(rows: list[Case], leave_out: tuple[str, int] | None = None) -> float:
    """The reversion of the grid with the least absolute error on the ordinary series-years."""
    train = _training(rows, leave_out)
    return min(GRID, key=lambda k: sum(abs(c.nowcast(k).central - c.actual) for c in train))


def calibrated_floor(
    rows: list[Case], leave_out: tuple[str, int] | None = None, reversion: float = REVERSION
) -> float:
    return quantile([c.stray(reversion) for c in _training(rows, leave_out)], QUANTILE)


def table_by_month(rows: list[Case], everything: list[Case]) -> list[str]:
    lines = [
        "| month N | cases | naive MAE | momentum 0.5 MAE | last year, left out MAE "
        "| shipped MAE | shipped interval coverage | left-out interval coverage |",
        "|---|---|---|---|---|---|---|---|",
    ]
    by_month: dict[int, list[Case]] = defaultdict(list)
    for case in rows:
        by_month[case.month].append(case)
    for month in sorted(by_month):
        lines.append(_line(f"1–{month}", by_month[month], everything))
    lines.append(_line("all", rows, everything))
    return lines


def _line(label: str, group: list[Case], everything: list[Case]) -> str:
    @cache
    def left_out(key: tuple[str, int]) -> tuple[float, float]:
        k = fitted_reversion(everything, key)
        return k, calibrated_floor(everything, key, k)

    n = len(group)
    naive = sum(abs(c.naive - c.actual) for c in group) / n
    momentum = sum(abs(c.nowcast(0.0, momentum=0.5).central - c.actual) for c in group) / n
    loo = sum(abs(c.nowcast(left_out((c.series, c.year))[0]).central - c.actual) for c in group)
    shipped = sum(abs(c.nowcast(REVERSION).central - c.actual) for c in group) / n
    covered = sum(c.covered(REVERSION, SPREAD_FLOOR) for c in group)
    loo_covered = sum(c.covered(*left_out((c.series, c.year))) for c in group)
    return (
        f"| {label} | {n} | {naive:.2f} | {momentum:.2f} | {loo / n:.2f} | {shipped:.2f} "
        f"| {covered}/{n} ({covered / n:.0%}) | {loo_covered}/{n} ({loo_covered / n:.0%}) |"
    )


def table_by_series(rows: list[Case], everything: list[Case]) -> list[str]:
    """Naive against the left-out method per series, and on the cases with last year known."""
    lines = ["| series | cases | naive MAE | last year, left out MAE |", "|---|---|---|---|"]
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in rows:
        groups[case.series].append(case)
    groups["with last year's growth known"] = [c for c in rows if c.last_year is not None]
    for name, group in groups.items():
        n = len(group)
        naive = sum(abs(c.naive - c.actual) for c in group) / n
        left_out = sum(
            abs(c.nowcast(fitted_reversion(everything, (c.series, c.year))).central - c.actual)
            for c in group
        )
        lines.append(f"| {name} | {n} | {naive:.2f} | {left_out / n:.2f} |")
    return lines


def read_back(table: Table, path: Path = SENTENCES) -> list[tuple[dict[str, str], bool]]:
    """Each quoted sentence and whether ``planwatch extract`` reads its kept value as a growth."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["series"], row["region"], int(row["year"]))
            kept = table[key][int(row["months"])]
            growths = [
                s.value for s in extract_statements(row["sentence"]) if s.measure is Measure.GROWTH
            ]
            out.append((row, kept in growths))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DATA)
    args = parser.parse_args()
    rows = cases(read_series(args.csv))
    years = sorted({(c.series, c.year) for c in rows})
    with_last = sum(c.last_year is not None for c in rows)
    print(
        f"{len(rows)} nowcasts of {len(years)} series-years, {with_last} with last year's "
        "full-year growth (errors in percentage points)\n"
    )
    print("All years:")
    print("\n".join(table_by_month(rows, rows)))
    print("\nWithout 2020–2021:")
    print("\n".join(table_by_month([c for c in rows if c.ordinary], rows)))
    print("\nBy series, without 2020–2021:")
    print("\n".join(table_by_series([c for c in rows if c.ordinary], rows)))
    k = fitted_reversion(rows)
    floor = calibrated_floor(rows, reversion=k)
    print(
        f"\nFitted on every ordinary series-year: reversion {k:.2f} "
        f"(core.pace.REVERSION = {REVERSION}), floor ({QUANTILE:.0%} of strays) "
        f"{floor:.2f} points (core.pace.SPREAD_FLOOR = {SPREAD_FLOOR})"
    )
    read = read_back(read_series(args.csv))
    misses = [f"{r['region']} {r['year']} 1–{r['months']}" for r, ok in read if not ok]
    print(
        f"\nplanwatch extract reads the kept growth back from {len(read) - len(misses)} of "
        f"{len(read)} quoted release sentences; missed: {', '.join(misses) or 'none'}"
    )


if __name__ == "__main__":
    main()
