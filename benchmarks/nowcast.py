"""Year-end nowcast accuracy on real published monthly cumulative series.

For each series and year with a published full-year growth, and each month N
with a published January–N growth, nowcast the full year from the readings up
to N with the naive baseline (January–N growth carried to December), with the
momentum variant (the remaining months grow halfway towards the growth of the
months since the previous reading) and with what planwatch ships
(``core.pace.nowcast_growth`` with its defaults). Prints the mean absolute
error by month, the share of actuals inside the shipped interval, and the same
for an interval whose floor is calibrated leaving the series-year out: the
80th percentile of how far the remaining months strayed from the year-to-date
growth in the other ordinary (not 2020–2021) series-years. The floor
calibrated on all ordinary series-years is printed last: it is
``core.pace.SPREAD_FLOOR``.

    .venv/bin/python benchmarks/nowcast.py [--csv benchmarks/data/monthly_cumulative.csv]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from planwatch.core.pace import SPREAD_FLOOR, nowcast_growth

DATA = Path(__file__).resolve().parent / "data" / "monthly_cumulative.csv"
PANDEMIC = {2020, 2021}
QUANTILE = 0.8
Table = dict[tuple[str, str, int], dict[int, float]]


@dataclass(frozen=True)
class Case:
    series: str
    year: int
    month: int
    actual: float
    readings: tuple[tuple[float, float], ...]

    @property
    def naive(self) -> float:
        return self.readings[-1][1]

    @property
    def stray(self) -> float:
        """How far the remaining months grew from the year-to-date growth (points)."""
        share = self.month / 12
        return abs(self.actual - self.naive) / (1 - share)

    def covered(self, floor: float) -> bool:
        cast = nowcast_growth(self.readings, spread_floor=floor)
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
        months = sorted(m for m in values if m < 12)
        for position, month in enumerate(months):
            readings = tuple((m / 12, values[m]) for m in months[: position + 1])
            out.append(Case(f"{series}/{region}", year, month, values[12], readings))
    return out


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return SPREAD_FLOOR
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def calibrated_floor(rows: list[Case], leave_out: tuple[str, int] | None = None) -> float:
    strays = [c.stray for c in rows if c.year not in PANDEMIC and (c.series, c.year) != leave_out]
    return quantile(strays, QUANTILE)


def table_by_month(rows: list[Case], everything: list[Case]) -> list[str]:
    lines = [
        "| month N | cases | naive MAE | momentum 0.5 MAE | shipped MAE "
        "| shipped interval coverage | leave-one-out calibrated coverage |",
        "|---|---|---|---|---|---|---|",
    ]
    by_month: dict[int, list[Case]] = defaultdict(list)
    for case in rows:
        by_month[case.month].append(case)
    for month in sorted(by_month):
        lines.append(_line(f"1–{month}", by_month[month], everything))
    lines.append(_line("all", rows, everything))
    return lines


def _line(label: str, group: list[Case], everything: list[Case]) -> str:
    n = len(group)
    naive = sum(abs(c.naive - c.actual) for c in group) / n
    momentum = sum(abs(nowcast_growth(c.readings, momentum=0.5).central - c.actual) for c in group)
    shipped = sum(abs(nowcast_growth(c.readings).central - c.actual) for c in group)
    covered = sum(c.covered(SPREAD_FLOOR) for c in group)
    loo = sum(c.covered(calibrated_floor(everything, (c.series, c.year))) for c in group)
    return (
        f"| {label} | {n} | {naive:.2f} | {momentum / n:.2f} | {shipped / n:.2f} "
        f"| {covered}/{n} ({covered / n:.0%}) | {loo}/{n} ({loo / n:.0%}) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DATA)
    args = parser.parse_args()
    rows = cases(read_series(args.csv))
    years = sorted({(c.series, c.year) for c in rows})
    print(f"{len(rows)} nowcasts of {len(years)} series-years (errors in percentage points)\n")
    print("All years:")
    print("\n".join(table_by_month(rows, rows)))
    calm = [c for c in rows if c.year not in PANDEMIC]
    print("\nWithout 2020–2021:")
    print("\n".join(table_by_month(calm, rows)))
    print(
        f"\nFloor calibrated on every ordinary series-year ({QUANTILE:.0%} of strays): "
        f"{calibrated_floor(rows):.2f} points; core.pace.SPREAD_FLOOR = {SPREAD_FLOOR}"
    )


if __name__ == "__main__":
    main()
