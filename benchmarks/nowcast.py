"""Year-end nowcast accuracy on real published monthly cumulative series.

For each series and year with a published full-year growth, and each month N
with a published January–N growth, nowcast the full year from the readings up
to N with the naive baseline (January–N growth carried to December), with the
momentum variant (the remaining months grow halfway towards the growth of the
months since the previous reading) and with what planwatch ships
(``core.pace.nowcast_growth`` with its default ``MOMENTUM``). Prints the mean
absolute error by month, the share of years whose actual falls inside the
shipped interval, and the same with the pandemic years 2020–2021 left out.

    .venv/bin/python benchmarks/nowcast.py [--csv benchmarks/data/monthly_cumulative.csv]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from planwatch.core.pace import nowcast_growth

DATA = Path(__file__).resolve().parent / "data" / "monthly_cumulative.csv"
PANDEMIC = {2020, 2021}


@dataclass(frozen=True)
class Case:
    series: str
    year: int
    month: int
    actual: float
    naive: float
    momentum: float
    method: float
    low: float
    high: float

    @property
    def covered(self) -> bool:
        return self.low <= self.actual <= self.high


def read_series(path: Path) -> dict[tuple[str, str, int], dict[int, float]]:
    """(series, region, year) → {months: January–N growth}; 12 is the full year."""
    table: dict[tuple[str, str, int], dict[int, float]] = defaultdict(dict)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["series"], row["region"], int(row["year"]))
            table[key][int(row["months"])] = float(row["ytd_growth"])
    return table


def cases(table: dict[tuple[str, str, int], dict[int, float]]) -> list[Case]:
    out = []
    for (series, region, year), values in sorted(table.items()):
        if 12 not in values:
            continue
        months = sorted(m for m in values if m < 12)
        for position, month in enumerate(months):
            readings = [(m / 12, values[m]) for m in months[: position + 1]]
            cast = nowcast_growth(readings)
            out.append(
                Case(
                    f"{series}/{region}",
                    year,
                    month,
                    values[12],
                    values[month],
                    nowcast_growth(readings, momentum=0.5).central,
                    cast.central,
                    cast.low,
                    cast.high,
                )
            )
    return out


def table_by_month(rows: list[Case]) -> list[str]:
    lines = [
        "| month N | cases | naive MAE | momentum 0.5 MAE | shipped MAE | interval coverage |",
        "|---|---|---|---|---|---|",
    ]
    by_month: dict[int, list[Case]] = defaultdict(list)
    for case in rows:
        by_month[case.month].append(case)
    for month in sorted(by_month):
        group = by_month[month]
        lines.append(_line(f"1–{month}", group))
    lines.append(_line("all", rows))
    return lines


def _line(label: str, group: list[Case]) -> str:
    n = len(group)
    naive = sum(abs(c.naive - c.actual) for c in group) / n
    momentum = sum(abs(c.momentum - c.actual) for c in group) / n
    method = sum(abs(c.method - c.actual) for c in group) / n
    covered = sum(c.covered for c in group)
    return (
        f"| {label} | {n} | {naive:.2f} | {momentum:.2f} | {method:.2f} "
        f"| {covered}/{n} ({covered / n:.0%}) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DATA)
    args = parser.parse_args()
    rows = cases(read_series(args.csv))
    years = sorted({(c.series, c.year) for c in rows})
    print(f"{len(rows)} nowcasts of {len(years)} series-years (errors in percentage points)\n")
    print("All years:")
    print("\n".join(table_by_month(rows)))
    calm = [c for c in rows if c.year not in PANDEMIC]
    print("\nWithout 2020–2021:")
    print("\n".join(table_by_month(calm)))


if __name__ == "__main__":
    main()
