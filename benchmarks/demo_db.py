"""A throw-away SQLite database holding the Fuling demo, for the benchmarks that call
planwatch in this process (reports, PDF profiles)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def demo_database() -> None:
    """Point planwatch at a new PLANWATCH_HOME (SQLite, whatever DATABASE_URL says), migrate
    it and load the demo as ``planwatch demo`` does: the 2024 review and the 2025 plan."""
    os.environ["PLANWATCH_HOME"] = tempfile.mkdtemp(prefix="planwatch-bench-")
    os.environ.pop("DATABASE_URL", None)
    from planwatch import web

    web.setup()
    web.migrate()
    from planwatch.web.plan.services import load_dataset
    from planwatch.web.projects.demo import load_year

    dataset = Path(web.__file__).resolve().parent.parent / "data" / "fuling"
    load_dataset(dataset)
    for year in (2024, 2025):
        load_year(dataset, year)
