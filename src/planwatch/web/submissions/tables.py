"""The submission tables as Excel sheets."""

from __future__ import annotations

from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from planwatch.web.excel import Sheet
from planwatch.web.submissions.models import Submission


def submission_sheet(title: str, submissions: list[Submission]) -> Sheet:
    headers = [
        _("Indicator"), _("Period"), _("Value"), _("Unit"), _("Status"), _("State"),
        _("Department"), _("Submitted by"), _("Note"), _("Review comment"), _("Updated"),
    ]  # fmt: skip
    rows = [
        [
            s.indicator.name,
            s.period,
            s.value,
            s.indicator.unit,
            _("estimate") if s.status == "estimate" else _("actual"),
            s.get_state_display(),
            s.department,
            s.author.username,
            s.note,
            s.review_comment,
            localtime(s.updated_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for s in submissions
    ]
    return Sheet(title, headers, rows)
