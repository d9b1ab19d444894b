"""Optimistic locking and attributed history for every editable record.

A record's ``version`` is the id of its latest history row (0 when it has
none): a client reads it with the record and sends it back with a change;
:func:`locked` refuses the change when someone else saved in between, so
nothing is silently overwritten. :func:`save` and :func:`delete` write the
history row with the acting user and the reason.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.web.errors import Conflict

M = TypeVar("M", bound=models.Model)


def version_of(record: models.Model) -> int:
    annotated = getattr(record, "version", None)
    if isinstance(annotated, int):
        return annotated
    latest = record.history.order_by("-history_id").values_list("history_id", flat=True).first()  # type: ignore[attr-defined]
    return latest or 0


def locked(model: type[M], pk: int, version: int | None) -> M:
    """The record, locked for this transaction, provided it is still at ``version``.

    ``version`` ``None`` skips the check (a create-or-replace of a new record).
    """
    try:
        record = model.objects.select_for_update().get(pk=pk)  # type: ignore[attr-defined]
    except model.DoesNotExist:  # type: ignore[attr-defined]
        raise NotFound(f"no {model._meta.verbose_name} {pk}") from None
    if version is not None:
        at_version(record, version)
    return record


class InvalidField(InvalidValue):
    """A value refused for one field, named so that forms and the API can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def at_version(record: models.Model, version: int) -> None:
    """Refuse the change unless ``record`` is still at the ``version`` the actor read."""
    current = version_of(record)
    if version != current:
        name = record._meta.verbose_name
        raise Conflict(
            f"{name} {record.pk} was changed by someone else since you read it (your version "
            f"{version}, now {current}); reload it and apply your change again"
        )


def reason_required(reason: str) -> str:
    """The reason of a change or deletion, which the audit log must have."""
    if not reason.strip():
        raise InvalidField(
            "reason", "please give a reason for the change (it goes to the audit log)"
        )
    return reason.strip()


def save(record: M, *, actor: Any, reason: str) -> M:
    """Validate the record's fields, save it and its history row with ``actor`` and ``reason``."""
    try:
        record.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise InvalidField(field, f"{field}: {' '.join(messages)}") from None
    record._history_user = actor  # type: ignore[attr-defined]
    record._change_reason = reason  # type: ignore[attr-defined]
    record.save()
    return record


def delete(record: models.Model, *, actor: Any, reason: str) -> None:
    record._history_user = actor  # type: ignore[attr-defined]
    record._change_reason = reason  # type: ignore[attr-defined]
    record.delete()


def with_versions(records: models.QuerySet[M]) -> models.QuerySet[M]:
    """``records`` annotated with ``version`` in the same query (for lists)."""
    historical = records.model.history.model  # type: ignore[attr-defined]
    latest = historical.objects.filter(id=OuterRef("pk")).order_by("-history_id")
    return records.annotate(version=Coalesce(Subquery(latest.values("history_id")[:1]), 0))
