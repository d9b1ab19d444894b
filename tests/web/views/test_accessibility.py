"""Every form field on every page has a label; the page language is declared."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from planwatch.services import values
from planwatch.services.values import Entry
from tests.web.views.conftest import client_for, indicator, user


class Fields(HTMLParser):
    """Collects form fields, and which of them a <label> names (by ``for`` or by nesting)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open <label> elements
        self.labelled_ids: set[str] = set()
        self.fields: list[tuple[str, dict[str, str], bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "label":
            self.depth += 1
            if "for" in found:
                self.labelled_ids.add(found["for"])
        elif tag in ("input", "select", "textarea") and found.get("type") not in (
            "hidden",
            "submit",
            "button",
        ):
            self.fields.append((tag, found, self.depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.depth -= 1

    def unlabelled(self) -> list[str]:
        return [
            f"{tag} name={a.get('name')}"
            for tag, a, nested in self.fields
            if not (nested or a.get("id") in self.labelled_ids or a.get("aria-label"))
        ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "path"),
    [
        (None, "/login/"),
        (None, "/report/"),
        ("office", "/"),
        ("office", "/indicators/"),
        ("office", "/indicators/gdp_growth/"),
        ("office", "/compare/"),
        ("stats", "/submissions/"),
        ("stats", "/submissions/new/{gdp}/"),
        ("office", "/review/"),
        ("office", "/projects/"),
        ("office", "/problems/"),
        ("office", "/?year=2025"),
        ("office", "/problems/WT-2025-003/"),
        ("leader", "/tasks/3-2/"),
        ("office", "/projects/2025-ZF-002/"),
        ("commerce", "/submissions/"),
        ("commerce", "/projects/2025-QY-008/progress/"),
    ],
)
def test_every_field_has_a_label(who, path):
    values.submit_value(
        actor=user("stats"),
        indicator_id=indicator("gdp_growth").id,
        entry=Entry("2024", 7),
    )  # so the review queue shows its return form
    html = client_for(who).get(path.format(gdp=indicator("gdp_growth").id)).content.decode()
    parser = Fields()
    parser.feed(html)
    assert parser.unlabelled() == []
    assert '<html lang="zh-Hans">' in html
