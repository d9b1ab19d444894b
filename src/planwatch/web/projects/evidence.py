"""Evidence files of project reports and problem rectifications: checks, storage, access.

A file lives in the configured storage (``MEDIA_ROOT``, outside any web
root) as ``evidence/<region>/<project>/<period>/<name>`` (the report lists it
as ``[name, type, bytes]``) or ``problem-evidence/<region>/<problem>/<name>``
(a step of the problem's history lists its name): codes are unique within a
region only, so two districts' 2025-ZF-001 never share a folder. Files stored
before regions had folders of their own are moved once
(:mod:`planwatch.web.projects.evidence_move`). Only a listed name is ever
opened, so no name from a request can reach another file; only government
users may.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.observations import Period
from planwatch.core.progress import Evidence
from planwatch.services import regions
from planwatch.web.accounts.roles import can_read, require
from planwatch.web.plan.models import Region
from planwatch.web.projects.models import ProblemEventRecord, ProblemRecord, ProgressRecord
from planwatch.web.projects.models.fields import split_list

# extension -> (content type, the bytes a real file of that type starts with)
SIGNATURES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
}


def checked(upload_name: str, data: bytes) -> tuple[str, str]:
    """A safe file name and the content type of an upload, or :class:`InvalidValue` why not.

    The type follows the extension and the content must start as that type's
    files do (a renamed file is refused); size limits are the core's.
    """
    name = "".join(c for c in PurePosixPath(upload_name.replace("\\", "/")).name if c not in ";|")
    known = SIGNATURES.get(PurePosixPath(name).suffix.lower())
    if known is None or not name:
        raise InvalidValue(f"{name or '文件'}: 只接受 PDF、JPG、PNG")
    kind, magic = known
    if not data.startswith(magic):
        raise InvalidValue(f"{name} 的内容不是它的扩展名所说的类型")
    Evidence(name, kind, len(data))  # the core's limits: empty, above 20 MB
    return name, kind


def report_folder(region: str, code: str, period: Period | str) -> str:
    """The folder of the files of region ``region``'s project ``code``'s report of ``period``."""
    return f"evidence/{region}/{code}/{period}"


def problem_folder(region: str, code: str) -> str:
    """The folder of the files of region ``region``'s problem ``code``."""
    return f"problem-evidence/{region}/{code}"


def save_for_problem(region: str, code: str, name: str, data: bytes) -> str:
    """Store a checked file of ``region``'s problem ``code``; returns the name it got (unique
    per problem)."""
    stored = default_storage.save(f"{problem_folder(region, code)}/{name}", ContentFile(data))
    return PurePosixPath(stored).name


def problem_files(region: str, code: str) -> set[str]:
    """The names of the files stored for ``region``'s problem ``code`` (a demo's listed names
    have none)."""
    folder = problem_folder(region, code)
    return set(default_storage.listdir(folder)[1]) if default_storage.exists(folder) else set()


def open_problem_file(*, actor: Any, problem: ProblemRecord, name: str) -> tuple[IO[bytes], str]:
    """A file a step of ``problem`` lists, and its type; government users only (who may see
    the problem: :func:`planwatch.services.problems.problem_record` found it for ``actor``)."""
    require(can_read(actor), "佐证材料仅对政府用户开放。")
    listed = ProblemEventRecord.objects.filter(problem=problem).values_list("evidence", flat=True)
    names = {n for row in listed for n in split_list(row)}
    path = f"{problem_folder(problem.region.code, problem.code)}/{name}"
    known = SIGNATURES.get(PurePosixPath(name).suffix.lower())
    if name not in names or known is None or not default_storage.exists(path):
        raise NotFound(f"问题 {problem.code} 没有佐证材料 {name}")
    return default_storage.open(path, "rb"), known[0]


def save(region: str, code: str, period: Period, name: str, data: bytes) -> str:
    """Store a checked file for ``region``'s project ``code``'s report of ``period``; returns
    the name it got.

    The storage adds a suffix when the report already has a file of that name.
    """
    folder = report_folder(region, code, period)
    stored = default_storage.save(f"{folder}/{name}", ContentFile(data))
    return PurePosixPath(stored).name


def open_listed(
    *, actor: Any, code: str, period: str, name: str, region: Region
) -> tuple[IO[bytes], str]:
    """The file ``name`` listed on ``region``'s ``code``'s report of ``period``, and its type.

    Anyone inside the government may read a project's evidence; the public may
    not. :class:`NotFound` for an unknown report, an unlisted name or a lost file.
    """
    require(can_read(actor), "佐证材料仅对政府用户开放。")
    try:
        month = Period.parse(period)
    except InvalidValue:
        raise NotFound(f"没有 {period} 的报告") from None
    regions.require_sees(region.pk, actor=actor)
    record = ProgressRecord.objects.filter(
        project__region=region, project__code=code, year=month.year, month=month.month
    ).first()
    listed = {n: kind for n, kind, _ in (record.evidence if record else [])}
    path = f"{report_folder(region.code, code, month)}/{name}"
    if name not in listed or not default_storage.exists(path):
        raise NotFound(f"{code} {period} 没有佐证材料 {name}")
    return default_storage.open(path, "rb"), listed[name]
