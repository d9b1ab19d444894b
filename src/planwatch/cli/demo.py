"""`planwatch demo`: the main job on the embedded database with the Fuling demo data."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.cli.jobs import background_worker
from planwatch.cli.plan import DEMO_DATASET, print_table
from planwatch.cli.serve import HostOption, PortOption, run

DEMO_YEARS = (2024, 2025)  # the seed's review year and plan year
# 示例数据: districts of 重庆市 that do not exist, beside Fuling, for the city view
# (written by scripts/make_city_demo.py from Fuling's data)
CITY_DISTRICTS = DEMO_DATASET.parent / "city"
# Demo accounts, one per role, so the dashboard can be tried at once. The
# password is printed: demo data only, never a real deployment.
DEMO_PASSWORD = "planwatch-demo"
DEMO_USERS = (
    ("office", "plan_office", ""),
    ("stats", "clerk", "区统计局"),
    ("commerce", "clerk", "区商务委"),
    ("leader", "leader", ""),
    ("city", "leader", ""),  # of the city (重庆市): every district, the city view
)
DEMO_REGIONS = {"city": "chongqing"}


@app.command()
def demo(
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the dashboard afterwards.")
    ] = True,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
) -> None:
    """Load the Fuling demo dataset, show the 2024 evaluation, then serve the dashboard."""
    os.environ.setdefault("PLANWATCH_DEBUG", "1")  # a local trial: error pages may say why
    database.ready()
    from planwatch.services.evaluation import evaluate
    from planwatch.web.plan.services import load_dataset
    from planwatch.web.projects.demo import load_year

    with reported():
        loaded = load_dataset(DEMO_DATASET)
        review, work = (load_year(DEMO_DATASET, year) for year in DEMO_YEARS)
        districts = _city_districts()
        result = evaluate(loaded.region, 2024)
    typer.echo(
        f"loaded the {result.region_name} demo dataset: {loaded.indicators} indicators, "
        f"{work.projects} projects (synthetic), {review.sub_targets} + {work.sub_targets} "
        f"task sub-targets (2024 review, 2025 plan), {work.problems} problems"
    )
    print_table(f"{result.region_name} 2024年计划指标评价", result.evaluations)
    typer.echo(result.summary)
    typer.echo(f"illustrative districts of 重庆市 (示例数据) for the city view: {districts}")
    _demo_users()
    if serve:
        with background_worker():
            run(host, port)


def _city_districts() -> str:
    """Load the illustrative districts (plan, register and progress of 2025) beside Fuling."""
    from planwatch.web.plan.services import load_dataset
    from planwatch.web.projects.demo import load_year

    names = []
    for directory in sorted(p for p in CITY_DISTRICTS.iterdir() if p.is_dir()):
        names.append(load_dataset(directory).region)
        load_year(directory, 2025)
    return ", ".join(names)


def _demo_users() -> None:
    from planwatch.web.accounts.roles import Role
    from planwatch.web.accounts.services import create_user

    for username, role, department in DEMO_USERS:
        region = DEMO_REGIONS.get(username, "")
        user = create_user(
            username, DEMO_PASSWORD, Role(role), department=department, replace=True, region=region
        )
        user.email = f"{username}@example.org"  # reminders are e-mailed (printed by the worker)
        user.save(update_fields=["email"])
    names = ", ".join(name for name, _, _ in DEMO_USERS)
    typer.echo(f"demo users {names}; password {DEMO_PASSWORD}")
