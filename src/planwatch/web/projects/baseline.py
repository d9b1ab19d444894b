"""A project's state as loaded, kept as its first history row before its first edit.

Loads and workbook imports write the register in bulk (no history rows, which
would cost the import its time budget), so the first edit of a loaded project
would have nothing to be compared with. Just before that edit is saved, the
stored state is written as a "+" history row: the change history then shows
old → new from the first edit on.
"""

from __future__ import annotations

from typing import Any

from planwatch.web.projects.models import ProjectRecord

BASELINE_REASON = "载入时的登记"


def keep_baseline(sender: type[ProjectRecord], instance: ProjectRecord, **kwargs: Any) -> None:
    """``pre_save`` receiver: record the stored state of a project that has no history yet."""
    if instance.pk is None or kwargs.get("raw"):
        return
    historical = ProjectRecord.history  # type: ignore[attr-defined]
    if historical.filter(id=instance.pk).exists():
        return
    stored = ProjectRecord.objects.filter(pk=instance.pk).first()
    if stored is not None:
        historical.bulk_history_create([stored], default_change_reason=BASELINE_REASON)
