"""The tables of the plan pages: the indicator table's filters and sort, and every export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from planwatch.core.evaluation import Evaluation
from planwatch.core.indicators import Binding
from planwatch.services.evaluation import IndicatorYear
from planwatch.web.excel import Cell, Sheet
from planwatch.web.plan.models import ObservationRecord
from planwatch.web.plan.pages import is_lagging
from planwatch.web.plan.templatetags.planwatch import name_of, verdict_label

SORTS = ("plan", "attainment", "-attainment", "verdict", "owner")


@dataclass(frozen=True)
class TableFilter:
    """``?binding=&verdict=&lagging=1&owner=&q=&sort=`` of the indicator table; unknown values
    are ignored. ``lagging`` keeps the dashboard's lagging indicators (:func:`pages.is_lagging`)."""

    binding: str = ""
    verdict: str = ""
    lagging: bool = False
    owner: str = ""
    q: str = ""
    sort: str = "plan"

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> TableFilter:
        sort = query.get("sort", "plan")
        return cls(
            binding=query.get("binding", ""),
            verdict=query.get("verdict", ""),
            lagging=query.get("lagging") == "1",
            owner=query.get("owner", ""),
            q=query.get("q", "").strip(),
            sort=sort if sort in SORTS else "plan",
        )

    def apply(self, evaluations: list[Evaluation]) -> list[Evaluation]:
        """Matching rows: binding indicators first, then the chosen order (default: the plan's)."""
        rows = [e for e in evaluations if self._keeps(e)]
        if self.sort in ("attainment", "-attainment"):
            known = sorted(
                (e for e in rows if e.attainment is not None),
                key=lambda e: e.attainment or 0.0,
                reverse=self.sort.startswith("-"),
            )
            rows = known + [e for e in rows if e.attainment is None]
        elif self.sort == "verdict":
            rows.sort(key=lambda e: e.verdict.value)
        elif self.sort == "owner":
            rows.sort(key=lambda e: e.indicator.owner)
        return sorted(rows, key=lambda e: e.indicator.binding is not Binding.BINDING)

    def _keeps(self, e: Evaluation) -> bool:
        ind = e.indicator
        return (
            (not self.binding or ind.binding.value == self.binding)
            and (not self.verdict or e.verdict.value == self.verdict)
            and (not self.lagging or is_lagging(e))
            and (not self.owner or ind.owner == self.owner)
            and (not self.q or any(self.q.lower() in n.lower() for n in (*ind.names, ind.name_en)))
        )


def evaluation_sheet(title: str, evaluations: list[Evaluation]) -> Sheet:
    headers = [
        _("No."), _("Indicator"), _("Type"), _("Unit"), _("Target"), _("Actual / estimate"),
        _("Period"), _("Source"), _("Attainment %"), _("Verdict"), _("Responsible department"),
    ]  # fmt: skip
    return Sheet(title, headers, [_evaluation_row(i, e) for i, e in enumerate(evaluations, 1)])


def _evaluation_row(number: int, e: Evaluation) -> list[Cell]:
    obs = e.observation
    return [
        number,
        name_of(e.indicator),
        _("Binding") if e.indicator.binding is Binding.BINDING else _("Expected"),
        e.indicator.unit,
        e.target.text if e.target else None,
        None if obs is None else obs.value,
        None if obs is None else str(obs.period),
        None if obs is None else (obs.source + (f" ({_('estimate')})" if e.is_estimate else "")),
        None if e.attainment is None else round(e.attainment, 1),
        verdict_label(e.verdict),
        e.indicator.owner,
    ]


def comparison_sheet(title: str, rows: list[IndicatorYear]) -> Sheet:
    headers = [
        _("Region"), _("Year"), _("Target"), _("Actual / estimate"), _("Attainment %"),
        _("Verdict"),
    ]  # fmt: skip
    return Sheet(
        title,
        headers,
        [
            [
                r.region.name,
                r.year,
                r.evaluation.target.text if r.evaluation.target else None,
                r.evaluation.actual,
                None if r.evaluation.attainment is None else round(r.evaluation.attainment, 1),
                verdict_label(r.evaluation.verdict),
            ]
            for r in rows
        ],
    )


def history_sheet(title: str, observations: list[ObservationRecord]) -> Sheet:
    """Every value of an indicator with its source and origin."""
    headers = [
        _("Period"), _("Value"), _("Status"), _("Source"), _("Recorded by"), _("Note"),
        _("Updated"),
    ]  # fmt: skip
    rows: list[list[Cell]] = [
        [
            o.period,
            o.value,
            _("estimate") if o.status == "estimate" else _("actual"),
            o.source,
            o.origin,
            o.note,
            localtime(o.updated_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for o in observations
    ]
    return Sheet(title, headers, rows)
