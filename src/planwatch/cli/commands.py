"""Imports every topic module of the CLI so that its commands register on ``app``."""

from planwatch.cli import accounts, demo, extract, ingest, plan, projects, report, serve  # noqa: F401
