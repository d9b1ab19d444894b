"""Every page fits a 360 px phone without sideways scrolling, for every role that opens it.

The pages are listed from the URLconf: a new page fails here until it is given
sample arguments (or named as not a page: a POST action, a download).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from planwatch.cli.plan import DEMO_DATASET
from planwatch.services import values
from planwatch.services.value_checks import Entry
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.projects.demo import load_year
from planwatch.web.projects.models import ProblemRecord, ProjectRecord, TaskRecord
from planwatch.web.submissions import periods
from tests.browser.conftest import PASSWORD, log_in
from tests.web.views.conftest import indicator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]
SHOTS = os.environ.get("PLANWATCH_SCREENSHOTS")  # a folder: keep the pages as pictures
PHONE = 360
NOT_PAGES = {  # POST actions and downloads: nothing to lay out
    "logout", "set_language", "submissions:approve", "submissions:return",
    "submissions:close_period", "submissions:open_period", "submissions:import",
    "submissions:workbook", "projects:evidence", "projects:step", "plan:report-download",
    "projects:problem-evidence",
    "submissions:edit", "submissions:correct",  # need a submission; the entry form is measured
}  # fmt: skip


# the innermost elements reaching past the screen's right edge, to say what to fix
WIDEST = """(() => {
  const scrolls = a => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX);
  const clipped = e => {
    for (let a = e.parentElement; a; a = a.parentElement) if (scrolls(a)) return true;
    return false;
  };
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !clipped(e))
    .slice(-5).map(e => [e.tagName, e.className, Math.round(e.getBoundingClientRect().right),
      e.textContent.trim().slice(0, 30)].join(' '));
})()"""


def named_pages() -> list[str]:
    """Every named route of the site outside the admin and the API, as ``namespace:name``."""
    found: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if str(p.pattern) not in ("admin/", "api/"):
                    walk(p.url_patterns, f"{p.namespace}:" if p.namespace else prefix)
            elif isinstance(p, URLPattern) and p.name:
                found.append(prefix + p.name)

    walk(get_resolver().url_patterns, "")
    return found


def sample_paths() -> dict[str, str]:
    """A path for each page, with the demo's objects."""
    project = ProjectRecord.objects.filter(department__name="区商务委").order_by("code").first()
    problem = ProblemRecord.objects.order_by("code").first()
    task = TaskRecord.objects.filter(lead="区商务委").order_by("code").first()
    assert project is not None and problem is not None and task is not None
    return {
        "login": "/login/",
        "plan:dashboard": "/",
        "plan:indicators": "/indicators/",
        "plan:indicator": "/indicators/gdp_growth/?year=2025",
        "plan:compare": "/compare/?indicator=gdp_growth",
        "plan:city": "/city/?indicator=gdp_growth",
        "plan:report": "/report/",
        "plan:search": "/search/?q=增速",
        "projects:list": "/projects/",
        "projects:detail": f"/projects/{project.code}/",
        "projects:progress": f"/projects/{project.code}/progress/",
        "projects:tasks": "/tasks/",
        "projects:task": f"/tasks/{task.code}/",
        "projects:problems": "/problems/",
        "projects:new-problem": "/problems/new/",
        "projects:task-progress": f"/tasks/{task.code}/progress/?year={task.year}",
        "projects:problem": f"/problems/{problem.code}/",
        "submissions:mine": "/submissions/",
        "submissions:new": f"/submissions/new/{indicator('gdp_growth').id}/",
        "submissions:periods": "/periods/",
        "submissions:review": "/review/",
        "reminders:compliance": "/compliance/",
        "plan:source": "/sources/seed/?line=37",
        "projects:rankings": "/rankings/",
    }


ROLES = {  # who opens which pages: a page only the office may open is measured as the office
    "office": None,
    "stats": {"submissions:mine", "submissions:new", "submissions:periods"},
    "commerce": {"submissions:mine", "projects:progress", "projects:problems"}
    | {"projects:task-progress"},
    "leader": {
        "plan:dashboard",
        "plan:indicators",
        "plan:indicator",
        "projects:list",
        "plan:search",
        "plan:source",
        "projects:rankings",
        "plan:city",
    },
    None: {"login", "plan:report"},
}


def test_every_page_fits_a_360_px_phone_for_every_role(browser, site):
    load_year(DEMO_DATASET, 2025)
    create_user("commerce", PASSWORD, Role.CLERK, department="区商务委", replace=True)
    office = User.objects.get(username="office")
    due = timezone.localdate() + timedelta(days=2)
    periods.open_period(actor=office, region_code="fuling", period="2025-Q4", due=due)
    clerk, gdp = User.objects.get(username="stats"), indicator("gdp_growth").id
    values.submit_value(actor=clerk, indicator_id=gdp, entry=Entry("2025-Q4", 6.0))  # to review
    paths = sample_paths()
    unknown = [n for n in named_pages() if n not in paths and n not in NOT_PAGES]
    assert unknown == [], "give these pages sample arguments or list them in NOT_PAGES"
    widths: dict[tuple[str, str], int] = {}
    wide: dict[tuple[str, str], list[str]] = {}
    for who, pages in ROLES.items():
        page = _phone(browser, site, who)
        for name in sorted(pages or paths):
            page.goto(site + paths[name])
            widths[(str(who), name)] = page.evaluate("document.documentElement.scrollWidth")
            if widths[(str(who), name)] > PHONE:
                wide[(str(who), name)] = page.evaluate(WIDEST)
            if SHOTS:
                shot = Path(SHOTS) / f"{who}-{name.replace(':', '-')}-{PHONE}.png"
                page.screenshot(path=str(shot), full_page=True)
        page.context.close()
    print("\n".join(f"{w:5d}  {who:7s} {name}" for (who, name), w in sorted(widths.items())))
    assert wide == {}


def test_every_page_fits_a_360_px_phone_in_english_too(browser, site):
    """English words run longer than Chinese ones: the office's pages measured again in English."""
    load_year(DEMO_DATASET, 2025)
    page = _phone(browser, site, "office")
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": site}])
    wide: dict[str, list[str]] = {}
    for name, path in sorted(sample_paths().items()):
        page.goto(site + path)
        if page.evaluate("document.documentElement.scrollWidth") > PHONE:
            wide[name] = page.evaluate(WIDEST)
    assert page.locator("html").get_attribute("lang") == "en"
    assert wide == {}


def _phone(browser, site: str, who: str | None):
    if who is None:
        return browser.new_context(viewport={"width": PHONE, "height": 780}).new_page()
    page = log_in(browser, site, who)
    page.set_viewport_size({"width": PHONE, "height": 780})
    return page


def test_the_menu_folds_behind_a_button_on_a_phone_and_stays_open_on_a_desk(browser, site):
    page = _phone(browser, site, "office")
    review = page.locator("#main-nav").get_by_role("link", name="审核")
    assert not review.is_visible()
    page.get_by_role("button", name="菜单").click()
    assert review.is_visible() and page.evaluate("document.documentElement.scrollWidth") <= PHONE
    _shoot(page, "menu-open")
    page.set_viewport_size({"width": 1366, "height": 900})
    assert review.is_visible() and not page.get_by_role("button", name="菜单").is_visible()
    _shoot(page, "menu-desk")


def _shoot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))
