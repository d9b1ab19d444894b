"""Read a dataset directory (a region's plan in reviewable text files) into core objects.

Layout of a dataset directory::

    region.toml        region code and names; per-year summary settings
    indicators.csv     the indicator catalog, in the plan's order
    targets.csv        one row per indicator and year
    observations.csv   actuals and estimates, each with its source

Every value cites its source: ``seed:L<n>`` for a line of the published
report, ``illustrative`` or ``synthetic`` where the record is silent.
Reading is all-or-nothing: every problem is collected, with file, line and
reason, and raised together as one :class:`DatasetError`.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from planwatch.core.errors import DatasetError, DatasetProblem, InvalidValue
from planwatch.core.evaluation import Verdict
from planwatch.core.indicators import Binding, Direction, Indicator, Kind
from planwatch.core.observations import Observation, Period, Status
from planwatch.core.report_text import read_report_text
from planwatch.core.targets import Target, TargetForm
from planwatch.core.task_dataset import sub_target_codes
from planwatch.core.units import is_known_unit

SOURCE_PATTERN = re.compile(r"^(seed:L\d+(-\d+)?|illustrative|synthetic|[a-z][\w-]*:\S+)$")

E = TypeVar("E")


@dataclass(frozen=True)
class Region:
    """A region's names; ``parent`` names the city it belongs to (重庆市), ``parent_code``
    the city's code when the dataset gives it (the city is then created if it is new)."""

    code: str
    name: str
    name_en: str = ""
    parent: str = ""
    parent_code: str = ""
    parent_name_en: str = ""


@dataclass(frozen=True)
class Dataset:
    region: Region
    indicators: list[Indicator]
    targets: list[Target]
    observations: list[Observation]
    years: tuple[int, ...] = ()
    summary_examples: dict[int, dict[Verdict, str]] = field(default_factory=dict)


class _Problems:
    def __init__(self) -> None:
        self.items: list[DatasetProblem] = []

    def add(self, file: str, line: int, reason: str) -> None:
        self.items.append(DatasetProblem(file, line, reason))


def read_dataset(directory: Path) -> Dataset:
    """Read and validate a dataset directory; raise :class:`DatasetError` listing every problem."""
    problems = _Problems()
    if not directory.is_dir():
        raise DatasetError([DatasetProblem(str(directory), 0, "not a dataset directory")])
    region, years, examples = _read_region(directory / "region.toml", problems)
    indicators = _read_indicators(directory / "indicators.csv", problems)
    codes = {i.code for i in indicators}
    targets = _read_targets(directory / "targets.csv", codes, problems)
    observations = _read_observations(directory / "observations.csv", codes, problems)
    for year, chosen in examples.items():
        for verdict, code in chosen.items():
            if code not in codes:
                problems.add(
                    "region.toml",
                    0,
                    f"summary example {code!r} ({year}, {verdict}) is not an indicator",
                )
    _check_report_texts(directory, codes, problems)
    if problems.items:
        raise DatasetError(problems.items)
    assert region is not None
    return Dataset(region, indicators, targets, observations, years, examples)


def _check_report_texts(directory: Path, codes: set[str], problems: _Problems) -> None:
    """Each ``report-<year>.toml``: every number of its text refers to a stored value —
    an indicator, a sub-target of ``tasks-<year>.toml`` or a fact of its own."""
    for path in sorted(directory.glob("report-*.toml")):
        tasks = directory / f"tasks-{path.stem.removeprefix('report-')}.toml"
        known = codes | (sub_target_codes(tasks) if tasks.is_file() else set())
        try:
            read_report_text(path, known)
        except DatasetError as exc:
            for problem in exc.problems:
                problems.add(problem.file, problem.line, problem.reason)


def read_catalog(path: Path) -> list[Indicator]:
    """Read an indicator catalog file alone (``indicators.csv``), all or nothing."""
    problems = _Problems()
    indicators = _read_indicators(path, problems)
    if problems.items:
        raise DatasetError(problems.items)
    return indicators


def read_region(directory: Path) -> Region:
    """The region a dataset directory belongs to (its ``region.toml``), all or nothing."""
    problems = _Problems()
    region, _, _ = _read_region(directory / "region.toml", problems)
    if problems.items or region is None:
        raise DatasetError(problems.items)
    return region


def _read_region(
    path: Path, problems: _Problems
) -> tuple[Region | None, tuple[int, ...], dict[int, dict[Verdict, str]]]:
    if not path.exists():
        problems.add(path.name, 0, "file is missing")
        return None, (), {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.add(path.name, 0, f"not valid TOML: {exc}")
        return None, (), {}
    try:
        region = Region(
            str(data["code"]),
            str(data["name"]),
            str(data.get("name_en", "")),
            str(data.get("parent", "")),
            str(data.get("parent_code", "")),
            str(data.get("parent_name_en", "")),
        )
        years = tuple(int(y) for y in data.get("years", []))
        examples = {
            int(year): {Verdict(v): str(code) for v, code in settings.get("examples", {}).items()}
            for year, settings in data.get("summary", {}).items()
        }
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        problems.add(path.name, 0, f"bad region settings: {exc}")
        return None, (), {}
    return region, years, examples


def _rows(
    path: Path, required: tuple[str, ...], problems: _Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) of a CSV file whose header holds ``required``."""
    if not path.exists():
        problems.add(path.name, 0, "file is missing")
        return
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(path.name, 0, "not UTF-8 text")
        return
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        problems.add(path.name, 1, f"missing column(s): {', '.join(missing)}")
        return
    for row in reader:
        if not any((v or "").strip() for v in row.values()):
            continue
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None}


def _parse(
    file: str, line: int, problems: _Problems, what: str, make: Callable[..., E], *args: object
) -> E | None:
    try:
        return make(*args)
    except (ValueError, InvalidValue) as exc:
        detail = exc.message if isinstance(exc, InvalidValue) else str(exc)
        problems.add(file, line, f"{what}: {detail}")
        return None


def _number(text: str) -> float | None:
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None


def _check_source(file: str, line: int, source: str, problems: _Problems) -> None:
    if not SOURCE_PATTERN.match(source):
        problems.add(
            file, line, f"source {source!r} is not seed:L<n>, illustrative, synthetic or kind:ref"
        )


def _read_indicators(path: Path, problems: _Problems) -> list[Indicator]:
    columns = ("code", "name", "unit", "kind", "direction", "binding")
    indicators: list[Indicator] = []
    seen: dict[str, int] = {}
    for line, row in _rows(path, columns, problems):
        for key in (row["code"], row["name"]):
            if key in seen:
                problems.add(
                    path.name, line, f"duplicate indicator {key!r} (first on line {seen[key]})"
                )
        seen.setdefault(row["code"], line)
        seen.setdefault(row["name"], line)
        if not is_known_unit(row["unit"]):
            problems.add(path.name, line, f"unknown unit {row['unit']!r}")
        indicator = _parse(path.name, line, problems, "indicator", _indicator, row)
        if indicator is not None:
            indicators.append(indicator)
    return indicators


def _read_targets(path: Path, codes: set[str], problems: _Problems) -> list[Target]:
    columns = ("indicator", "year", "form", "value", "text", "source")
    targets: list[Target] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in _rows(path, columns, problems):
        key = (row["indicator"], row["year"])
        if row["indicator"] not in codes:
            problems.add(path.name, line, f"target for unknown indicator {row['indicator']!r}")
        if key in seen:
            problems.add(path.name, line, f"duplicate target (first on line {seen[key]})")
        seen.setdefault(key, line)
        reference = row.get("reference", "") or None
        if reference is not None and reference not in codes:
            problems.add(path.name, line, f"reference to unknown indicator {reference!r}")
        _check_source(path.name, line, row["source"], problems)
        target = _parse(path.name, line, problems, "target", _target, row, reference)
        if target is not None:
            targets.append(target)
    return targets


def _read_observations(path: Path, codes: set[str], problems: _Problems) -> list[Observation]:
    columns = ("indicator", "period", "value", "status", "source")
    observations: list[Observation] = []
    for line, row in _rows(path, columns, problems):
        if row["indicator"] not in codes:
            problems.add(path.name, line, f"observation of unknown indicator {row['indicator']!r}")
        _check_source(path.name, line, row["source"], problems)
        observation = _parse(path.name, line, problems, "observation", _observation, row)
        if observation is not None:
            observations.append(observation)
    return observations


def _indicator(row: dict[str, str]) -> Indicator:
    return Indicator(
        code=row["code"],
        name=row["name"],
        unit=row["unit"],
        kind=Kind(row["kind"]),
        direction=Direction(row["direction"]),
        binding=Binding(row["binding"]),
        name_en=row.get("name_en", ""),
        group=row.get("group", ""),
        owner=row.get("owner", ""),
        aliases=tuple(a for a in row.get("aliases", "").split("|") if a),
        tolerance=_number(row.get("tolerance", "")),
        flag_below=_number(row.get("flag_below", "")),
    )


def _target(row: dict[str, str], reference: str | None) -> Target:
    return Target(
        indicator=row["indicator"],
        year=int(row["year"]),
        form=TargetForm(row["form"]),
        text=row["text"],
        value=_number(row["value"]),
        upper=_number(row.get("upper", "")),
        reference=reference,
        tolerance=_number(row.get("tolerance", "")),
        headline=_integer(row.get("headline", "")),
        source=row["source"],
    )


def _observation(row: dict[str, str]) -> Observation:
    return Observation(
        indicator=row["indicator"],
        period=Period.parse(row["period"]),
        value=_required_number(row["value"]),
        status=Status(row["status"]),
        cumulative=_boolean(row.get("cumulative", "")),
        source=row["source"],
        note=row.get("note", ""),
    )


def _integer(text: str) -> int | None:
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def _required_number(text: str) -> float:
    value = _number(text)
    if value is None:
        raise ValueError("a value is required")
    return value


def _boolean(text: str) -> bool:
    if text.lower() in ("", "false", "no", "0"):
        return False
    if text.lower() in ("true", "yes", "1"):
        return True
    raise ValueError(f"{text!r} is not true or false")
