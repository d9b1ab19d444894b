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
