"""The committed Chinese catalogue is complete and its compiled .mo matches the .po."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import planwatch.web

MESSAGES = Path(planwatch.web.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES"


def unquote(lines: str) -> str:
    return "".join(re.findall(r'"(.*)"', lines)).replace('\\"', '"')


def po_entries() -> dict[str, str]:
    text = (MESSAGES / "django.po").read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            entries[unquote(msgid.group(1))] = unquote(msgstr.group(1))
    entries.pop("", None)
    return entries


def test_every_message_is_translated_and_none_is_fuzzy():
    text = (MESSAGES / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text
    assert [m for m, t in po_entries().items() if not t] == []


def test_the_compiled_catalogue_matches_the_po_file():
    with (MESSAGES / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = [m for m, t in po_entries().items() if "%(n)s" not in m and compiled.gettext(m) != t]
    assert stale == [], "run scripts/messages to recompile django.mo"
