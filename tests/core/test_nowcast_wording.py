from dataclasses import replace

from planwatch.core.indicators import Kind
from planwatch.core.nowcast import assess
from planwatch.core.nowcast_wording import outlook_sentence, rest, span
from planwatch.core.observations import Observation, Period
from planwatch.core.risk import bar_for
from planwatch.core.targets import TargetForm
from tests.core.builders import make_indicator, make_target


def ytd(value, period, code="industry_va_growth"):
    return Observation(code, Period.parse(period), value, cumulative=True, source="t")


def test_the_issues_sentence_is_written_from_the_assessment():
    ind = replace(make_indicator("industry_va_growth"), name="规上工业增加值增速")
    bar = bar_for(ind, make_target(TargetForm.APPROX, 9.0, code=ind.code), None)
    a = assess(ind, bar, [ytd(8.1, "2025-10")], [], Period.parse("2025-10"))
    assert outlook_sentence(a) == (
        "1—10月规上工业增加值增长8.1%,低于全年目标0.9个百分点,"
        "后两个月需增长13.5%方能完成全年目标,预计全年难以完成"
    )


def test_ahead_of_target_the_rest_of_the_year_needs_only_a_lower_growth():
    ind = make_indicator()
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 6.0), None)
    a = assess(ind, bar, [ytd(6.9, "2025-Q3", "gdp_growth")], [], Period.parse("2025-Q3"))
    assert outlook_sentence(a) == (
        "前三季度gdp_growth增长6.9%,高于全年目标0.9个百分点,"
        "四季度增长3.3%即可完成全年目标,预计可完成全年目标"
    )


def test_a_level_says_what_share_is_done_and_what_is_still_needed():
    ind = make_indicator("jobs", kind=Kind.LEVEL, unit="万人")
    bar = bar_for(ind, make_target(TargetForm.POINT, 2.0, code="jobs"), None)
    a = assess(ind, bar, [ytd(1.66, "2025-10", "jobs")], [], Period.parse("2025-10"))
    assert outlook_sentence(a).startswith("1—10月jobs累计1.66万人,完成全年目标的83%,尚需0.34万人,")


def test_nothing_is_said_of_an_indicator_that_is_not_assessed():
    ind = make_indicator()
    a = assess(ind, None, [], [], Period.parse("2025-10"))
    assert outlook_sentence(a) is None


def test_spans_and_the_months_still_to_come_read_as_a_brief_writes_them():
    assert (span(Period.parse("2025-01")), rest(Period.parse("2025-11"))) == ("1月", "12月")
    assert (span(Period.parse("2025-Q2")), rest(Period.parse("2025-Q2"))) == ("上半年", "下半年")
    assert rest(Period.parse("2025-09")) == "后三个月"


def test_a_year_to_date_growth_on_the_target_is_level_with_it():
    ind = replace(make_indicator("industry_va_growth"), name="规上工业增加值增速")
    bar = bar_for(ind, make_target(TargetForm.AT_LEAST, 9.0, code=ind.code), None)
    a = assess(ind, bar, [ytd(9.0, "2025-10")], [], Period.parse("2025-10"))
    assert outlook_sentence(a).startswith("1—10月规上工业增加值增长9%,与全年目标持平,")
