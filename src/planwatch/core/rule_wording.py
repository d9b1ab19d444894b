"""What people read instead of the engine's codes: the rule that decided, where a value came from.

The engine keeps a rule string for the API and the audit (``at_least: 6 ≤
6.2 ≤ 6 + 0.5``); a page writes it in words from the evaluation's own fields:
"目标6%以上,实际6.2%,在容差0.5个百分点内 → 达到预期". Sources and origins
(``seed:L37``, ``dataset:fuling``, ``synthetic``) become words the same way.
Every sentence exists in Chinese and in English; ``english`` picks one.
"""

from __future__ import annotations

import re

from planwatch.core.evaluation import Evaluation, Verdict, tolerance_for
from planwatch.core.indicators import Direction, Indicator
from planwatch.core.nowcast import Assessment
from planwatch.core.nowcast_wording import outlook_sentence
from planwatch.core.targets import TargetForm
from planwatch.core.wording import number

_NO_RULE = {  # verdicts decided without comparing numbers
    Verdict.NO_DATA: ("暂无数据,不作评价", "no value yet: not judged"),
    Verdict.NOT_REPORTED: ("本期应报未报,不作评价", "due but not reported: not judged"),
    Verdict.NO_TARGET: ("未下达控制指标,不作评价", "no target assigned: not judged"),
    Verdict.AWAITING: ("目标待上级下达", "target awaiting assignment"),
    Verdict.NEEDS_JUDGEMENT: ("定性目标,待人工评价", "qualitative target: awaiting judgement"),
}
_SOURCE_LINE = re.compile(r"^(?:(?P<doc>.+?):)?L(?P<line>\d+)(?:-(?P<last>\d+))?$")
_ORIGIN = re.compile(r"^(?P<kind>dataset|document|submission|correction):(?P<what>.+)$")


def _pick(english: bool, zh: str, en: str) -> str:
    return en if english else zh


def _gap_unit(indicator: Indicator, english: bool) -> str:
    """A difference of rates is in percentage points; of amounts, in the unit."""
    if indicator.kind.is_rate:
        return " percentage points" if english else "个百分点"
    return f" {indicator.unit}" if english else indicator.unit


def _value(indicator: Indicator, value: float, english: bool) -> str:
    unit = indicator.unit
    return f"{number(value)}{'' if unit == '%' or not english else ' '}{unit}"


def rule_words(e: Evaluation, *, english: bool = False) -> str:
    """The rule that decided ``e``, as a sentence: target, actual, the comparison, the verdict."""
    verdict = e.verdict.label_en if english else e.verdict.label_zh
    if e.verdict in _NO_RULE:
        return _pick(english, *_NO_RULE[e.verdict])
    target, actual = e.target, e.actual
    if target is None or actual is None or target.form is TargetForm.QUALITATIVE:
        return _pick(english, f"定性目标,经人工评价 → {verdict}", f"judged by a person → {verdict}")
    head = _pick(
        english,
        f"目标{target.text},实际{_value(e.indicator, actual, english)}",
        f"target {_target_en(e)}, actual {_value(e.indicator, actual, english)}",
    )
    return f"{head}{_pick(english, ',', ', ')}{_comparison(e, english)} → {verdict}"


def _target_en(e: Evaluation) -> str:
    """The target in English from its form and value (the plan's own words are Chinese)."""
    target, ind = e.target, e.indicator
    assert target is not None
    if target.value is None or target.form is TargetForm.IN_STEP_WITH:
        return {TargetForm.POSITIVE: "positive growth"}.get(target.form, target.text)
    value = _value(ind, target.value, english=True)
    if target.form is TargetForm.RANGE and target.upper is not None:
        return f"{number(target.value)}–{_value(ind, target.upper, english=True)}"
    words = {TargetForm.AT_LEAST: "at least ", TargetForm.AT_MOST: "at most "}
    return words.get(target.form, "about " if target.form is TargetForm.APPROX else "") + value


def _comparison(e: Evaluation, english: bool) -> str:
    """How the actual stands against the target's bound, in the target's own terms."""
    target, actual, ind = e.target, e.actual, e.indicator
    assert target is not None and actual is not None
    unit, form = _gap_unit(ind, english), target.form
    if form is TargetForm.ASSIGNED:
        form = TargetForm.AT_MOST if ind.direction is Direction.LOWER else TargetForm.AT_LEAST
    tol = number(tolerance_for(ind, target))
    value = target.value if target.value is not None else 0.0
    if form is TargetForm.AT_LEAST:
        if e.verdict is Verdict.ABOVE:
            over = number(actual - value)
            zh = f"高出目标{over}{unit},超过容差{tol}{unit}"
            return _pick(
                english, zh, f"{over}{unit} above target, beyond the tolerance of {tol}{unit}"
            )
        if e.verdict is Verdict.MET:
            return _pick(english, f"在容差{tol}{unit}内", f"within the tolerance of {tol}{unit}")
        short = number(value - actual)
        return _pick(english, f"低于目标{short}{unit}", f"{short}{unit} below target")
    if form is TargetForm.AT_MOST:
        if e.verdict is Verdict.MET:
            return _pick(english, "未超过上限", "within the limit")
        over = number(actual - value)
        return _pick(english, f"超出上限{over}{unit}", f"{over}{unit} over the limit")
    if form is TargetForm.POSITIVE:
        return _pick(english, *_positive(e.verdict, tol, unit))
    if form is TargetForm.RANGE:
        return _pick(english, *_range(e.verdict, above=actual > value))
    return _point(e, english, tol, unit)


def _positive(verdict: Verdict, tol: str, unit: str) -> tuple[str, str]:
    if verdict is Verdict.ABOVE:
        return f"正增长且超过{tol}{unit}", f"positive and more than {tol}{unit}"
    if verdict is Verdict.MET:
        return "实现正增长", "positive growth"
    return "未实现正增长", "no positive growth"


def _range(verdict: Verdict, *, above: bool) -> tuple[str, str]:
    if verdict is Verdict.MET:
        return "在目标区间内", "within the target range"
    return ("高于区间上限", "above the range") if above else ("低于区间下限", "below the range")


def _point(e: Evaluation, english: bool, tol: str, unit: str) -> str:
    """A point, an approximate or an in-step target: the difference and the ± tolerance."""
    within = e.verdict is Verdict.MET
    zh = f"在容差±{tol}{unit}内" if within else f"超出容差±{tol}{unit}"
    return _pick(english, zh, f"{'within' if within else 'beyond'} the tolerance of ±{tol}{unit}")


def source_words(source: str, *, english: bool = False) -> str:
    """Where a value or target is written: "报告第37行"; "" for demo values (shown as a tag)."""
    if source in ("", "illustrative"):
        return ""
    if source == "synthetic":
        return _pick(english, "模拟数据", "simulated data")
    found = _SOURCE_LINE.match(source)
    if found is None:
        return source
    doc, line = found.group("doc"), found.group("line")
    if found.group("last"):
        line = f"{line}–{found.group('last')}"
    if doc in (None, "seed"):
        return _pick(english, f"报告第{line}行", f"report line {line}")
    return _pick(english, f"{doc}第{line}行", f"{doc}, line {line}")


def cited_lines(source: str) -> tuple[str, int, int] | None:
    """The document label and the first and last line a source cites: ``seed:L37`` →
    ("seed", 37, 37), ``L43-45`` → ("seed", 43, 45); None for a source citing no line."""
    found = _SOURCE_LINE.match(source or "")
    if found is None:
        return None
    first = int(found.group("line"))
    last = int(found.group("last") or first)
    return found.group("doc") or "seed", first, max(first, last)


def origin_words(origin: str, *, english: bool = False) -> str:
    """What put a value in the database: "数据集导入(fuling)", "报送#12(经审核)"."""
    if origin in ("synthetic", "illustrative"):
        return _pick(english, "示例数据", "demo data")
    found = _ORIGIN.match(origin)
    if found is None:
        return origin
    what = found.group("what")
    zh, en = {
        "dataset": ("数据集导入({})", "loaded with the {} dataset"),
        "document": ("文档#{}摘录", "extracted from document #{}"),
        "submission": ("部门报送#{}(经审核)", "department submission #{}, reviewed"),
        "correction": ("更正#{}(经审核)", "correction #{}, reviewed"),
    }[found.group("kind")]
    return _pick(english, zh, en).format(what)


def outlook_words(a: Assessment, *, english: bool = False) -> str:
    """Will the indicator make the year: the brief's sentence, or why it is not assessed."""
    if not english:
        return outlook_sentence(a) or f"{a.tier.label_zh}:数据不足以判断全年走势"
    if a.nowcast is None or a.low is None or a.high is None or a.bar is None:
        return f"{a.tier.label_en}: not enough data to judge the year"
    band = f"{number(a.low)}–{number(a.high)}"
    goal = _value(a.indicator, a.bar.goal, english=True)
    return f"year expected at {number(a.nowcast)} (range {band}) against {goal}: {a.tier.label_en}"
