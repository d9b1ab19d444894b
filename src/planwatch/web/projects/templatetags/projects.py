"""Template filters of the problem board: overdue flags and the steps a user may take."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from planwatch.core.problems import Action, Problem, allowed_actions
from planwatch.services import projects
from planwatch.web.projects.board import may_take

register = template.Library()


@register.filter
def overdue_on(problem: Problem, today: date) -> bool:
    return problem.is_overdue(today)


@register.filter
def actions_for(problem: Problem, user: Any) -> list[Action]:
    """The steps allowed from the problem's state that this user's role may take."""
    return [a for a in allowed_actions(problem.state) if may_take(user, a, problem.department)]


@register.inclusion_tag("projects/_entry_panel.html")
def project_entry_panel(user: Any) -> dict[str, Any]:
    """The submissions page's list of projects ``user`` reports monthly progress on."""
    return {"projects": projects.writable_projects(actor=user)}


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], number: int) -> str:
    """The current list's address at page ``number``, every filter kept."""
    query = context["request"].GET.copy()
    query["page"] = str(number)
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def sort_url(context: dict[str, Any], column: str) -> str:
    """The current list's address sorted by ``column``; ascending first, reversed when it is
    already sorted that way. Back to the first page."""
    query = context["request"].GET.copy()
    query["sort"] = f"-{column}" if query.get("sort", "code") == column else column
    query.pop("page", None)
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def sorted_as(context: dict[str, Any], column: str) -> str:
    """``aria-sort`` of a column header: ascending, descending or none."""
    sort = context["request"].GET.get("sort", "code")
    return {column: "ascending", f"-{column}": "descending"}.get(sort, "none")
