"""Every surface tells the same verdict for every indicator of the demo (issue 10, finding 3).

Each surface's own output is parsed: the dashboard's HTML (verdict counts
and headline cards), each indicator page, /compare/ for each indicator, the
/report/ page, the REST API's JSON, ``planwatch evaluate --format json`` and
the annual report in Markdown. 2024 is asked without an as-of period (each
surface takes the default), 2025 as of 2025-10.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.cli import commands as _commands  # noqa: F401  (registers the commands)
from planwatch.core.evaluation import Verdict

CASES = [(2024, ""), (2025, "2025-10")]
LABELS = {v.label_zh: v.value for v in Verdict}
VERDICT_CLASS = re.compile(r'class="verdict v-(\w+)"')
PROGRESS_CLASS = re.compile(r'class="progress l-(\w+)"')


def query(year: int, as_of: str) -> str:
    return f"year={year}" + (f"&as_of={as_of}" if as_of else "")


def from_api(client, year, as_of) -> dict:
    """The API's answer: code → (verdict, time-progress light or None)."""
    body = client.get(f"/api/regions/fuling/evaluations/{year}?{query(year, as_of)}").json()
    assert body["as_of"] == (as_of or str(year))
    return {e["indicator"]: (e["verdict"], e["progress_light"]) for e in body["evaluations"]}


def from_cli(year, as_of) -> dict:
    args = ["evaluate", "--region", "fuling", "--year", str(year), "--format", "json"]
    result = CliRunner().invoke(app, args + (["--as-of", as_of] if as_of else []))
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    return {e["indicator"]: (e["verdict"], e["progress_light"]) for e in body["evaluations"]}


def from_dashboard(client, year, as_of) -> tuple[Counter, dict]:
    html = client.get(f"/?{query(year, as_of)}").content.decode()
    counts = Counter(
        {v: int(n) for v, n in re.findall(r'class="count v-(\w+)"[^>]*>\s*<strong>(\d+)', html)}
    )
    cards = {}
    for card in re.findall(r'<li class="card b-\w+">(.*?)</li>', html, re.S):
        code = re.search(r"/indicators/(\w+)/", card).group(1)
        cards[code] = _shown(card)
    return counts, cards


def from_indicator_page(client, code, year, as_of) -> tuple[str, str]:
    html = client.get(f"/indicators/{code}/?{query(year, as_of)}").content.decode()
    verdict_cell = re.search(r"<dt>评价</dt><dd>(.*?)</dd>", html, re.S).group(1)
    return _shown(verdict_cell)


def from_compare(client, code, year, as_of) -> str:
    html = client.get(f"/compare/?indicator={code}&{query(year, as_of)}").content.decode()
    row = re.search(rf"<td>{year}</td>(.*?)</tr>", html, re.S).group(1)
    return VERDICT_CLASS.search(row).group(1)


def from_report_page(client, year, as_of) -> dict:
    html = client.get(f"/report/?{query(year, as_of)}").content.decode()
    rows = re.findall(r'<tr class="r-(\w+)">.*?/indicators/(\w+)/', html, re.S)
    return {code: verdict for verdict, code in rows}


def from_annual_report(client, year, as_of, names) -> dict:
    path = f"/api/regions/fuling/reports/annual/{year}?format=md"
    text = client.get(path + (f"&as_of={as_of}" if as_of else "")).content.decode()
    found = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 9 and cells[1] in names:
            found[names[cells[1]]] = LABELS[unescape(cells[7]).removesuffix("(<80%)")]
    return found


def _shown(html: str) -> tuple[str, str]:
    """What a judgement shows: ("verdict", value), or ("progress", light) while the year runs."""
    progress = PROGRESS_CLASS.search(html)
    if progress:
        return ("progress", progress.group(1))
    return ("verdict", VERDICT_CLASS.search(html).group(1))


def _expected_shown(verdict: str, light: str | None) -> tuple[str, str]:
    return ("progress", light) if light else ("verdict", verdict)


@pytest.mark.django_db
@pytest.mark.parametrize(("year", "as_of"), CASES)
def test_every_surface_shows_the_same_verdict_for_every_indicator(leader, year, as_of):
    api = from_api(leader, year, as_of)
    assert len(api) == 31
    assert from_cli(year, as_of) == api

    counts, cards = from_dashboard(leader, year, as_of)
    assert counts == Counter(v for v, _ in api.values())
    assert cards and all(shown == _expected_shown(*api[c]) for c, shown in cards.items())

    names = {
        e["name"]: e["indicator"]
        for e in leader.get(f"/api/regions/fuling/evaluations/{year}?{query(year, as_of)}").json()[
            "evaluations"
        ]
    }
    verdicts = {code: verdict for code, (verdict, _) in api.items()}
    assert from_annual_report(leader, year, as_of, names) == verdicts
    assert from_report_page(leader, year, as_of) == verdicts
    for code, (verdict, light) in api.items():
        assert from_indicator_page(leader, code, year, as_of) == _expected_shown(verdict, light)
        assert from_compare(leader, code, year, as_of) == verdict, code


@pytest.mark.django_db
def test_the_2025_verdicts_as_of_october_are_not_all_alike(leader):
    """The agreement above is not the agreement of empty answers."""
    api = from_api(leader, 2025, "2025-10")
    verdicts = Counter(v for v, _ in api.values())
    assert verdicts[Verdict.MET.value] + verdicts[Verdict.ABOVE.value] >= 3
    assert verdicts[Verdict.NOT_REPORTED.value] >= 1  # FDI: September, not October
    assert sum(1 for _, light in api.values() if light) >= 1  # new urban jobs: time progress
