"""The real series the nowcast benchmark replays: every value cites the page it was read from."""

from __future__ import annotations

import csv
from pathlib import Path

from planwatch.core.pace import REVERSION, SPREAD_FLOOR

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "monthly_cumulative.csv"


def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_value_cites_a_page_and_is_a_growth_of_one_span_of_months():
    seen = set()
    for row in rows():
        assert row["source"].startswith(("http://", "https://")), row
        assert 2 <= int(row["months"]) <= 12 or int(row["months"]) == 1, row
        assert -50 < float(row["ytd_growth"]) < 50, row
        key = (row["series"], row["region"], row["year"], row["months"])
        assert key not in seen, f"{key} twice"
        seen.add(key)


def _benchmark():
    import sys

    sys.path.insert(0, str(DATA.parents[1]))
    import nowcast

    return nowcast


def test_the_shipped_reversion_and_floor_are_the_benchmarks_fit_rounded():
    bench = _benchmark()
    rows = bench.cases(bench.read_series(DATA))
    assert bench.fitted_reversion(rows) == REVERSION
    assert round(bench.calibrated_floor(rows, reversion=REVERSION), 1) == SPREAD_FLOOR


def test_left_out_the_shipped_method_beats_carrying_the_year_to_date_forward():
    bench = _benchmark()
    rows = [c for c in bench.cases(bench.read_series(DATA)) if c.ordinary]
    naive = sum(abs(c.naive - c.actual) for c in rows)
    left_out = sum(
        abs(c.nowcast(bench.fitted_reversion(rows, (c.series, c.year))).central - c.actual)
        for c in rows
    )
    assert left_out < naive


TRADITIONAL = {("全国", "2023", "9")}  # 全國…增長3.1%: extract does not read 增長 as a growth yet


def test_planwatch_extract_reads_the_kept_values_back_from_the_quoted_releases():
    bench = _benchmark()
    read = bench.read_back(bench.read_series(DATA))
    assert len(read) == 12
    for row, found in read:
        assert row["source"].startswith(("http://", "https://"))
        assert found is ((row["region"], row["year"], row["months"]) not in TRADITIONAL), row
