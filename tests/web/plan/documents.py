"""Ingest statements as the seed document, for the tests of ingestion and checking."""

from __future__ import annotations

from planwatch.web.plan.ingest import ingest_statements


def ingest(statements, sha="a" * 64, label="seed"):
    return ingest_statements(
        region_code="fuling",
        year=2024,
        name="seed.txt",
        label=label,
        sha256=sha,
        statements=statements,
    )
