"""The reminder job: each new stage of an obligation, sent once to the department's clerks.

One e-mail per department and run lists every value that entered a new stage;
the in-app reminder (badge and panel) needs no sending. A stage is claimed by
inserting its :class:`SentReminder` row: a second run, or a second worker at
the same moment, finds the row (or hits the unique constraint) and sends
nothing. The rows are committed before the e-mail goes, so no database lock is
held while the mail server answers; when it refuses, the rows are deleted and
the next run tries again (a crash in between loses a reminder, never doubles one).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from planwatch.core.reminders import due_words_zh
from planwatch.web.accounts.roles import Role
from planwatch.web.reminders.models import SentReminder
from planwatch.web.reminders.owed import Outstanding, outstanding
from planwatch.web.reminders.system import system_user
from planwatch.web.submissions.periods import obligations

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sent:
    """What one run did: stages recorded, e-mails sent."""

    reminders: int
    emails: int


def send_reminders(*, today: date | None = None) -> Sent:
    """Send every stage reached by ``today`` (default: the local date) and not sent before."""
    today = today or timezone.localdate()
    by_department: dict[str, list[Outstanding]] = defaultdict(list)
    for item in outstanding(obligations(actor=system_user(), today=today), today):
        if item.stage is not None and not _sent(item):
            by_department[item.obligation.department].append(item)
    reminders = emails = 0
    for department, items in sorted(by_department.items()):
        to = clerk_addresses(department)
        with transaction.atomic():
            claimed = [row for item in items if (row := _claim(item, department, to))]
        if claimed and to:
            try:
                _message(department, items, claimed, to, today).send()
            except (SMTPException, OSError) as error:
                SentReminder.objects.filter(pk__in=[r.pk for r in claimed]).delete()
                log.warning(
                    "reminder e-mail to %s not sent, kept for the next run: %s", department, error
                )
                continue
            emails += 1
        reminders += len(claimed)
    return Sent(reminders, emails)


def clerk_addresses(department: str) -> list[str]:
    """The e-mail addresses of the department's active clerks."""
    clerks = User.objects.filter(
        is_active=True, groups__name=Role.CLERK.value, profile__department=department
    ).exclude(email="")
    return sorted(set(clerks.values_list("email", flat=True)))


def _sent(item: Outstanding) -> bool:
    o = item.obligation
    return SentReminder.objects.filter(
        period=o.period, indicator=o.indicator, stage=item.stage
    ).exists()


def _claim(item: Outstanding, department: str, to: list[str]) -> SentReminder | None:
    """Record the stage as sent, or None when it already is (another worker, just now)."""
    o = item.obligation
    try:
        with transaction.atomic():  # a savepoint: the unique constraint decides
            return SentReminder.objects.create(
                period=o.period,
                indicator=o.indicator,
                department=department,
                stage=item.stage,
                sent_at=timezone.now(),
                recipients=", ".join(to),
            )
    except IntegrityError:
        return None


def _message(
    department: str,
    items: list[Outstanding],
    claimed: list[SentReminder],
    to: list[str],
    today: date,
) -> EmailMessage:
    """One e-mail listing the values whose stage this run claimed."""
    mine = {(r.period_id, r.indicator_id) for r in claimed}
    items = [i for i in items if (i.obligation.period.pk, i.obligation.indicator.pk) in mine]
    lines = [f"{department}:以下{len(items)}项数据尚未报送,请及时填报。", ""]
    for item in items:
        o = item.obligation
        lines.append(
            f"- {o.indicator.name} {o.period.period}"
            f"(截止 {o.period.due},{due_words_zh(o.period.due, today)})"
        )
    lines += ["", f"填报入口:{settings.PLANWATCH_SITE_URL.rstrip('/')}/periods/"]
    subject = f"[planwatch] {department}:{len(items)}项数据待报送"
    return EmailMessage(subject, "\n".join(lines), to=to)
