"""Which region a read or a write is about: projects, key tasks and problems belong to one.

A page or a call names its region (``?region=``); without one it is the
first region by code (the only one in a district deployment), as on the plan
pages (:func:`planwatch.web.plan.pages.scope`). Dataset loads take the
region of their directory's ``region.toml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwatch.core.dataset import read_region
from planwatch.core.errors import NotFound
from planwatch.web.accounts.roles import region_of, require
from planwatch.web.plan.models import Region


def region(code: str | None = None, *, actor: Any = None) -> Region:
    """The region ``code``, or the first one by code when ``None``; ``NotFound`` otherwise.

    An ``actor`` of a district (:func:`~planwatch.web.accounts.roles.region_of`) gets
    that district by default and is refused any other.
    """
    own = None if actor is None else region_of(actor)
    if own is not None:
        mine = Region.objects.get(pk=own)
        require(code in (None, "", mine.code), f"只能查看{mine.name}的数据。")
        return mine
    regions = Region.objects.order_by("code")
    found = regions.filter(code=code).first() if code else regions.first()
    if found is None:
        raise NotFound(f"没有地区 {code!r}。" if code else "还没有载入任何地区。")
    return found


def dataset_region(directory: Path) -> Region:
    """The region of a dataset directory, stored with its names when it is new.

    Existing regions are left as they are: their names are the plan dataset's
    (:func:`planwatch.web.plan.services.load_dataset`) to change.
    """
    named = read_region(directory)
    stored, _ = Region.objects.get_or_create(
        code=named.code,
        defaults={"name": named.name, "name_en": named.name_en, "parent": named.parent},
    )
    return stored
