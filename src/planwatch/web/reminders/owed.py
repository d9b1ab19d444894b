"""What a department still owes and at which reminder stage: the badge, the panel, the job."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from planwatch.core.reminders import stage_on
from planwatch.web.accounts.roles import Role, department_of, role_of
from planwatch.web.submissions.models import State, Submission
from planwatch.web.submissions.periods import Obligation, Owed, obligations

DONE = (Owed.SUBMITTED, Owed.APPROVED)


@dataclass(frozen=True)
class Outstanding:
    """An obligation not yet submitted, and its reminder stage today (None: not yet reminded)."""

    obligation: Obligation
    stage: int | None
    today: date

    @property
    def stage_label(self) -> str:
        """How the due date stands, in the page's language (the e-mail uses the core's words)."""
        days = (self.today - self.obligation.period.due).days
        if days < 0:
            return ngettext("due in %(n)d day", "due in %(n)d days", -days) % {"n": -days}
        if days == 0:
            return gettext("due today")
        return ngettext("%(n)d day overdue", "%(n)d days overdue", days) % {"n": days}


def outstanding(owed: Iterable[Obligation], today: date) -> list[Outstanding]:
    """The obligations neither submitted nor approved, soonest due first."""
    found = [
        Outstanding(o, stage_on(o.period.due, today), today) for o in owed if o.state not in DONE
    ]
    return sorted(found, key=lambda x: (x.obligation.period.due, x.obligation.indicator.position))


def mine(user: Any, today: date | None = None) -> list[Outstanding]:
    """What a clerk's department still owes in the open periods (empty for other roles)."""
    if role_of(user) is not Role.CLERK or not department_of(user):
        return []
    today = today or timezone.localdate()
    return outstanding(obligations(actor=user, today=today), today)


@dataclass(frozen=True)
class Badges:
    """The counts the navigation shows: values to chase on 数据报送, to review on 审核."""

    owed: int = 0
    review: int = 0


def badges(user: Any, today: date | None = None) -> Badges:
    """A clerk: its values in a reminder stage. The plan office: overdue values, pending reviews."""
    role = role_of(user)
    if role is Role.CLERK:
        return Badges(owed=sum(x.stage is not None for x in mine(user, today)))
    if role is Role.PLAN_OFFICE:
        today = today or timezone.localdate()
        late = sum(o.overdue for o in obligations(actor=user, today=today))
        return Badges(owed=late, review=Submission.objects.filter(state=State.SUBMITTED).count())
    return Badges()


def due_period(user: Any, indicator: Any, today: date | None = None) -> str | None:
    """The open period ``indicator`` is owed for, soonest due first (None: nothing owed).

    The entry form opens on it, so that a clerk enters what it is chased for.
    """
    today = today or timezone.localdate()
    owed = obligations(actor=user, region_code=indicator.region.code, today=today)
    found = outstanding((o for o in owed if o.indicator.id == indicator.id), today)
    return found[0].obligation.period.period if found else None
