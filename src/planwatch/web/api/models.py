"""API tokens: one user's key to the API, stored only as a hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A bearer token of one user; the API acts with exactly that user's permissions.

    Only the SHA-256 of the token is stored (a token is 256 random bits, so a
    fast hash is enough); ``prefix`` lets a person recognise it in a list.
    A revoked token is kept (when and whose it was), never deleted.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    expires = models.DateTimeField(null=True, blank=True, help_text="no longer valid from then")
    revoked = models.DateTimeField(
        null=True, blank=True, help_text="revoked then; kept for the log"
    )

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
