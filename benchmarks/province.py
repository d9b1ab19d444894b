"""Province scale: 40 regions' plans, 10,000 projects and 500 problems, loaded through the
project's own dataset loaders, then every main page timed at 1 and 20 users; SQLite and
PostgreSQL side by side.

    .venv/bin/python benchmarks/province.py [--scale full|small] [--database sqlite postgres]
        [--workers 2] [--servers 1] [--seconds 5] [--clients 1 20]

``full``: 40 regions × 31 indicators × 3 years (2023–2025) of monthly values, 10,000
projects (250 a region) × 12 months of progress, 520 problems (13 a region) with events.
``small``: 4 regions, 1,000 projects, 48 problems, for a quick check. Each region is a
dataset directory written from the Fuling demo (``region.toml``, ``indicators.csv``,
``targets.csv``, ``observations.csv``, ``projects-2025.csv``, ``progress-2025.csv``,
``problems-2025.csv``, ``problem-events-2025.csv``; project codes repeat across regions,
as they may) and loaded with ``load_dataset`` and ``load_year``, as ``planwatch load``
and ``planwatch projects load`` do. Prints load time, database size and per page cold,
p50 and p95 (ms) and req/s, with the login page as the same run's baseline (every
login lands on the first region's dashboard: its cold render happens then).
PostgreSQL is ``DATABASE_URL``'s database, emptied first: give it one of its own.
``--servers 2``: scaled out, two `planwatch serve` on two ports over the one database
(and home: one uploads directory), each client asking them in turn as a proxy would, on
the session it made on one; compare with ``--servers 1 --workers 2×N`` in the same run.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pages import Result, run

from web import empty_database, server_env, several_serving

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "planwatch" / "data" / "fuling"
SCALES = {"full": (40, 250, 13), "small": (4, 250, 12)}  # regions, projects, problems each
YEARS = (2023, 2024, 2025)
PAGES = {
    "login (baseline)": "/login/",
    "dashboard 2025": "/?region=r01&year=2025",
    "indicators": "/indicators/?region=r01&year=2025",
    "compare regions": "/compare/?indicator=gdp_growth&year=2025",
    "projects": "/projects/?region=r01&year=2025",
    "projects lagging": "/projects/?region=r01&year=2025&lagging=1&sort=-annual_plan",
    "project": "/projects/2025-ZF-001/?region=r01&year=2025",
    "API project": "/api/projects/2025-ZF-001?region=r01",
    "API projects": "/api/projects?region=r01&year=2025",
    "API totals": "/api/project-totals?region=r01&year=2025",
    "problems": "/problems/?region=r01",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)  # the loading child
    parser.add_argument("--scale", choices=SCALES, default="full")
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    args = parser.parse_args()
    if args.build:
        load(args.build)
        return
    regions, projects, problems = SCALES[args.scale]
    print(f"scale {args.scale}: {regions} regions × 31 indicators × {len(YEARS)} years monthly, "
          f"{regions * projects} projects × 12 months, {regions * problems} problems")  # fmt: skip
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {args.servers} "
          f"server(s) of gunicorn {args.workers} workers × {args.threads} threads")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="planwatch-province-") as work:
        data = Path(work) / "data"
        for number in range(1, regions + 1):
            write_region(data / f"r{number:02d}", number, projects, problems)
        for database in args.database:
            measure(database, data, Path(work) / database, args)


def measure(database: str, data: Path, home: Path, args: argparse.Namespace) -> None:
    url = None
    if database == "postgres":
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith("postgres"):
            raise SystemExit("PostgreSQL needs DATABASE_URL=postgres://… (it is emptied)")
        empty_database(url)
    home.mkdir()
    env = server_env(ROOT / "src", str(home), url)
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--build", str(data)], env=env, check=True)
    loaded = time.perf_counter() - started
    cli = [sys.executable, "-m", "planwatch"]
    subprocess.run(
        [*cli, "createuser", "bench", "--role", "leader", "--password", "bench-leader-2025"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    print(f"\n== {database}: loaded in {loaded:.0f} s, database {size(home, url) / 2**20:.0f} MB")
    with several_serving(env, args.servers, workers=args.workers, threads=args.threads) as bases:
        for clients in args.clients:
            results = {
                name: run(bases, path, clients, args.seconds) for name, path in PAGES.items()
            }
            report(clients, results, args.seconds)


def load(data: Path) -> None:
    """Load every region directory under ``data`` (in this child process, set up by env)."""
    from planwatch import web

    web.setup()
    web.migrate()
    from planwatch.web.plan.services import load_dataset
    from planwatch.web.projects.demo import load_year

    for directory in sorted(data.iterdir()):
        load_dataset(directory)
        load_year(directory, 2025)


def size(home: Path, url: str | None) -> int:
    """Bytes the database takes: the SQLite files under ``home``, or PostgreSQL's own count."""
    if url is None:
        return sum(p.stat().st_size for p in home.rglob("*.sqlite3*"))
    import psycopg

    with psycopg.connect(url) as connection:
        row = connection.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def write_region(at: Path, number: int, projects: int, problems: int) -> None:
    """A dataset directory of region ``r<number>`` built from the Fuling demo's files."""
    at.mkdir(parents=True)
    code = at.name
    (at / "region.toml").write_text(
        f'code = "{code}"\nname = "区{number:02d}(合成)"\nparent = "合成省"\n'
        f"years = [{', '.join(map(str, YEARS))}]\n",
        encoding="utf-8",
    )
    for name in ("indicators.csv", "departments.csv"):
        shutil.copy(DEMO / name, at / name)
    _targets(at)
    _observations(at, random.Random(number))
    _projects(at, projects, random.Random(number))
    _problems(at, code.upper(), problems)


def _read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DEMO / name).open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _targets(at: Path) -> None:
    """The demo's targets, its 2024 ones repeated for 2023."""
    fields, rows = _read("targets.csv")
    earlier = [{**r, "year": "2023"} for r in rows if r["year"] == "2024"]
    _write(at / "targets.csv", fields, earlier + rows)


def _observations(at: Path, chance: random.Random) -> None:
    """Every indicator's value each month of the three years, near its demo value."""
    fields, rows = _read("observations.csv")
    base = {r["indicator"]: float(r["value"]) for r in rows if r["period"] == "2024"}
    _, indicators = _read("indicators.csv")
    monthly = [
        {
            "indicator": i["code"],
            "period": f"{year}-{month:02d}",
            "value": f"{base.get(i['code'], 5.0) * chance.uniform(0.9, 1.0):.2f}",
            "status": "actual",
            "cumulative": "true",
            "source": "synthetic",
            "note": "",
        }
        for i in indicators
        for year in YEARS
        for month in range(1, 13)
    ]
    _write(at / "observations.csv", fields, monthly)


def _projects(at: Path, count: int, chance: random.Random) -> None:
    """The demo's first ``count`` projects and their reports, months 11 and 12 added."""
    fields, rows = _read("projects-2025.csv")
    chosen = rows[:count]
    _write(at / "projects-2025.csv", fields, chosen)
    fields, reports = _read("progress-2025.csv")
    codes = {r["code"] for r in chosen}
    kept = [r for r in reports if r["project"] in codes]
    last = {r["project"]: r for r in kept}
    for row in list(last.values()):
        for month in (11, 12):
            grown = float(row["completed"]) * chance.uniform(1.0, 1.08)
            empty = dict.fromkeys(("开工", "主体完工", "竣工", "evidence"), "")
            row = {**row, **empty, "month": f"2025-{month:02d}", "completed": f"{grown:.0f}"}
            kept.append(row)
    totals = {r["code"]: float(r["total"]) for r in chosen}
    for row in kept:  # never above the total investment
        row["completed"] = f"{min(float(row['completed']), totals[row['project']]):.0f}"
    _write(at / "progress-2025.csv", fields, kept)


def _problems(at: Path, prefix: str, count: int) -> None:
    """The demo's first ``count`` problems and their events, codes prefixed by the region."""
    fields, rows = _read("problems-2025.csv")
    chosen = rows[:count]
    _write(
        at / "problems-2025.csv", fields, [{**r, "code": f"{prefix}-{r['code']}"} for r in chosen]
    )
    codes = {r["code"] for r in chosen}
    fields, events = _read("problem-events-2025.csv")
    kept = [{**e, "problem": f"{prefix}-{e['problem']}"} for e in events if e["problem"] in codes]
    _write(at / "problem-events-2025.csv", fields, kept)


def report(clients: int, results: dict[str, Result], seconds: float) -> None:
    print(f"{clients} user(s), no think time")
    heads = [("cold ms", 8), ("p50 ms", 8), ("p95 ms", 8), ("req/s", 7), ("errors", 7)]
    print(f"{'page':<18}" + "".join(f"{h:>{w}}" for h, w in [*heads, ("× login", 8)]))
    baseline = statistics.median(results["login (baseline)"][1])
    for name, (cold, times, errors) in results.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else p50
        print(
            f"{name:<18}{cold:>8.0f}{p50:>8.0f}{p95:>8.0f}{len(times) / seconds:>7.1f}"
            f"{errors:>7}{p50 / baseline:>8.1f}"
        )


if __name__ == "__main__":
    main()
