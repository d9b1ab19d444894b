"""Imports every topic module of the CLI so that its commands register on ``app``."""

from planwatch.cli import accounts, backup, demo, extract, plan, serve, tokens  # noqa: F401
