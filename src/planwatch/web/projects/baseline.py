"""A record's state as loaded, kept as its first history row before its first edit.

Loads and workbook imports write the register and the monthly reports in
bulk (no history rows, which would cost a load its time budget), so the first
edit of a loaded record would have nothing to be compared with. Just before
that edit is saved, the stored state is written as a "+" history row: the
change history then shows old → new from the first edit on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

BASELINE_REASON = "载入时的登记"


def keep_baseline(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """``pre_save`` receiver: record the stored state of a record that has no history yet."""
    if instance.pk is None or kwargs.get("raw"):
        return
    keep_baselines(sender, [instance.pk])


def keep_baselines(model: type[models.Model], pks: Iterable[int]) -> None:
    """Record the stored state of the records ``pks`` of ``model`` that have no history yet."""
    historical = model.history  # type: ignore[attr-defined]
    wanted = set(pks)
    if not wanted:
        return
    known = set(historical.filter(id__in=wanted).values_list("id", flat=True))
    bare = list(model._default_manager.filter(pk__in=wanted - known))
    for record in bare:
        record._history_user = None  # type: ignore[attr-defined]  # loaded, not the editor's
    if bare:
        historical.bulk_history_create(bare, default_change_reason=BASELINE_REASON)
