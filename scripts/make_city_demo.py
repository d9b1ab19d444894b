"""Write the illustrative districts of the city demo beside Fuling (deterministic).

    PYTHONPATH=src python scripts/make_city_demo.py src/planwatch/data/city

Three districts of 重庆市 that do not exist (示例甲区, 示例乙区, 示例丙县): 示例数据,
so the city view has districts to compare and rank. Each is a dataset directory
the demo loads through the same loaders as Fuling's
(:func:`planwatch.web.plan.services.load_dataset`,
:func:`planwatch.web.projects.demo.load_year`). Values are derived from
Fuling's: rates move by a district offset plus noise, amounts scale with the
district's size; one district has not reported its third quarter (未报); a
tenth of Fuling's register is copied with its own codes and the district's pace.
Snapshot as Fuling's: values up to October 2025.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from planwatch.core.dataset import read_dataset
from planwatch.core.indicators import Kind

FULING = Path(__file__).resolve().parent.parent / "src" / "planwatch" / "data" / "fuling"
NOTE = "示例数据"
LATE = {"2025-09", "2025-10", "2025-Q3"}  # what a late district has not reported yet
DAYS_OF_YEAR = {"good_air_days"}  # a count of days does not grow with a district's size


@dataclass(frozen=True)
class District:
    code: str
    name: str
    name_en: str
    prefix: str  # of its project codes
    size: float  # amounts (GDP, jobs, output) against Fuling's
    offset: float  # growth rates, in percentage points against Fuling's
    pace: float  # investment completed against Fuling's projects
    late: bool = False  # has not reported its third quarter (LATE)


DISTRICTS = (
    District("sample-a", "示例甲区", "Sample District A (illustrative)", "SA", 1.3, 0.8, 1.05),
    District("sample-b", "示例乙区", "Sample District B (illustrative)", "SB", 0.7, -0.6, 0.85),
    District(
        "sample-c", "示例丙县", "Sample County C (illustrative)", "SC", 0.5, 0.2, 0.95, late=True
    ),
)


def main(out: Path) -> None:
    dataset = read_dataset(FULING)
    kinds = {i.code: i.kind for i in dataset.indicators}
    for district in DISTRICTS:
        at = out / district.code
        at.mkdir(parents=True, exist_ok=True)
        rnd = random.Random(district.code)
        _region(at, district)
        _copy(FULING / "indicators.csv", at / "indicators.csv")
        _copy(FULING / "departments.csv", at / "departments.csv")
        _targets(at, district, kinds)
        _observations(at, district, kinds, rnd)
        _projects(at, district, rnd)


def _region(at: Path, district: District) -> None:
    (at / "region.toml").write_text(
        f"# {NOTE}: a district that does not exist, derived from Fuling's data"
        " by scripts/make_city_demo.py\n"
        f'code = "{district.code}"\nname = "{district.name}"\nname_en = "{district.name_en}"\n'
        'parent = "重庆市"\nparent_code = "chongqing"\n'
        'parent_name_en = "Chongqing Municipality"\nyears = [2024, 2025]\n',
        encoding="utf-8",
    )


def _copy(source: Path, target: Path) -> None:
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")


def _targets(at: Path, district: District, kinds: dict[str, Kind]) -> None:
    rows = _read(FULING / "targets.csv")
    for row in rows:
        if row["value"] and not kinds[row["indicator"]].is_rate:
            value = _round(float(row["value"]) * district.size)
            row["text"] = re.sub(r"\d+(\.\d+)?", _number(value), row["text"], count=1)
            row["value"] = _number(value)
        row["source"] = "illustrative"
    _write(at / "targets.csv", rows)


def _observations(at: Path, district: District, kinds: dict[str, Kind], rnd: random.Random) -> None:
    rows = []
    for row in _read(FULING / "observations.csv"):
        if district.late and row["period"] in LATE:
            continue
        kind, value = kinds[row["indicator"]], float(row["value"])
        if row["indicator"] in DAYS_OF_YEAR:
            value = float(min(365, round(value * rnd.uniform(0.95, 1.02))))
        elif kind is Kind.GROWTH:
            value = round(value + district.offset + rnd.uniform(-0.5, 0.5), 1)
        elif kind is Kind.SHARE:
            value = min(100.0, round(value + rnd.uniform(-1.0, 1.0) * district.offset, 1))
        else:
            value = _round(value * district.size * rnd.uniform(0.97, 1.03))
        rows.append({**row, "value": _number(value), "source": "illustrative", "note": NOTE})
    _write(at / "observations.csv", rows)


def _projects(at: Path, district: District, rnd: random.Random) -> None:
    register = _read(FULING / "projects-2025.csv")[::10]
    kept = {row["code"] for row in register}
    for row in register:
        row["code"] = _code(row["code"], district.prefix)
    _write(at / "projects-2025.csv", register)
    progress = [row for row in _read(FULING / "progress-2025.csv") if row["project"] in kept]
    for row in progress:
        row["project"] = _code(row["project"], district.prefix)
        pace = district.pace * rnd.uniform(0.95, 1.05)
        row["completed"] = str(round(float(row["completed"]) * pace))
    _write(at / "progress-2025.csv", progress)


def _code(code: str, prefix: str) -> str:
    year, kind, number = code.split("-")
    return f"{year}-{prefix}{kind}-{number}"


def _round(value: float) -> float:
    return round(value, 2) if value < 100 else float(round(value))


def _number(value: float) -> str:
    return f"{value:g}"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
