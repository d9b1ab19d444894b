"""Imports every topic module of the CLI so that its commands register on ``app``."""

from planwatch.cli import demo, extract, ingest, plan, report  # noqa: F401
