"""Read a region's project register and monthly progress from its dataset directory.

Files: ``departments.csv`` (one ``name`` per row), ``projects-<year>.csv`` and
``progress-<year>.csv`` with the field names of
:data:`~planwatch.core.project_rows.PROJECT_FIELDS` and ``PROGRESS_FIELDS`` as
headers. All-or-nothing like every dataset: every bad row is reported, with
file, line and reason, in one :class:`DatasetError`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planwatch.core.errors import DatasetError, DatasetProblem
from planwatch.core.progress import ProgressReport
from planwatch.core.project_rows import Row, RowProblem, read_progress, read_projects
from planwatch.core.projects import Project


@dataclass(frozen=True)
class ProjectData:
    departments: tuple[str, ...]
    projects: list[Project]
    progress: list[ProgressReport]


def read_departments(path: Path) -> tuple[str, ...]:
    return tuple(str(row["name"]) for _, row in _rows(path))


def read_project_data(directory: Path, year: int) -> ProjectData:
    """Read the departments, the register of ``year`` and its progress from ``directory``."""
    departments = read_departments(directory / "departments.csv")
    projects_file = directory / f"projects-{year}.csv"
    projects, problems = read_projects(_rows(projects_file), departments=departments)
    if problems:
        raise _error(projects_file, problems)
    progress_file = directory / f"progress-{year}.csv"
    progress, problems = read_progress(_rows(progress_file), projects=projects)
    if problems:
        raise _error(progress_file, problems)
    return ProjectData(departments, projects, progress)


def _rows(path: Path) -> Iterator[tuple[int, Row]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from enumerate(csv.DictReader(f), start=2)


def _error(path: Path, problems: list[RowProblem]) -> DatasetError:
    return DatasetError(
        [DatasetProblem(path.name, p.row, f"{p.field}: {p.reason}") for p in problems]
    )
