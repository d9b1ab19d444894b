"""How Chinese plan reports write numbers and targets.

Pure functions, shared by every report: a number without trailing zeros
("6.5", "6"), money in 亿元 with one decimal from 万元, percentages and
percentage points, and the phrase a plan writes for one target ("增长6%以上",
"实现正增长", "控制在5.5%以内"). Like the published Fuling report, phrases
use ASCII ``,`` between clauses (see :mod:`planwatch.core.summary`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from planwatch.core.indicators import Indicator, Kind
from planwatch.core.targets import Target, TargetForm

WAN_PER_YI = Decimal(10000)  # 1 亿元 = 10,000 万元
ASSIGNED_WORDS = "以市上下达为准"
MISSING = "暂无数据"

_SUFFIX = {
    TargetForm.AT_LEAST: "以上",
    TargetForm.APPROX: "左右",
    TargetForm.AT_MOST: "以内",
    TargetForm.POINT: "",
}
# Verbs a plan puts before a level ("稳定在45万吨以上"); kept as the office wrote them.
_VERBS = ("稳定在", "控制在", "保持在", "提升至", "提高到", "达到", "突破", "超过", "不低于", "达")


def number(value: float | Decimal, decimals: int = 2) -> str:
    """Write ``value`` rounded half up to ``decimals`` places, without trailing zeros.

    ``6.0`` → "6", ``6.50`` → "6.5", ``-0.0`` → "0"; never scientific notation. Any
    stored value prints, however large (1e30 is 31 digits); one that is not a
    number prints as :data:`MISSING`.
    """
    exact = Decimal(str(value))
    if not exact.is_finite():
        return MISSING
    with localcontext(_wide(exact, decimals)):
        rounded = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def yi(wan: Decimal | float) -> str:
    """Money given in 万元, written in 亿元 with exactly one decimal: 2582000 → "258.2亿元"."""
    exact = Decimal(str(wan))
    if not exact.is_finite():
        return MISSING
    with localcontext(_wide(exact, 1)):
        amount = (exact / WAN_PER_YI).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{amount:f}亿元"


_SCALES_EN = (
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
    (Decimal(1000), "thousand"),
)


def yuan_en(wan: Decimal | float) -> str:
    """Money given in 万元, for an English reader: 935 → "¥9.35 million", 93.5 → "¥935 thousand".

    Three significant digits at most, the scale in words: a reader of English
    has no 万 (ten thousand) to count in.
    """
    exact = Decimal(str(wan)) * 10000
    if not exact.is_finite():
        return "no data"
    sign, size = ("-" if exact < 0 else ""), abs(exact)
    for scale, word in _SCALES_EN:
        if size >= scale:
            shown = size / scale
            decimals = 0 if shown >= 100 else 1 if shown >= 10 else 2
            return f"{sign}¥{number(shown, decimals)} {word}"
    return f"{sign}¥{number(size, 0)}"


def _wide(value: Decimal, decimals: int) -> Context:
    """A context precise enough to round ``value`` to ``decimals`` places without error."""
    digits = max(value.adjusted(), 0) + decimals + 2
    return Context(prec=max(28, digits), Emax=max(999999, digits), Emin=-999999)


def percent(value: float) -> str:
    """A rate in percent: 6.5 → "6.5%"."""
    return f"{number(value)}%"


def points(value: float) -> str:
    """A difference of rates: 0.5 → "0.5个百分点" (sign kept: -1 → "-1个百分点")."""
    return f"{number(value)}个百分点"


def quantity(value: float, unit: str) -> str:
    """A value in its unit as a report writes it: (2.3, "万人") → "2.3万人", (5, "%") → "5%"."""
    if unit == "个百分点":
        return points(value)
    return f"{number(value)}{unit}"


def subject(indicator: Indicator) -> str:
    """The name as the subject of a growth phrase: "地区生产总值增速" → "地区生产总值"."""
    if indicator.kind is Kind.GROWTH and indicator.name.endswith("增速"):
        return indicator.name.removesuffix("增速")
    return indicator.name


def predicate(target: Target, indicator: Indicator, reference: Indicator | None = None) -> str:
    """What the plan says of the indicator, without its name: "增长6%以上", "实现正增长".

    A growth rate grows ("增长9%左右"); a level, share or count reaches a value,
    keeping the verb the office wrote in ``target.text`` ("稳定在45万吨以上")
    or, without one, writing "控制在…以内" for an upper bound and the bare value
    otherwise ("2万人"). ``reference`` names the indicator an ``in_step_with``
    target follows when its text does not say it.
    """
    form = target.form
    if form is TargetForm.ASSIGNED:
        return ASSIGNED_WORDS
    if form is TargetForm.POSITIVE:
        return "实现正增长"
    if form is TargetForm.QUALITATIVE:
        return target.text
    if form is TargetForm.IN_STEP_WITH:
        if target.text.startswith("与"):
            return target.text
        followed = subject(reference) + "增长" if reference else "经济增长"
        return f"与{followed}保持同步"
    unit = "%" if indicator.kind is Kind.GROWTH else indicator.unit
    value = _required(target.value)
    if form is TargetForm.RANGE:
        amount = f"{number(value)}—{quantity(_required(target.upper), unit)}"
    else:
        amount = quantity(value, unit) + _SUFFIX[form]
    if indicator.kind is Kind.GROWTH:
        return "增长" + amount
    verb = next((v for v in _VERBS if target.text.startswith(v)), "")
    if not verb and form is TargetForm.AT_MOST:
        verb = "控制在"
    return verb + amount


def target_phrase(target: Target, indicator: Indicator, reference: Indicator | None = None) -> str:
    """The indicator's subject and its predicate: "地区生产总值增长6%以上"."""
    return subject(indicator) + predicate(target, indicator, reference)


def group_phrase(group: str, target: Target, indicator: Indicator) -> str:
    """Indicators a plan states together: "节能减排和环境保护指标以市上下达为准"."""
    return f"{group}指标{predicate(target, indicator)}"


def figure(value: float, indicator: Indicator, *, qualifier: str = "") -> str:
    """An actual or estimated value as an overview states it: "增长6.5%左右", "2.3万人".

    ``qualifier`` is the word the office puts after the figure (左右) or, for
    a threshold passed, before it (突破).
    """
    if indicator.kind is Kind.GROWTH:
        verb, amount = ("增长" if value >= 0 else "下降"), percent(abs(value))
    else:
        amount, verb = quantity(value, indicator.unit), ""
    if qualifier == "突破":
        return f"{verb}突破{amount}"
    return f"{verb}{amount}{qualifier}"


def _required(value: float | None) -> float:
    assert value is not None, "Target.__post_init__ guarantees a value for this form"
    return value
