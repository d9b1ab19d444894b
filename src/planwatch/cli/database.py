"""Start Django for a CLI command and make sure the schema is current."""

from __future__ import annotations

from functools import cache


@cache
def ready() -> None:
    from planwatch import web

    web.setup()
    web.migrate()
