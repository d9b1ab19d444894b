"""The real series the nowcast benchmark replays: every value cites the page it was read from."""

from __future__ import annotations

import csv
from pathlib import Path

from planwatch.core.pace import SPREAD_FLOOR

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


def test_the_shipped_floor_is_the_benchmarks_calibration_rounded():
    import sys

    sys.path.insert(0, str(DATA.parents[1]))
    from nowcast import calibrated_floor, cases, read_series

    assert round(calibrated_floor(cases(read_series(DATA))), 1) == SPREAD_FLOOR
