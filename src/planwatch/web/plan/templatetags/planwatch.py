"""Template filters: verdicts as words and icons, numbers, names and sources, per language."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from planwatch.core.as_of import AsOf, AsOfRule
from planwatch.core.changes import change_words
from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.labels_en import english_label
from planwatch.core.nowcast import Assessment
from planwatch.core.rule_wording import (
    cited_lines,
    origin_words,
    outlook_words,
    rule_words,
    source_words,
)
from planwatch.core.timeprogress import Light, TimeProgress
from planwatch.core.wording import yuan_en

register = template.Library()

_ICONS = {
    Verdict.ABOVE: "▲",
    Verdict.MET: "●",
    Verdict.BELOW: "▼",
    Verdict.NO_DATA: "○",
    Verdict.NOT_REPORTED: "◌",
    Verdict.NO_TARGET: "–",
    Verdict.AWAITING: "…",
    Verdict.NEEDS_JUDGEMENT: "?",
}
_LIGHTS = {
    Light.GREEN: ("▲", gettext_lazy("ahead of time progress")),
    Light.AMBER: ("◆", gettext_lazy("slightly behind time progress")),
    Light.RED: ("▼", gettext_lazy("behind time progress")),
}


def english() -> bool:
    return (get_language() or "").startswith("en")


@register.filter
def verdict_label(verdict: Verdict | str) -> str:
    verdict = Verdict(verdict)
    return verdict.label_en if english() else verdict.label_zh


def light_label(light: Light | str) -> str:
    """序时进度 as an icon and words: 快于序时 / 略慢于序时 / 滞后."""
    icon, words = _LIGHTS[Light(light)]
    return f"{icon} {words}"


@register.filter
def name_of(indicator: Any) -> str:
    """The indicator's name, in English when the page is English and one is known."""
    return indicator.name_en if english() and indicator.name_en else indicator.name


@register.filter
def num(value: float | None) -> str:
    """A value as a plan writes it: no trailing zeros, at most four decimals."""
    if value is None:
        return "—"
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


@register.filter
def label(member: Enum) -> str:
    """A state's or category's name in the page's language (``label_zh`` in Chinese)."""
    return english_label(member) if english() else str(getattr(member, "label_zh", member))


@register.filter
def money(wan: Any) -> str:
    """An amount stored in 万元: "935 万元" in Chinese, "¥9.35 million" in English."""
    if wan is None:
        return "—"
    return yuan_en(wan) if english() else f"{num(float(wan))} 万元"


@register.filter
def source_label(source: str) -> str:
    """``seed:L33`` → "report line 33"; ``illustrative`` → "" (templates show a 示例数据 tag)."""
    return source_words(source or "", english=english())


@register.simple_tag
def source_link(source: str, region_code: str = "") -> str:
    """A source in words, linked to its line in the stored document when it cites one
    (of ``region_code``; without one, the reader's region, as every page defaults)."""
    words = source_label(source)
    cited = cited_lines(source)
    if cited is None or not words:
        return words
    label, first, last = cited
    lines = str(first) if first == last else f"{first}-{last}"
    region = f"region={region_code}&" if region_code else ""
    href = f"{reverse('plan:source', args=[label])}?{region}line={lines}#L{first}"
    return format_html('<a class="source" href="{}">{}</a>', href, words)


@register.filter
def change_label(found: Any) -> str:
    """An :class:`~planwatch.services.changes.IndicatorChange` in words: "比上月提高0.3个百分点"."""
    return change_words(found.change, found.indicator.unit, english=english())


@register.filter
def has_new(changes: Any, code: str) -> bool:
    """Whether a value of indicator ``code`` is new in the page's ``changes``."""
    return bool(changes.is_new(code))


@register.filter
def origin_label(origin: str) -> str:
    """``dataset:fuling`` → "数据集导入(fuling)": what put a value here, in words."""
    return origin_words(origin or "", english=english())


@register.filter
def rule_label(evaluation: Evaluation) -> str:
    """The rule that decided an evaluation, as a sentence (the code stays in the API)."""
    return rule_words(evaluation, english=english())


@register.filter
def outlook_label(assessment: Assessment) -> str:
    """An in-year assessment as the brief writes it, not the nowcast's rule code."""
    return outlook_words(assessment, english=english())


@register.filter
def is_illustrative(source: str) -> bool:
    return source == "illustrative"


@register.filter
def as_json(value: Any) -> str:
    """JSON for a ``data-`` attribute; left unsafe on purpose so autoescaping quotes it."""
    return json.dumps(value, ensure_ascii=False)


@register.simple_tag(takes_context=True)
def xlsx_url(context: dict[str, Any]) -> str:
    """The current page's address asking for its table as an Excel workbook."""
    query = context["request"].GET.copy()
    query["format"] = "xlsx"
    return "?" + query.urlencode()


@register.simple_tag(name="verdict")
def verdict_tag(verdict: Verdict | str) -> SafeString:
    """A verdict as icon and words in its colour (colour is never the only signal)."""
    verdict = Verdict(verdict)
    return format_html(
        '<span class="verdict v-{}"><span aria-hidden="true">{}</span> {}</span>',
        verdict.value,
        _ICONS[verdict],
        verdict_label(verdict),
    )


@register.simple_tag
def progress(p: TimeProgress) -> SafeString:
    """序时进度: the light as icon and words, then progress against time elapsed."""
    return format_html(
        '<span class="progress l-{}" title="{}">{} <span class="muted">{}% / {}%</span></span>',
        p.light.value,
        _("Time progress"),
        light_label(p.light),
        f"{p.progress:.0f}",
        f"{p.expected:.0f}",
    )


_AS_OF_RULES = {
    AsOfRule.GIVEN: gettext_lazy("as asked"),
    AsOfRule.CLOSED_PERIOD: gettext_lazy("the latest closed reporting period"),
    AsOfRule.MOST_REPORTED: gettext_lazy("the latest month most indicators reported"),
    AsOfRule.WHOLE_YEAR: gettext_lazy("the whole year"),
}


@register.simple_tag
def as_of_note(as_of: AsOf) -> SafeString:
    """截至 the period an evaluation looks up to, and the rule that chose it."""
    return format_html(
        '<span class="as-of" data-as-of="{}">{}</span>',
        as_of.period,
        _("As of %(period)s (%(rule)s)")
        % {"period": as_of.period, "rule": _AS_OF_RULES[as_of.rule]},
    )


@register.simple_tag
def judgement(e: Evaluation) -> SafeString:
    """Where an indicator stands: its time progress while the year runs, else its verdict."""
    return progress(e.progress) if e.progress is not None else verdict_tag(e.verdict)
