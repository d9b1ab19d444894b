"""The one-time move of evidence files into their region's folder.

Before project and problem codes were unique within a region only, evidence
lived at ``evidence/<project>/<period>/<name>`` and
``problem-evidence/<problem>/<name>``; it now lives in the region's folder
(:mod:`planwatch.web.projects.evidence`). :func:`move_to_region_folders` moves
what is still at an old place: migration ``0008_evidence_region_folders`` runs
it, and a restore runs it again for a backup of an earlier version
(:func:`planwatch.web.backup.restore`). Running it twice moves nothing more.

- A report's file is moved by the name its report lists. Two regions' reports
  of one code and month shared the old folder; the storage gave a second
  upload of a taken name another name, so each listed name is its own file,
  except a name both list that was never uploaded twice: it is copied to both
  (both could download it before).
- A problem's folder is moved whole (problem codes were unique until now).
- Files no report lists stay where they are: no page could reach them, and
  nothing is deleted that was not copied first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.files.storage import default_storage

from planwatch.core.observations import Period

Move = tuple[str, str]  # (from, to)


def move_to_region_folders(progress: Any = None, problems: Any = None) -> int:
    """Move every evidence file still at its old place; the number of files written.

    ``progress`` and ``problems`` are the report and problem models (a migration
    passes its historical ones; default: the app's).
    """
    return _move(list(_report_moves(progress)) + list(_problem_moves(problems)))


def move_back(progress: Any, problems: Any) -> int:
    """Undo :func:`move_to_region_folders` (the migration's reverse); a file two regions hold
    under one old name stays in its region's folder rather than overwrite the other."""
    moves = [*_report_moves(progress), *_problem_moves(problems)]
    return _move([(new, old) for old, new in moves])


def _move(moves: list[Move]) -> int:
    """Copy each file that is not at its new place yet, then delete every old file whose copy
    is in place (written now or by an earlier run)."""
    written = sum(_copy(old, new) for old, new in moves)
    for old in {old for old, new in moves if _same(old, new)}:
        default_storage.delete(old)
    return written


def _report_moves(progress: Any) -> Iterator[Move]:
    if progress is None:
        from planwatch.web.projects.models import ProgressRecord as progress
    fields = ("project__region__code", "project__code", "year", "month", "evidence")
    for region, code, year, month, listed in progress.objects.values_list(*fields).iterator():
        period = Period(year, month=month)
        for name, *_ in listed or ():
            yield f"evidence/{code}/{period}/{name}", f"evidence/{region}/{code}/{period}/{name}"


def _problem_moves(problems: Any) -> Iterator[Move]:
    if problems is None:
        from planwatch.web.projects.models import ProblemRecord as problems
    for region, code in problems.objects.values_list("region__code", "code").iterator():
        old, new = f"problem-evidence/{code}", f"problem-evidence/{region}/{code}"
        held = [set(default_storage.listdir(f)[1]) for f in (old, new) if default_storage.exists(f)]
        for name in sorted(set().union(*held)):
            yield f"{old}/{name}", f"{new}/{name}"


def _copy(old: str, new: str) -> bool:
    if not default_storage.exists(old) or default_storage.exists(new):
        return False
    with default_storage.open(old, "rb") as source:
        default_storage.save(new, source)
    return True


def _same(old: str, new: str) -> bool:
    if not (default_storage.exists(old) and default_storage.exists(new)):
        return False
    with default_storage.open(old, "rb") as a, default_storage.open(new, "rb") as b:
        return bool(a.read() == b.read())
