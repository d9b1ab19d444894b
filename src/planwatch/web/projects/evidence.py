"""Evidence files of projects' monthly reports: where they are kept and who may fetch them.

A file lives in the configured storage (``MEDIA_ROOT``, outside any web
root) as ``evidence/<project>/<period>/<name>``; the report lists it as
``[name, type, bytes]``. Only a name the report lists is ever opened, so no
name from a request can reach another file.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period
from planwatch.web.accounts.roles import can_read, require
from planwatch.web.projects.models import ProgressRecord

# extension -> (content type, the bytes a real file of that type starts with)
SIGNATURES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
}


def save(code: str, period: Period, name: str, data: bytes) -> str:
    """Store a checked file for ``code``'s report of ``period``; returns the name it got.

    The storage adds a suffix when the report already has a file of that name.
    """
    stored = default_storage.save(f"evidence/{code}/{period}/{name}", ContentFile(data))
    return PurePosixPath(stored).name


def open_listed(*, actor: Any, code: str, period: str, name: str) -> tuple[IO[bytes], str]:
    """The file ``name`` listed on ``code``'s report of ``period``, and its content type.

    Anyone inside the government may read a project's evidence; the public may
    not. :class:`NotFound` for an unknown report, an unlisted name or a lost file.
    """
    require(can_read(actor), "佐证材料仅对政府用户开放。")
    try:
        month = Period.parse(period)
    except InvalidValue:
        raise NotFound(f"没有 {period} 的报告") from None
    record = ProgressRecord.objects.filter(
        project__code=code, year=month.year, month=month.month
    ).first()
    listed = {n: kind for n, kind, _ in (record.evidence if record else [])}
    path = f"evidence/{code}/{month}/{name}"
    if name not in listed or not default_storage.exists(path):
        raise NotFound(f"{code} {period} 没有佐证材料 {name}")
    return default_storage.open(path, "rb"), listed[name]
