"""Every state and category the core names in Chinese has an English name."""

from __future__ import annotations

import enum

from planwatch.core import labels_en, problems, projects, tasks
from planwatch.core.labels_en import english_label
from planwatch.core.problems import Severity
from planwatch.core.projects import Level


def test_every_core_label_has_an_english_name():
    missing = [
        f"{member!r}"
        for module in (problems, projects, tasks)
        for kind in vars(module).values()
        if isinstance(kind, type)
        and issubclass(kind, enum.Enum)
        and hasattr(kind, "label_zh")
        and kind.__module__ == module.__name__  # defined there, not imported
        for member in kind
        if not labels_en.known(member)
    ]
    assert missing == []


def test_the_same_chinese_word_in_two_enums_gets_each_its_english_name():
    assert Severity.LOW.label_zh == Level.GENERAL.label_zh == "一般"
    assert (english_label(Severity.LOW), english_label(Level.GENERAL)) == ("Minor", "General")
