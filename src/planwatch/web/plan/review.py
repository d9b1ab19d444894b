"""The review queue: a person maps a subject that no indicator took, once.

The mapping is kept as an alias of the indicator, changed through the
indicator update service (permission, history, reason), so that every later
document stating the same subject maps to it by
:func:`planwatch.core.mapping.map_statement`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch.core.errors import NotFound
from planwatch.web.editing.history import version_of
from planwatch.web.editing.services import update_indicator
from planwatch.web.plan.models import DocumentStatement, IndicatorRecord


@dataclass(frozen=True)
class LearnedAlias:
    """The indicator mapped to, whether the alias is new, and the statements of earlier
    documents still waiting with that subject (re-ingest them to store their values)."""

    indicator: IndicatorRecord
    added: bool
    waiting: int


def map_subject(
    *, actor: Any, region_code: str, subject: str, indicator_code: str, reason: str = ""
) -> LearnedAlias:
    """Keep ``subject`` as an alias of the region's indicator ``indicator_code``."""
    record = IndicatorRecord.objects.filter(region__code=region_code, code=indicator_code).first()
    if record is None:
        raise NotFound(f"no indicator {indicator_code!r} in region {region_code!r}")
    subject = subject.strip()
    aliases = [a for a in record.aliases.split("|") if a]
    waiting = DocumentStatement.objects.filter(
        document__region=record.region,
        subject=subject,
        review=DocumentStatement.Review.PENDING,
    ).count()
    if subject == record.name or subject in aliases:
        return LearnedAlias(record, added=False, waiting=waiting)
    updated = update_indicator(
        actor=actor,
        indicator_id=record.pk,
        changes={"aliases": [*aliases, subject]},
        version=version_of(record),
        reason=reason or f"review: {subject} is {record.name}",
    )
    return LearnedAlias(updated, added=True, waiting=waiting)
