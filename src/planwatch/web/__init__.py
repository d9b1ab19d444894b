"""The Django layer: persistence of the core, services, admin, views and API."""

from __future__ import annotations

import os


def setup() -> None:
    """Configure Django for code outside a Django process (the CLI, scripts)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.web.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)


def migrate(verbosity: int = 0) -> None:
    """Create or update the database schema, and the shared cache's table."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=verbosity)
