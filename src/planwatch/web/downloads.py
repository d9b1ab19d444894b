"""File downloads: one way to name an attachment, whatever characters its name holds."""

from __future__ import annotations

import re
from urllib.parse import quote

from django.http import HttpResponse

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def attachment(
    content: bytes | str, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    """A response the browser saves as ``filename`` (with ``inline``: shows, named so if saved).

    An ASCII name is sent as it is; any other (区商务委-2025-06.xlsx) is
    percent-encoded as RFC 6266 says, which every current browser reads.
    Characters no file name may hold (a "/" in an indicator's name, a quote)
    become ``_``.
    """
    response = HttpResponse(content, content_type=content_type)
    filename = _UNSAFE.sub("_", filename)
    kind = "inline" if inline else "attachment"
    if filename.isascii():
        response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    else:
        response["Content-Disposition"] = f"{kind}; filename*=UTF-8''{quote(filename)}"
    return response
