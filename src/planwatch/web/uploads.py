"""Evidence files: checked on the way in, stored outside the web root, served only to
users allowed to see them.

A stored file's name is made here (a random id and the checked extension), so
no name a user sends can point outside ``MEDIA_ROOT``; the name the user gave
is kept only as text for display.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import FileResponse

from planwatch.core.errors import InvalidValue, NotFound

MAX_BYTES = 20 * 1024 * 1024
# extension -> (content type, the bytes a real file of that type starts with)
ALLOWED = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
}


_STORED = re.compile(r"(?P<folder>[a-z_]{1,40})/(?P<file>[0-9a-f]{32}(?P<extension>\.[a-z]{3,4}))")


class InvalidUpload(InvalidValue):
    code = "invalid_upload"
    field = "file"


def store(original_name: str, chunks: Iterable[bytes], *, folder: str) -> str:
    """Check and store a file; returns its storage name (``folder/<random>.<ext>``).

    Refuses a type not in ``ALLOWED``, content that is not of its extension's
    type, and anything over ``MAX_BYTES`` (stopping at the limit, not after).
    """
    extension = PurePosixPath(original_name.replace("\\", "/")).suffix.lower()
    if extension not in ALLOWED:
        raise InvalidUpload(f"{extension or 'no extension'}: allowed are {', '.join(ALLOWED)}")
    if not re.fullmatch(r"[a-z_]{1,40}", folder):
        raise InvalidUpload(f"{folder!r} is not a storage folder")
    name = f"{folder}/{secrets.token_hex(16)}{extension}"
    target = _path(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    size, head = 0, b""
    try:
        with target.open("xb") as out:
            for chunk in chunks:
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InvalidUpload(f"the file is over {MAX_BYTES // 1024 // 1024} MB")
                head = (head + chunk)[:16] if len(head) < 16 else head
                out.write(chunk)
        if not head.startswith(ALLOWED[extension][1]):
            raise InvalidUpload(f"the file's content is not {extension[1:].upper()}")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return name


def response(name: str, *, download_as: str) -> FileResponse:
    """The stored file as a download; the caller has checked the user may see it."""
    path = _path(name)
    if not path.is_file():
        raise NotFound("no such file")
    extension = path.suffix.lower()
    served = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=download_as,
        content_type=ALLOWED[extension][0],
    )
    served["X-Content-Type-Options"] = "nosniff"
    return served


def _path(name: str) -> Path:
    """The file of a storage name, refusing any name that would leave ``MEDIA_ROOT``."""
    match = _STORED.fullmatch(name)
    if match is None or match["extension"] not in ALLOWED:
        raise NotFound("no such file")
    return Path(settings.MEDIA_ROOT).resolve() / match["folder"] / match["file"]
