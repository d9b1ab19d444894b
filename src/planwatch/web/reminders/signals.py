"""Submitting a value closes the problem its late obligation became, in the same transaction.

A signal, so that every way of submitting (form, workbook, API, CLI) closes it
without each knowing about problems; the job's sweep
(:func:`~planwatch.web.reminders.escalation.settle_all`) is the backstop.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from planwatch.web.reminders.escalation import settle
from planwatch.web.submissions.models import Submission


@receiver(post_save, sender=Submission, dispatch_uid="planwatch-reminders-settle")
def close_problem_on_submission(sender: Any, instance: Submission, **kwargs: Any) -> None:
    settle(instance)
