"""Template tags of the city view: a change of rank as an arrow and words."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from planwatch.core.ranking import Ranked

register = template.Library()


@register.simple_tag
def rank_change(ranked: Ranked) -> SafeString:
    """上升2位 / 下降1位 / 持平 with an arrow in its colour (colour is never the only signal);
    a dash when either period has no rank."""
    change = ranked.change
    if change is None:
        words = _("new in the ranking") if ranked.rank and ranked.previous_rank is None else "—"
        return format_html('<span class="rank-change">{}</span>', words)
    if change == 0:
        return format_html(
            '<span class="rank-change"><span aria-hidden="true">＝</span> {}</span>', _("unchanged")
        )
    kind, icon = ("up", "▲") if change > 0 else ("down", "▼")
    words = (
        ngettext("up %(n)d place", "up %(n)d places", change)
        if change > 0
        else ngettext("down %(n)d place", "down %(n)d places", -change)
    ) % {"n": abs(change)}
    return format_html(
        '<span class="rank-change {}"><span aria-hidden="true">{}</span> {}</span>',
        kind,
        icon,
        words,
    )
