"""A user's department: the one fact about a user that Django's auth does not hold."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Profile(models.Model):
    """The department a user works for; a clerk writes only that department's data.

    ``department`` matches ``IndicatorRecord.owner`` (区统计局, 区商务委, ...).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    department = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.department or '—'})"
