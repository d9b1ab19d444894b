"""Imports every topic module of the CLI so that its commands register on ``app``."""

from planwatch.cli import (  # noqa: F401
    accounts,
    backup,
    demo,
    extract,
    ingest,
    jobs,
    nowcast,
    periods,
    plan,
    projects,
    report,
    serve,
    tokens,
    values,
)
