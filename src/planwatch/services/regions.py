"""Which region a read or a write is about: projects, key tasks and problems belong to one.

A page or a call names its region (``?region=``); without one it is the
first region by code (the only one in a district deployment), as on the plan
pages (:func:`planwatch.web.plan.pages.scope`). Dataset loads take the
region of their directory's ``region.toml``, and link it to its city
(:func:`link_parent`). A city holds no plan of its own: it is never a default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from planwatch.core.dataset import Region as NamedRegion
from planwatch.core.dataset import read_region
from planwatch.core.errors import NotFound
from planwatch.web.accounts.roles import region_of, regions_of, require
from planwatch.web.plan.models import Region

Held = TypeVar("Held", bound=Model)


def region(code: str | None = None, *, actor: Any = None) -> Region:
    """The region ``code``, or the first one by code when ``None``; ``NotFound`` otherwise.

    An ``actor`` of a district (:func:`~planwatch.web.accounts.roles.region_of`) gets
    that district by default and is refused any other; an actor of a city gets its first
    district by default and may ask for any of them
    (:func:`~planwatch.web.accounts.roles.regions_of`).
    """
    own = None if actor is None else regions_of(actor)
    regions = Region.objects.order_by("code")
    if own is not None:
        seen = regions.filter(pk__in=own)
        if not code:
            return seen.districts().first() or seen.get(pk=region_of(actor))
        found = seen.filter(code=code).first()
        require(found is not None, f"只能查看{regions.get(pk=region_of(actor)).name}的数据。")
        return found  # type: ignore[return-value]
    found = regions.filter(code=code).first() if code else regions.districts().first()
    if found is None:
        raise NotFound(f"没有地区 {code!r}。" if code else "还没有载入任何地区。")
    return found


def require_sees(region_id: int, *, actor: Any) -> None:
    """Refuse ``actor`` an object of a region outside its own (a district's users keep to
    their district, a city's to its districts); the unscoped see every one."""
    own = None if actor is None else regions_of(actor)
    if own is not None and region_id not in own:
        require(False, f"只能查看{Region.objects.get(pk=region_of(actor)).name}的数据。")


def of_code(records: QuerySet[Held], code: str, asked: str | None, *, actor: Any) -> Held | None:
    """The one of ``records`` (a model with ``region`` and ``code``) of ``code`` in the region
    ``asked`` (a region code), ``None`` when there is none.

    Codes are unique within a region only. Without ``asked``: the only record of
    that code, else the one of ``actor``'s district, else the default region's
    (:func:`region`). Whether ``actor`` may see it is the caller's to check.
    """
    chosen = records.filter(code=code)
    if asked:
        chosen = chosen.filter(region=region(asked))
    found = list(chosen)
    if len(found) > 1:
        default = region(actor=actor).pk
        found = [r for r in found if r.region_id == default]  # type: ignore[attr-defined]
    return found[0] if found else None


def dataset_region(directory: Path) -> Region:
    """The region of a dataset directory, stored with its names when it is new.

    Existing regions are left as they are: their names are the plan dataset's
    (:func:`planwatch.web.plan.services.load_dataset`) to change.
    """
    named = read_region(directory)
    stored, created = Region.objects.get_or_create(
        code=named.code, defaults={"name": named.name, "name_en": named.name_en}
    )
    if created or stored.parent_id is None:
        link_parent(stored, named)
    return stored


def link_parent(stored: Region, named: NamedRegion) -> None:
    """Make ``stored`` a district of the city ``named`` names: the city of code
    ``parent_code`` (created with the names given when it is new), else the region named
    ``parent``; left as it is when the dataset names no city or an unknown one without a code."""
    city = None
    if named.parent_code:
        city, _ = Region.objects.get_or_create(
            code=named.parent_code,
            defaults={"name": named.parent or named.parent_code, "name_en": named.parent_name_en},
        )
    elif named.parent:
        city = Region.objects.filter(name=named.parent).exclude(pk=stored.pk).first()
    if city is not None and city.pk != stored.parent_id:
        stored.parent = city
        stored.save(update_fields=["parent"])
