"""Numbers that state nothing: they are part of a name, a grade or a span (issue 14, class 9).

* a span of time a comparison looks back over: 近5年提升…, 创近20年最好水平,
  近3年累计投入 (the figures after it may be statements, the span is not);
* a threshold grading the things named after it: 单笔30万元以下贷款,
  年营收超5亿元的企业 (the count of those things is the statement);
* a class inside a name: Ⅲ类新药 (a water class, 水质保持Ⅱ类, is a value);
* a campaign named after its goal: …清零攻坚, 清零行动.
"""

from __future__ import annotations

import re

_SPAN_UNITS = ("年", "个月", "个季度")
_SINGLE = re.compile(r"(?:单笔|单个|单项|单户|单体|单宗|每笔|单家)(?:超过|超|在|达)?$")
_GRADING_MEASURE = re.compile(
    r"(?:营收|营业收入|主营业务收入|产值|销售收入|销售额|纳税|税收|投资额?|资产)"
    r"(?:超过|超|达到|达|在|过)?$"
)
_GRADED_THINGS = re.compile(
    r"^(?:及?以上|及?以下)?的?(?:规上|规模以上)?(?:工业)?(?:企业|项目|市场主体|商户|纳税人)"
)
_NAME_AFTER_GRADE = re.compile(r"^(?:及?以下|及?以上)[\u4e00-\u9fff]")
_CLASS_VALUE_AFTER = re.compile(r"^(?:$|[,,;;。、)]|及|以上|或|水|标准)")
_CAMPAIGN = re.compile(r"^(?:攻坚|行动|专项|工程|计划)")


def is_span(text: str, start: int, number_start: int, unit: str | None) -> bool:
    """近5年: a span looked back over, not a statement."""
    prefix = text[max(0, start - 1) : number_start]
    return unit in _SPAN_UNITS and "近" in prefix


def is_grade(text: str, number_start: int, end: int) -> bool:
    """单笔30万元以下贷款, 年营收超5亿元的企业: a threshold inside a name."""
    before, after = text[:number_start], text[end:]
    if _SINGLE.search(before) and after[:1].isalpha():
        return True
    return bool(_GRADING_MEASURE.search(before) and _GRADED_THINGS.match(after))


def is_named_class(text: str, end: int) -> bool:
    """Ⅲ类新药: a class followed by the thing it classes is part of its name."""
    return _CLASS_VALUE_AFTER.match(text[end:]) is None


def is_campaign(text: str, end: int) -> bool:
    """清零攻坚: a campaign named after its goal states no value."""
    return _CAMPAIGN.match(text[end:]) is not None
