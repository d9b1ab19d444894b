"""One evaluation of a plan year "as of" a period, below every surface.

The dashboard, the indicator table and page, /compare/, the published report
page, the API, ``planwatch evaluate`` and the annual and quarterly reports all
call :func:`evaluate` (or :func:`indicator_years`, the same rule for one
indicator over several years and regions) and pass ``as_of`` the same way: a
period asked for (``?as_of=2025-10``, ``--as-of 2025-10``) or ``None`` for the
default. The default (:func:`planwatch.core.as_of.default_as_of`) is the
latest *closed* reporting period of the region in that year; without closed
periods, the latest month in which more than half of the indicators with a
target that year reported; without such a month, the whole year.

Which value is judged and when an indicator is 未报 is decided in the core
(:mod:`planwatch.core.as_of`, :func:`planwatch.core.plan.evaluate_plan`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from planwatch.core.as_of import AsOf, AsOfRule, default_as_of
from planwatch.core.errors import InvalidValue, NotFound
from planwatch.core.evaluation import Evaluation, Verdict
from planwatch.core.observations import Observation, Period
from planwatch.core.plan import PlanYear, evaluate_plan
from planwatch.core.summary import summary_paragraph
from planwatch.core.targets import Target
from planwatch.web.plan.models import (
    IndicatorRecord,
    ObservationRecord,
    Region,
    SummaryExample,
    TargetRecord,
)
from planwatch.web.plan.services import get_region
from planwatch.web.submissions.models import ReportingPeriod


@dataclass(frozen=True)
class YearEvaluation:
    """A region's plan year evaluated as of one period.

    ``evaluations`` are in the plan's order, one per indicator; ``as_of``
    says up to which period and by which rule it was chosen; ``examples``
    name the indicator the office cites for each verdict group of the summary.
    """

    region: str
    region_name: str
    year: int
    as_of: AsOf
    evaluations: list[Evaluation]
    examples: dict[Verdict, str]

    @property
    def summary(self) -> str:
        return summary_paragraph(self.year, self.evaluations, examples=self.examples)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for e in self.evaluations if e.verdict is verdict)

    def of(self, code: str) -> Evaluation | None:
        """The evaluation of one indicator, ``None`` if the plan has no such indicator."""
        return next((e for e in self.evaluations if e.indicator.code == code), None)


def evaluate(region: str, year: int, *, as_of: AsOf | Period | str | None = None) -> YearEvaluation:
    """Evaluate ``region``'s plan ``year`` as of ``as_of`` (``None``: the default rule).

    ``as_of`` may be text (``2025-10``, ``2025-Q3``, ``2025``), or an :class:`AsOf`
    a caller already resolved with :func:`resolve_as_of` (kept, rule and all); it
    must lie in ``year`` (:class:`InvalidValue` otherwise). Raises
    :class:`NotFound` for an unknown region or a year without targets or values.
    """
    record = get_region(region)
    plan = plan_year(record, year)
    if not plan.targets and not plan.observations:
        raise NotFound(f"{record.name} has no targets or values for {year}")
    if isinstance(as_of, AsOf):
        require_in_year(as_of.period, year)
        chosen = as_of
    else:
        chosen = resolve_as_of(record, year, as_of, plan)
    examples = {
        Verdict(e.verdict): e.indicator.code
        for e in SummaryExample.objects.filter(region=record, year=year).select_related("indicator")
    }
    evaluations = evaluate_plan(plan, chosen.period)
    return YearEvaluation(record.code, record.name, year, chosen, evaluations, examples)


def as_of_period(as_of: Period | str) -> Period:
    """An as-of period as a page or the API writes it; a malformed one says so in Chinese."""
    if isinstance(as_of, Period):
        return as_of
    try:
        return Period.parse(as_of.strip())
    except InvalidValue:
        raise InvalidValue(f"截至期 {as_of!r} 无法识别:应写作 2025、2025-Q3 或 2025-07。") from None


def require_in_year(period: Period, year: int) -> None:
    if period.year != year:
        raise InvalidValue(f"截至期 {period} 不在 {year} 年内。")


def parse_as_of(as_of: Period | str | None, year: int) -> Period | None:
    """An as-of period asked for, checked to lie in ``year``; ``None`` stays ``None``."""
    if as_of is None or as_of == "":
        return None
    period = as_of_period(as_of)
    require_in_year(period, year)
    return period


def resolve_as_of(
    region: Region, year: int, as_of: Period | str | None, plan: PlanYear | None = None
) -> AsOf:
    """The period to evaluate ``year`` up to: the one asked for, else the default rule.

    With the ``plan`` already read, one query (the closed periods); without, three.
    """
    given = parse_as_of(as_of, year)
    if given is not None:
        return AsOf(given, AsOfRule.GIVEN)
    if plan is None:
        found = default_periods({region.id}, {year})
        return found.get((region.id, year), AsOf(Period(year), AsOfRule.WHOLE_YEAR))
    closed = [
        Period.parse(p)
        for p in ReportingPeriod.objects.filter(
            region=region, year=year, is_open=False
        ).values_list("period", flat=True)
    ]
    reports = [(o.indicator, o.period) for o in plan.observations]
    return default_as_of(year, closed, reports, {t.indicator for t in plan.targets})


def targets(region: str, year: int) -> list[Target]:
    """The targets of ``region``'s plan ``year`` (empty when the year has no plan yet)."""
    found = TargetRecord.objects.filter(indicator__region__code=region, year=year)
    return [t.to_domain() for t in found.select_related("indicator", "reference")]


def plan_year(region: Region, year: int) -> PlanYear:
    """The core view of one region's plan year, read in three queries.

    Observations come oldest first (``updated_at``, then ``id``): the last of
    several for the same period and status is the current one.
    """
    records = list(IndicatorRecord.objects.filter(region=region).order_by("position"))
    targets = TargetRecord.objects.filter(indicator__region=region, year=year).select_related(
        "indicator", "reference"
    )
    observations = ObservationRecord.objects.filter(
        indicator__region=region, year=year
    ).select_related("indicator")
    return PlanYear(
        region=region.code,
        year=year,
        indicators=[r.to_domain() for r in records],
        targets=[t.to_domain() for t in targets],
        observations=[o.to_domain() for o in observations.order_by("updated_at", "id")],
        year_closed=year < date.today().year,
    )


@dataclass(frozen=True)
class IndicatorYear:
    """One indicator in one region and year, judged as of ``as_of`` like :func:`evaluate` does."""

    region: Region
    year: int
    as_of: AsOf
    evaluation: Evaluation


def indicator_years(
    records: Iterable[IndicatorRecord], *, as_of: Period | str | None = None
) -> list[IndicatorYear]:
    """Evaluate each of ``records`` (one indicator code, any regions) in every plan year.

    Each (region, year) is judged as of ``as_of`` when it lies in that year,
    else as of that region-year's default, so every row equals what
    :func:`evaluate` says for it. Seven queries whatever the number of rows.
    """
    records = list(records)
    given = None if not as_of else Period.parse(as_of) if isinstance(as_of, str) else as_of
    targets = list(
        TargetRecord.objects.filter(indicator__in=records).select_related(
            "indicator__region", "reference"
        )
    )
    followed = {t.reference_id for t in targets if t.reference_id}
    values: dict[int, list[Observation]] = {}
    for o in (
        ObservationRecord.objects.filter(indicator_id__in={r.id for r in records} | followed)
        .select_related("indicator")
        .order_by("updated_at", "id")
    ):
        values.setdefault(o.indicator_id, []).append(o.to_domain())
    defaults = default_periods({r.region_id for r in records}, {t.year for t in targets})
    this_year = date.today().year
    found = []
    for target in sorted(targets, key=lambda t: (t.indicator.region.code, t.year)):
        record, year = target.indicator, target.year
        chosen = (
            AsOf(given, AsOfRule.GIVEN)
            if given is not None and given.year == year
            else defaults[(record.region_id, year)]
        )
        plan = PlanYear(
            region=record.region.code,
            year=year,
            indicators=[record.to_domain()],
            targets=[target.to_domain()],
            observations=[*values.get(record.id, []), *values.get(target.reference_id or 0, [])],
            year_closed=year < this_year,
        )
        (evaluation,) = evaluate_plan(plan, chosen.period)
        found.append(IndicatorYear(record.region, year, chosen, evaluation))
    return found


def default_periods(regions: set[int], years: set[int]) -> dict[tuple[int, int], AsOf]:
    """The default as-of period of every (region, year), from three queries."""
    planned: dict[tuple[int, int], set[str]] = {}
    for region, year, code in TargetRecord.objects.filter(
        indicator__region_id__in=regions, year__in=years
    ).values_list("indicator__region_id", "year", "indicator__code"):
        planned.setdefault((region, year), set()).add(code)
    reports: dict[tuple[int, int], list[tuple[str, Period]]] = {}
    for region, year, code, period in (
        ObservationRecord.objects.filter(indicator__region_id__in=regions, year__in=years)
        .values_list("indicator__region_id", "year", "indicator__code", "period")
        .distinct()
    ):
        reports.setdefault((region, year), []).append((code, Period.parse(period)))
    closed: dict[tuple[int, int], list[Period]] = {}
    for region, year, period in ReportingPeriod.objects.filter(
        region_id__in=regions, year__in=years, is_open=False
    ).values_list("region_id", "year", "period"):
        closed.setdefault((region, year), []).append(Period.parse(period))
    return {
        key: default_as_of(key[1], closed.get(key, []), reports.get(key, []), codes)
        for key, codes in planned.items()
    }
