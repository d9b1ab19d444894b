"""`planwatch demo`: the main job on the embedded database with the Fuling demo data."""

from __future__ import annotations

import typer

from planwatch.cli import app, database
from planwatch.cli.errors import reported
from planwatch.cli.plan import DEMO_DATASET, print_table


@app.command()
def demo() -> None:
    """Create the database, load the Fuling demo dataset and show the 2024 evaluation."""
    database.ready()
    from planwatch.web.plan.services import evaluate_year, load_dataset

    with reported():
        loaded = load_dataset(DEMO_DATASET)
        result = evaluate_year(loaded.region, 2024)
    typer.echo(f"loaded the {result.region.name} demo dataset ({loaded.indicators} indicators)")
    print_table(f"{result.region.name} 2024年计划指标评价", result.evaluations)
    typer.echo(result.summary)
