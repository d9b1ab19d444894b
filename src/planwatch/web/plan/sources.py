"""The documents values cite, stored with their text and opened at the cited line.

A value's source ``seed:L37`` names a document of its region by label and a
line. Ingested reports keep their text (:mod:`planwatch.web.plan.ingest`); a
dataset stores the documents its ``documents.toml`` lists, so that the demo's
``seed:L…`` sources open too. Who may read a region's indicators may read the
documents they cite.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planwatch.core.errors import NotFound
from planwatch.services import regions
from planwatch.web.accounts.roles import can_read, require
from planwatch.web.plan.models import Document, Region

LISTING = "documents.toml"


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    cited: bool


@dataclass(frozen=True)
class SourceDocument:
    region: Region
    name: str
    label: str
    year: int
    lines: list[Line]


def load_documents(region: Region, directory: Path) -> int:
    """Store the documents ``directory/documents.toml`` lists for ``region``; how many are new.

    A document already stored for the region (the same text) is left as it is.
    """
    listing = directory / LISTING
    if not listing.is_file():
        return 0
    new = 0
    for label, entry in tomllib.loads(listing.read_text(encoding="utf-8")).items():
        text = (directory / entry["file"]).read_text(encoding="utf-8")
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        _, created = Document.objects.get_or_create(
            region=region,
            sha256=sha,
            defaults={"name": entry["name"], "label": label, "year": entry["year"], "text": text},
        )
        new += created
    return new


def document(*, actor: Any, region_code: str | None, label: str, cited: range) -> SourceDocument:
    """The latest stored text labelled ``label`` of the region, its ``cited`` lines marked.

    ``NotFound`` when the region holds no such text (a report ingested before
    texts were kept has none).
    """
    require(can_read(actor), "请先登录。")
    region = regions.region(region_code, actor=actor)
    stored = (
        Document.objects.filter(region=region, label=label)
        .exclude(text="")
        .order_by("-ingested_at", "-pk")
        .first()
    )
    if stored is None:
        raise NotFound(f"{region.name}没有保存文档 {label!r} 的原文。")
    lines = [
        Line(number, text, number in cited)
        for number, text in enumerate(stored.text.splitlines(), start=1)
    ]
    return SourceDocument(region, stored.name, stored.label, stored.year, lines)
