"""Members of a list of subjects: ``基本养老保险、基本医疗保险参保率`` → one name each.

Members lacking the list's head noun receive it; short qualifiers share what
follows the last member (城镇和农村居民人均可支配收入); 城乡 stands for 城镇 and 农村.
"""

from __future__ import annotations

import re

from planwatch.extract.lexicon import SHARED_HEADS

# Scopes of a statistic: above-scale (规上) and above-quota (限上) units.
_SCOPE = re.compile(r"^(?:规上|规模以上|限上|限额以上)")
_RATIO_HEADS = ("占比", "比重", "参保率", "覆盖率", "普及率")
_LIST_MARK = re.compile(r"[、和及与]")
_LEVEL = re.compile(r"(?:国家|国际|全国|省|市|县|区|乡镇|镇)级")
_INDUSTRY_RUN = re.compile(r"^(?P<n>[一二三]{2,3})产(?P<rest>.+)$")
# Nouns naming what the members of an 等 list are (纺织、机械等行业).
_KINDS = ("行业", "产业", "领域", "板块", "品种", "门类")


def split_list(text: str, count: int) -> list[str]:
    """Split a list of ``count`` subjects; members lacking the shared head receive it.

    ``基本养老保险、基本医疗保险参保率`` → both …参保率; ``教育、社会保障和就业等重点支出``
    → 教育支出, 社会保障和就业支出. Returns ``[]`` when the text does not hold
    exactly ``count`` members.
    """
    if count == 2 and text.startswith("城乡") and len(text) > 3 and not _LIST_MARK.search(text):
        # 城乡居民人均可支配收入分别增长5%、7%: 城乡 is 城镇 and 农村, in that order.
        return ["城镇" + text[2:], "农村" + text[2:]]
    if (industries := _INDUSTRY_RUN.match(text)) and len(industries["n"]) == count:
        # 一二三产增加值分别增长3%、6%、5%: one industry per numeral.
        rest = industries["rest"]
        if rest.startswith("业"):  # 一二三产业增加值: 第一产业增加值 …
            return ["第" + n + "产" + rest for n in industries["n"]]
        return [n + "产" + rest for n in industries["n"]]
    parts = [p for p in text.split("、") if p]
    if len(parts) != count:
        for joiner in ("和", "及", "与"):
            alt = [p for p in re.split(rf"[、{joiner}]", text) if p]
            if len(alt) == count:
                parts = alt
                break
    if len(parts) != count:
        return []
    last = parts[-1]
    if "等" in last:
        core, rest = last.split("等", 1)
        head = next((h for h in SHARED_HEADS if rest.endswith(h)), "")
        if rest.startswith(_KINDS):
            head = rest  # 纺织、机械等行业增加值: each member is a 行业, with its 增加值
        parts[-1] = core + head
        return [p if p.endswith(head) else p + head for p in parts]
    level = _LEVEL.match(last)
    if level and all(_LEVEL.fullmatch(p) for p in parts[:-1]):
        # 国家级、省级专精特新企业: each level of the same things.
        return [p + last[level.end() :] for p in parts[:-1]] + [last]
    if all(len(p) <= 2 for p in parts[:-1]) and len(last) > len(parts[0]) + 2:
        # 城镇和农村居民收入, 省、市重点项目: short qualifiers share what follows the last one's.
        return [p + last[len(p) :] for p in parts[:-1]] + [last]
    head = next((h for h in SHARED_HEADS if last.endswith(h) and last != h), "")
    if head and (len(last) > len(parts[0]) or len(parts) > 2):
        # A share is of a quantity: 民营工业增加值、…总额占比 gives each member its 占比.
        heads = _RATIO_HEADS if head in _RATIO_HEADS else SHARED_HEADS
        named = [p if p.endswith(heads) else p + head for p in parts]
        if any(parts[0].endswith(h) for h in SHARED_HEADS):
            return named
        return [named[0]] + [_with_shared_scope(parts[0], p) for p in named[1:]]
    return [parts[0]] + [_with_shared_prefix(parts[0], p) for p in parts[1:]]


def _with_shared_scope(first: str, member: str) -> str:
    """Members completing the first member's head share the statistical scope opening it:
    规上信息传输和软件服务业、科学研究和技术服务业营业收入 → 规上科学研究和技术服务业营业收入.
    A member with a scope of its own keeps it."""
    scope = _SCOPE.match(first)
    return member if not scope or _SCOPE.match(member) else scope.group(0) + member


def _with_shared_prefix(first: str, member: str) -> str:
    """Restore the words a short member leaves out: 集中收集率、处理率 → …污水处理率.

    The prefix ends where the member's first character appears in the first
    member (家电商品销售数量、销售额), else before the first member's head noun
    (区属国企营业收入、利润), else before its last ``len(member)`` characters when
    both end alike (信访总量件次和人次).
    """
    if len(member) > 3 or len(first) < len(member) + 2:
        return member
    cut = first.find(member[0], 1)
    if cut > 0:
        return first[:cut] + member
    head = next((h for h in SHARED_HEADS if first.endswith(h) and len(first) > len(h)), "")
    if head:
        return first[: -len(head)] + member
    if first[-1] == member[-1]:
        return first[: -len(member)] + member
    return member
