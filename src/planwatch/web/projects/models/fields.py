"""Helpers shared by the models of this app."""

from __future__ import annotations


def enum_choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.label_zh) for member in enum]  # type: ignore[attr-defined]


def split_list(text: str) -> tuple[str, ...]:
    """Read a ``|``-separated list field."""
    return tuple(item for item in text.split("|") if item)
