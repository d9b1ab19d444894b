"""Screenshot every page at desktop (1366) and phone (390) widths into docs/screenshots/.

Run against a server started by ``planwatch demo`` (it creates the demo users):
    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000 [page ...]]
Naming pages (``city``) shoots those alone, without the set-up steps and extras.
Uses Debian's Chromium (/usr/bin/chromium); never downloads a browser.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
ONLY = set(sys.argv[2:])
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSWORD = "planwatch-demo"
PAGES = [  # (name, user or None for anonymous, path)
    ("login", None, "/login/"),
    ("report", None, "/report/"),
    ("dashboard", "office", "/"),
    ("dashboard-2025", "leader", "/?year=2025"),
    ("indicators", "office", "/indicators/"),
    ("indicator", "office", "/indicators/new_urban_jobs/?year=2025"),
    ("indicator-nowcast", "leader", "/indicators/industrial_investment_growth/?year=2025"),
    ("compare", "leader", "/compare/?indicator=gdp_growth"),
    ("submissions", "stats", "/submissions/"),
    ("entry", "stats", "/submissions/new/1/"),
    ("review", "office", "/review/"),
    ("forbidden", "leader", "/review/"),
    ("projects", "leader", "/projects/?lagging=1"),
    ("project", "leader", "/projects/2025-ZF-002/"),
    ("tasks", "leader", "/tasks/"),
    ("problems", "office", "/problems/"),
    ("problem", "office", "/problems/WT-2025-003/"),
    ("task", "leader", "/tasks/3-2/"),
    ("submissions-projects", "commerce", "/submissions/"),
    ("progress-entry", "commerce", "/projects/2025-QY-008/progress/"),
    ("periods", "office", "/periods/"),
    ("periods-clerk", "stats", "/periods/"),
    ("tasks-2024", "leader", "/tasks/?year=2024"),
    ("rankings", "office", "/rankings/?year=2025"),
    ("source-line", "leader", "/sources/seed/?line=37#L37"),
    ("problems-overdue", "office", "/problems/?overdue=1"),
    ("projects-not-reported", "leader", "/projects/?as_of=2025-11&government=1&not_reported=1"),
    ("city", "city", "/city/?year=2025&indicator=gdp_growth"),
]
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
AT_ANCHOR = {"source-line"}  # the screen the anchor scrolls to, not the whole long page


def log_in(page, user: str) -> None:
    page.goto(f"{BASE}/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", PASSWORD)
    page.click("main button.primary")


def submit_one(browser) -> None:
    """A pending submission, so the review queue has something to show."""
    page = browser.new_page()
    log_in(page, "stats")
    page.goto(f"{BASE}/submissions/new/1/")
    page.select_option("#id_period", "2025-Q3")
    page.fill("#id_value", "6.2")
    page.fill("#id_note", "统计快报")
    page.click("button[name=submit]")
    page.close()


def open_periods(browser) -> None:
    """Reporting periods opened by the plan office, so the clerks see what they owe."""
    page = browser.new_page()
    log_in(page, "office")
    for period, due in (("2025-10", "2025-11-10"), ("2025-Q4", "2026-01-15")):
        page.goto(f"{BASE}/periods/")
        page.fill("#id_period", period)
        page.fill("#id_due", due)
        page.click("form[action$='open/'] button")
    page.close()


def progress_refused(browser) -> None:
    """The project progress form refusing a negative amount, the reason beside the field."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(page, "commerce")
    page.goto(f"{BASE}/projects/2025-QY-008/progress/")
    page.fill("#id_completed", "-5")
    page.click("main button.primary")
    page.screenshot(path=str(OUT / "progress-entry-error-desktop.png"), full_page=True)
    page.close()


def print_preview(browser) -> None:
    """The dashboard as the print stylesheet lays it out (a closed year, and one in progress)."""
    for name, path in (
        ("dashboard-print", "/"),
        ("dashboard-2025-print", "/?year=2025"),
        ("rankings-print", "/rankings/?year=2025"),
    ):
        page = browser.new_page(viewport={"width": 1000, "height": 1400})
        log_in(page, "leader")
        page.emulate_media(media="print")
        page.goto(f"{BASE}{path}")
        page.wait_for_timeout(300)
        page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
        page.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        if not ONLY:
            submit_one(browser)
            open_periods(browser)
        for label, (width, height) in WIDTHS.items():
            for name, user, path in (p for p in PAGES if not ONLY or p[0] in ONLY):
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                if user:
                    log_in(page, user)
                page.goto(BASE + path)
                page.wait_for_timeout(300)  # charts draw after DOMContentLoaded
                whole = name not in AT_ANCHOR
                page.screenshot(path=str(OUT / f"{name}-{label}.png"), full_page=whole)
                context.close()
        if not ONLY:
            progress_refused(browser)
            print_preview(browser)
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
