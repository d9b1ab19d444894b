"""Browser tests: Playwright drives Debian's Chromium against a live server.

They skip, saying why, where /usr/bin/chromium is missing; no browser is ever
downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from planwatch.cli.plan import DEMO_DATASET
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.plan.services import load_dataset

CHROMIUM = Path("/usr/bin/chromium")

# Playwright's sync API keeps an event loop on the test thread; the test's own
# database reads there are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM}: apt-get install chromium")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


PASSWORD = "browser-test-password"


@pytest.fixture
def site(transactional_db, live_server) -> str:
    """The demo data and three users; ``replace`` because earlier tests may have left theirs."""
    load_dataset(DEMO_DATASET)
    create_user("stats", PASSWORD, Role.CLERK, department="区统计局", replace=True)
    create_user("office", PASSWORD, Role.PLAN_OFFICE, replace=True)
    create_user("leader", PASSWORD, Role.LEADER, replace=True)
    return live_server.url


def log_in(browser, site: str, username: str):
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_label("密码").press("Enter")
    page.wait_for_url(lambda url: "/login/" not in url)  # each role lands on its own page
    return page
