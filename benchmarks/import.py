"""Import speed of a monthly-progress workbook: 10,000 projects × 10 months = 100,000 rows.

Goal (issue 4): 100,000 progress rows read and validated in under 10 s. The
workbook is built first (not timed). Two files are timed: as openpyxl writes
it (text in inline strings, slow to parse) and as Excel saves it (text in a
shared-string table, which is what a clerk sends). With ``--database`` the
Excel-saved file also goes through the service that stores it in one
transaction (set PLANWATCH_HOME to a scratch directory; SQLite unless
DATABASE_URL is set).

    .venv/bin/python benchmarks/import.py [--database]
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

from planwatch.core.observations import Period
from planwatch.core.progress import ProgressReport
from planwatch.core.project_dataset import read_project_data
from planwatch.core.projects import Project
from planwatch.projects_io.excel import read_workbook, write_workbook

DATASET = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "fuling"
PROJECTS, MONTHS = 10_000, 10
INLINE = re.compile(r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t>(.*?)</t></is></c>')
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def register() -> list[Project]:
    """10,000 projects: the demo register repeated under new codes."""
    base = read_project_data(DATASET, 2025).projects
    return [replace(base[n % len(base)], code=f"2025-B-{n:05d}") for n in range(PROJECTS)]


def build(path: Path, projects: list[Project], departments: tuple[str, ...]) -> int:
    """A monthly-progress workbook for ``projects``, as a clerk submits it; its row count."""
    progress = [
        ProgressReport(
            project=p.code,
            period=Period(2025, month=month),
            completed=(p.annual_plan * month / 12).quantize(Decimal(1)),
            narrative="按计划推进",
        )
        for p in projects
        for month in range(1, MONTHS + 1)
    ]
    write_workbook(path, departments=departments, progress=progress)
    return len(progress)


def as_excel_saves_it(source: Path, target: Path) -> None:
    """Copy ``source`` with its inline strings moved to a shared-string table, as Excel does."""
    strings: dict[str, int] = {}

    def shared(match: re.Match[str]) -> str:
        index = strings.setdefault(unescape(match[3]), len(strings))
        return f'<c r="{match[1]}"{match[2]} t="s"><v>{index}</v></c>'

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode("utf-8")
            if item.filename.startswith("xl/worksheets/"):
                data = INLINE.sub(shared, data)
            elif item.filename == "[Content_Types].xml":
                part = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/>'
                data = data.replace("</Types>", part + "</Types>")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rIdSst"/>'
                data = data.replace("</Relationships>", rel + "</Relationships>")
            zout.writestr(item, data)
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        table = f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        zout.writestr("xl/sharedStrings.xml", table + items + "</sst>")


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run`` (CPU time is what a busy shared machine can't skew)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    departments = read_project_data(DATASET, 2025).departments
    projects = register()
    results: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        written, saved = Path(tmp) / "openpyxl.xlsx", Path(tmp) / "excel.xlsx"
        rows = build(written, projects, departments)
        as_excel_saves_it(written, saved)
        for label, path in (("as openpyxl writes it", written), ("as Excel saves it", saved)):
            wall, cpu = timed(
                lambda p=path: read_workbook(p, departments=departments, existing=projects)
            )
            results.append((f"read + validate, {label}", wall, cpu))
        if "--database" in sys.argv:
            results.append(
                ("... and store (one transaction)", *store(saved, projects, departments))
            )
    print(f"{'run':<44}{'rows':>10}{'wall (s)':>10}{'CPU (s)':>10}{'rows / CPU s':>14}")
    for label, wall, cpu in results:
        print(f"{label:<44}{rows:>10,}{wall:>10.2f}{cpu:>10.2f}{rows / cpu:>14,.0f}")
    print("goal: 100,000 progress rows in < 10 s")


def store(path: Path, projects: list[Project], departments: tuple[str, ...]) -> tuple[float, float]:
    """Time the service import of ``path`` into a fresh database holding ``projects``."""
    from planwatch import web

    web.setup()
    web.migrate()
    from planwatch.services import project_register
    from planwatch.web.accounts.roles import Role
    from planwatch.web.accounts.services import create_user
    from planwatch.web.projects.models import Department

    Department.objects.bulk_create([Department(name=d) for d in departments], ignore_conflicts=True)
    office = create_user("benchmark", "benchmark-office-2025", Role.PLAN_OFFICE, replace=True)
    register = path.with_name("register.xlsx")
    write_workbook(register, departments=departments, projects=projects)
    project_register.import_workbook(register, actor=office)
    return timed(lambda: project_register.import_workbook(path, actor=office))


if __name__ == "__main__":
    main()
