"""Workbooks for tests of hostile input: a plain one, and a decompression bomb made of it."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook


def workbook_bytes() -> bytes:
    book = Workbook()
    book.active.append(["指标代码", "本期数值"])
    book.active.append(["gdp_growth", 6.5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bomb(part_bytes: int, *, method: int = zipfile.ZIP_DEFLATED) -> io.BytesIO:
    """A real workbook plus a shared-strings part of one huge string: megabytes become gigabytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook_bytes())) as source,
        zipfile.ZipFile(out, "w", method) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        strings = zipfile.ZipInfo("xl/sharedStrings.xml")
        strings.compress_type = method
        with target.open(strings, "w") as part:
            chunk = b"A" * (1024 * 1024)
            for _ in range(part_bytes // len(chunk)):
                part.write(chunk)
    out.seek(0)
    return out
