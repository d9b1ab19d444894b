"""Use cases of published reports: ingest their statements, and list those waiting for review.

The extractor turns text into statements; these functions put them in the
database with their provenance (document, line, quote). Statements that map
to no indicator with confidence wait for review. Checking a draft against
the database is :mod:`planwatch.web.plan.draft_check`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.db import transaction

from planwatch.core.dataset import read_catalog
from planwatch.core.mapping import MappedTarget, MappedValue, StatementLike, Unmapped, map_statement
from planwatch.core.observations import Period
from planwatch.core.validation import ValidationFailed
from planwatch.services.values import Published, publish_value
from planwatch.web.plan.models import (
    Document,
    DocumentStatement,
    IndicatorRecord,
    ObservationRecord,
    Region,
    TargetRecord,
)

DEFAULT_CATALOG = Path(__file__).resolve().parents[2] / "data" / "fuling" / "indicators.csv"


class ExtractedStatement(StatementLike, Protocol):
    @property
    def line(self) -> int: ...
    @property
    def quote(self) -> str: ...
    @property
    def period(self) -> str: ...
    @property
    def cumulative(self) -> bool: ...
    @property
    def section(self) -> str: ...


@dataclass(frozen=True)
class IngestResult:
    document: Document
    new: bool
    statements: int
    values: int
    targets: int
    review: int


def ingest_statements(
    *,
    region_code: str,
    year: int,
    name: str,
    label: str,
    sha256: str,
    statements: Sequence[ExtractedStatement],
    text: str = "",
) -> IngestResult:
    """Store a document's statements and the values and targets they map to, in one transaction.

    A document already ingested for the region (same text hash) changes
    nothing. One a dataset stored for its citations only (no statements yet) is
    ingested under its own label, so its values cite the lines as the dataset does.
    A region unknown so far is created with the default catalog.
    Values cite ``LABEL:L<line>``; a later document's actual supersedes an
    earlier estimate (both are kept).
    """
    with transaction.atomic():
        region = _region_with_catalog(region_code)
        existing = Document.objects.filter(region=region, sha256=sha256).first()
        if existing is not None and existing.statements.exists():
            return _result(existing, new=False)
        document = existing or Document.objects.create(
            region=region, name=name, label=label, sha256=sha256, year=year, text=text
        )
        records = {r.code: r for r in IndicatorRecord.objects.filter(region=region)}
        catalog = [r.to_domain() for r in records.values()]
        for statement in statements:
            _store(document, statement, map_statement(statement, catalog), records)
        return _result(document, new=True)


def _region_with_catalog(code: str) -> Region:
    region, created = Region.objects.get_or_create(code=code, defaults={"name": code})
    if created or not region.indicators.exists():
        for position, ind in enumerate(read_catalog(DEFAULT_CATALOG), start=1):
            IndicatorRecord.objects.create(
                region=region,
                code=ind.code,
                name=ind.name,
                name_en=ind.name_en,
                aliases="|".join(ind.aliases),
                unit=ind.unit,
                kind=ind.kind.value,
                direction=ind.direction.value,
                binding=ind.binding.value,
                group=ind.group,
                owner=ind.owner,
                position=position,
            )
    return region


def _store(
    document: Document,
    statement: ExtractedStatement,
    mapped: list[MappedValue | MappedTarget] | Unmapped,
    records: dict[str, IndicatorRecord],
) -> None:
    row = DocumentStatement.objects.create(
        document=document,
        line=statement.line,
        quote=statement.quote,
        subject=statement.subject,
        measure=statement.measure,
        value=statement.value,
        unit=statement.unit or "",
        qualifier=statement.qualifier,
        period=statement.period,
        status=statement.status,
        cumulative=statement.cumulative,
        section=statement.section,
        text_target=statement.text_target or "",
        review=DocumentStatement.Review.PENDING
        if isinstance(mapped, Unmapped)
        else DocumentStatement.Review.MAPPED,
        reason=mapped.reason if isinstance(mapped, Unmapped) else "",
    )
    if isinstance(mapped, Unmapped):
        return
    source = f"{document.label}:L{statement.line}"
    for item in mapped:
        indicator = records[item.indicator]
        row.indicators.add(indicator)
        if isinstance(item, MappedValue):
            if not statement.period.isdigit():
                continue  # a multi-year total is not a value of one year
            published = Published(
                period=Period(int(statement.period)),
                status=item.status,
                value=item.value,
                source=source,
                line=statement.line,
                quote=statement.quote,
            )
            origin = f"document:{document.pk}"
            try:
                publish_value(actor=None, indicator=indicator, value=published, origin=origin)
            except ValidationFailed as refused:  # implausible: a person looks at the line
                row.review, row.reason = DocumentStatement.Review.PENDING, refused.message[:300]
                row.save(update_fields=["review", "reason"])
        elif statement.period.isdigit():
            TargetRecord.objects.update_or_create(
                indicator=indicator,
                year=int(statement.period),
                defaults={
                    "form": item.form.value,
                    "text": item.text,
                    "value": item.value,
                    "reference": records[item.reference] if item.reference else None,
                    "source": source,
                },
            )


def _result(document: Document, *, new: bool) -> IngestResult:
    rows = document.statements.all()
    return IngestResult(
        document=document,
        new=new,
        statements=rows.count(),
        values=ObservationRecord.objects.filter(origin=f"document:{document.pk}").count(),
        targets=TargetRecord.objects.filter(source__startswith=f"{document.label}:L").count(),
        review=rows.filter(review=DocumentStatement.Review.PENDING).count(),
    )


def review_list(region_code: str | None = None) -> list[DocumentStatement]:
    """Statements waiting for a person to map or ignore them, in document order."""
    rows = DocumentStatement.objects.filter(review=DocumentStatement.Review.PENDING).select_related(
        "document"
    )
    if region_code is not None:
        rows = rows.filter(document__region__code=region_code)
    return list(rows)
