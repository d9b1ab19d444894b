"""Report bytes → plain text: encoding detection, HTML to paragraph lines, traditional → simplified.

Plain-text input keeps its lines exactly (line numbers of statements are lines
of the file). HTML input becomes one line per block element, without scripts,
styles, forms and navigation, so its line numbers refer to the returned text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import opencc  # type: ignore[import-untyped]  # the package ships no type information

from planwatch.core.errors import UnreadableReport

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (DOCX/XLSX?)",
    b"\xd0\xcf\x11\xe0": "an OLE document (DOC/XLS?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "form", "select", "iframe"}
_SKIP_MARKS = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|share|toolbar|crumb", re.I)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "title",
}  # fmt: skip
_VOID_TAGS = {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "source", "wbr"}
_T2S = opencc.OpenCC("t2s")


def read_report(source: str | Path | bytes) -> str:
    """The text of a report given as a path or as raw bytes.

    Decodes UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 (a
    superset of GBK and GB2312); turns HTML into paragraph lines; converts
    traditional characters to simplified when the text is mostly traditional.
    Raises :class:`UnreadableReport` for a missing file, empty input, binary
    data or bytes no encoding explains.
    """
    data = _read_bytes(source)
    if not data.strip():
        raise UnreadableReport("the report is empty")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnreadableReport(
                f"the report is {what}, not text; convert it to text or HTML first"
            )
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data[:4096]:
        raise UnreadableReport("the report looks like binary data, not text")
    text = _decode(data)
    if _looks_binary(text):
        raise UnreadableReport("the report looks like binary data, not text")
    if _HTML_START.match(data[:2048]):
        text = html_to_text(text)
    text = to_simplified(text)
    if not text.strip():
        raise UnreadableReport("the report holds no text")
    return text


def _read_bytes(source: str | Path | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableReport(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UnreadableReport(f"a directory, not a report: {path}") from None
    except OSError as error:
        raise UnreadableReport(f"cannot read {path}: {error.strerror}") from None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    declared = _META_CHARSET.search(data[:4096])
    candidates = ["utf-8", "gb18030"]
    if declared:
        candidates.insert(0, declared.group(1).decode("ascii").lower())
    for encoding in candidates:
        try:
            return data.decode("gb18030" if encoding in {"gbk", "gb2312"} else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableReport("the report is in no encoding I know (tried UTF-8, GB18030)")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    return "\x00" in sample or controls > len(sample) * 0.05


def to_simplified(text: str) -> str:
    """``text`` in simplified characters when at least 1 % of its Han characters are traditional.

    Simplified text is returned unchanged, so that conversion quirks never
    touch a report that needed none.
    """
    converted: str = _T2S.convert(text)
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    return converted if han and changed >= max(1, han // 100) else text


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._stack: list[tuple[str, bool]] = []

    @property
    def _skipping(self) -> bool:
        return any(skip for _, skip in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID_TAGS:
            return
        marks = " ".join(v or "" for k, v in attrs if k in {"class", "id", "role"})
        self._stack.append((tag, tag in _SKIP_TAGS or bool(_SKIP_MARKS.search(marks))))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self._current)).strip(" \u3000")
        if line:
            self.lines.append(line)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(html: str) -> str:
    """Visible paragraph text of an HTML page, one block per line.

    Scripts, styles, forms and elements marked as navigation, header, footer or
    sidebar (by tag, class, id or role) are dropped; entities are decoded.
    """
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.lines) + "\n"
