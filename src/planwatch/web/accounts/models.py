"""A user's department: the one fact about a user that Django's auth does not hold.

Users and profiles keep a history (who created a user, changed its role or
department, deactivated it) for the audit log. The password hash and the
time of the last login are not part of it: a login is not a change.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from simple_history import register
from simple_history.models import HistoricalRecords

register(
    User,
    app="planwatch.web.accounts",
    m2m_fields=["groups"],  # the role is the user's group
    excluded_fields=["password", "last_login"],
)


class Profile(models.Model):
    """The department a user works for; a clerk writes only that department's data.

    ``department`` matches ``IndicatorRecord.owner`` (区统计局, 区商务委, ...);
    ``region``, when set, is the one district the user's pages and API calls show, or the
    city whose districts they show (:func:`~planwatch.web.accounts.roles.regions_of`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    department = models.CharField(max_length=100, blank=True)
    region = models.ForeignKey(
        "plan.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="a district's users see only its data; empty: every region (the city)",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.user} ({self.department or '—'})"


@receiver(pre_save, sender=User)
def _logins_are_not_changes(
    sender: Any, instance: User, update_fields: Any = None, **_: Any
) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        instance.skip_history_when_saving = True  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def _next_save_has_history(sender: Any, instance: User, **_: Any) -> None:
    instance.__dict__.pop("skip_history_when_saving", None)


class Visit(models.Model):
    """When a user's current and previous visits (sessions) began: "new since your last visit".

    Kept without history, as ``last_login`` is: it records reading, not a change of data.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit"
    )
    began = models.DateTimeField()
    previous = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} {self.began:%Y-%m-%d %H:%M}"
