"""Write the illustrative in-year values of the Fuling demo: 2025 January–October, 2024 paths.

    PYTHONPATH=src python scripts/make_inyear_demo.py src/planwatch/data/fuling

Rewrites every sub-annual row of ``observations.csv`` (annual rows are kept as
they are) from the table below, deterministically: a value between two
anchors is interpolated linearly. Each indicator gets values as it is really
published: 规上工业, 投资, 社零, 战新, 外贸 monthly from 1—2月; tax and budget
revenue from January; GDP, income, private economy, construction, energy and
carbon intensity, coverage rates, patents and producer services by quarter;
grain output, R&D intensity, firms with R&D and high-tech firms only yearly
(they have no in-year value, and say so). The 2024 paths end at the seed's
2024 figures, cited by line and checked against the annual rows; the 2025
values already in the dataset before this script (GDP, 规上工业, 投资, 社零
by quarter, new jobs, foreign investment) are kept as anchors. Everything
written here is ``illustrative``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

# indicator: (cumulative?, {year: {period: value}}); periods are months (int) or "Q1"…"Q3".
# An annual anchor of 2024 (key 12 or "Q4") is only checked, never written: the annual row holds it.
Series = dict[int, dict[int | str, float]]
SPEC: dict[str, tuple[bool, Series]] = {
    "gdp_growth": (True, {2024: {"Q1": 6.0, "Q2": 6.3, "Q3": 6.4, "Q4": 6.5},
                          2025: {"Q1": 6.1, "Q2": 6.3, "Q3": 6.2}}),
    "industry_va_growth": (True, {2024: {2: 8.0, 3: 8.3, 6: 8.7, 9: 8.9, 12: 9.0},
                                  2025: {2: 7.6, 3: 8.2, 6: 8.9, 9: 9.1, 10: 9.0}}),
    "fai_growth": (True, {2024: {2: 5.0, 6: 5.6, 9: 5.9, 12: 6.0},
                          2025: {2: 3.6, 3: 4.1, 6: 4.6, 9: 5.2, 10: 5.0}}),
    "retail_growth": (True, {2024: {2: 4.2, 6: 4.6, 9: 4.8, 12: 5.0},
                             2025: {2: 4.5, 3: 4.8, 6: 5.1, 9: 5.3, 10: 5.2}}),
    "trade_growth": (True, {2024: {2: -2.0, 6: 0.5, 12: 1.5},
                            2025: {2: -3.5, 6: -1.2, 10: 0.8}}),
    "tax_revenue_growth": (True, {2024: {1: 5.5, 6: 6.2, 12: 6.8},
                                  2025: {1: 3.0, 6: 4.2, 10: 4.6}}),
    "income_growth": (True, {2024: {"Q1": 5.4, "Q2": 5.5, "Q3": 5.6, "Q4": 5.6},
                             2025: {"Q1": 6.0, "Q2": 5.9, "Q3": 5.8}}),
    "new_urban_jobs": (True, {2024: {1: 0.16, 3: 0.55, 6: 1.15, 9: 1.73, 10: 1.92, 12: 2.3},
                              2025: {1: 0.15, 2: 0.31, 3: 0.52, 4: 0.68, 5: 0.85, 6: 1.04,
                                     7: 1.19, 8: 1.36, 9: 1.52, 10: 1.66}}),
    "unemployment_rate": (True, {2025: {1: 5.3, 2: 5.4, 4: 5.3, 6: 5.2, 10: 5.1}}),
    "energy_intensity_reduction": (True, {2025: {"Q1": 2.1, "Q2": 2.6, "Q3": 2.9}}),
    "carbon_intensity_reduction": (True, {2025: {"Q1": 2.5, "Q2": 3.0, "Q3": 3.3}}),
    "good_air_days": (True, {2025: {1: 19, 2: 40, 3: 66, 6: 152, 9: 243, 10: 271}}),
    "pm25_reduction": (True, {2025: {1: 5.2, 4: 4.1, 7: 3.6, 10: 3.2}}),
    "water_quality_share": (True, {2025: {1: 100.0, 6: 100.0, 7: 95.8, 10: 95.8}}),
    "budget_revenue_growth": (True, {2024: {1: 40.0, 6: 50.0, 12: 55.5},
                                     2025: {1: 6.5, 6: 5.8, 10: 5.4}}),
    "sei_va_growth": (True, {2025: {2: 10.5, 6: 11.2, 10: 11.6}}),
    "private_va_growth": (True, {2025: {"Q1": 5.2, "Q2": 5.5, "Q3": 5.6}}),
    "industrial_investment_growth": (True, {2024: {2: 14.0, 6: 15.2, 9: 15.8, 12: 16.0},
                                            2025: {2: 12.0, 6: 9.5, 9: 8.2, 10: 7.6}}),
    "patents_per_10k": (False, {2025: {"Q1": 8.7, "Q2": 8.9, "Q3": 9.1}}),
    "fdi_utilized": (True, {2024: {3: 738, 6: 1609, 9: 2381, 12: 3353},
                            2025: {3: 180, 6: 460, 9: 640}}),
    "producer_services_share": (True, {2025: {"Q1": 49.2, "Q2": 49.8, "Q3": 50.3}}),
    "agri_processing_output": (True, {2024: {2: 48.0, 6: 153.6, 10: 265.6, 12: 320},
                                      2025: {2: 52.1, 6: 166.7, 10: 288.2}}),
    "online_agri_sales": (True, {2024: {"Q1": 1.32, "Q2": 2.82, "Q3": 4.32, "Q4": 6.0},
                                 2025: {"Q1": 1.53, "Q2": 3.27, "Q3": 5.01}}),
    "construction_output_growth": (True, {2024: {"Q1": 4.0, "Q2": 4.6, "Q3": 5.0, "Q4": 5.2},
                                          2025: {"Q1": 3.1, "Q2": 3.8, "Q3": 4.2}}),
    "pension_coverage": (False, {2025: {"Q1": 96.8, "Q2": 97.0, "Q3": 97.1}}),
    "medical_insurance_coverage": (False, {2025: {"Q1": 95.3, "Q2": 95.4, "Q3": 95.5}}),
    "safety_deaths": (True, {2025: {2: 1, 5: 2, 7: 3, 10: 4}}),
}  # fmt: skip

# The 2024 year-end anchors above, and where the seed (or the dataset) states them.
ANNUAL_2024 = {
    "gdp_growth": (6.5, "seed:L33"),
    "industry_va_growth": (9.0, "seed:L33"),
    "fai_growth": (6.0, "seed:L33"),
    "retail_growth": (5.0, "seed:L33"),
    "budget_revenue_growth": (55.5, "seed:L33"),
    "income_growth": (5.6, "seed:L37"),
    "new_urban_jobs": (2.3, "seed:L37"),
    "fdi_utilized": (3353, "seed:L49"),
    "industrial_investment_growth": (16.0, "seed:L53"),
    "agri_processing_output": (320, "seed:L57"),
    "online_agri_sales": (6.0, "seed:L57"),
    "trade_growth": (1.5, "illustrative"),
    "tax_revenue_growth": (6.8, "illustrative"),
    "construction_output_growth": (5.2, "illustrative"),
}
LAST_MONTH = {2024: 11, 2025: 10}  # the 2025 demo stands at October; 2024 runs to November
DECIMALS = {"good_air_days": 0, "safety_deaths": 0, "fdi_utilized": 0}
DECIMALS |= {"new_urban_jobs": 2, "online_agri_sales": 2}  # 万人 and 亿元 carry two
ANCHORS_ONLY = {"fdi_utilized"}  # reported at quarter ends only, as before this script


def periods(code: str, series: dict[int | str, float], year: int) -> list[tuple[str, float]]:
    """Every period of ``series`` up to the year's last month, anchors interpolated."""
    if all(isinstance(k, str) for k in series):
        quarters = {int(str(k)[1]): v for k, v in series.items()}
        filled = _fill(quarters, min(quarters), 3)
        return [(f"{year}-Q{q}", v) for q, v in filled.items()]
    months = {int(k): v for k, v in series.items()}
    filled = _fill(months, min(months), LAST_MONTH[year])
    if code in ANCHORS_ONLY:
        filled = {m: v for m, v in filled.items() if m in months}
    return [(f"{year}-{m:02d}", v) for m, v in filled.items()]


def _fill(anchors: dict[int, float], first: int, last: int) -> dict[int, float]:
    keys = sorted(anchors)
    out = {}
    for n in range(first, last + 1):
        if n > keys[-1]:
            break
        below = max(k for k in keys if k <= n)
        above = min(k for k in keys if k >= n)
        if below == above:
            out[n] = anchors[n]
        else:
            t = (n - below) / (above - below)
            out[n] = anchors[below] + t * (anchors[above] - anchors[below])
    return out


def check_annual(rows: list[dict[str, str]]) -> None:
    stated = {(r["indicator"], r["period"]): float(r["value"]) for r in rows}
    for code, (value, source) in ANNUAL_2024.items():
        assert stated.get((code, "2024")) == value, f"{code} 2024 is not {value} ({source})"
        year_end = SPEC[code][1][2024]
        assert year_end.get(12, year_end.get("Q4")) == value, f"{code}'s 2024 path ends elsewhere"


def main(directory: Path) -> None:
    path = directory / "observations.csv"
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        annual = [r for r in reader if "-" not in r["period"]]
    check_annual(annual)
    generated = []
    for code, (cumulative, years) in SPEC.items():
        for year in sorted(years):
            for period, value in periods(code, years[year], year):
                shown = round(value, DECIMALS.get(code, 1))
                generated.append(
                    {
                        "indicator": code,
                        "period": period,
                        "value": f"{shown:g}",
                        "status": "actual",
                        "cumulative": "true" if cumulative else "false",
                        "source": "illustrative",
                        "note": "",
                    }
                )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(annual + generated)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
