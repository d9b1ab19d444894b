"""Names carried from earlier statements of the sentence.

A rank (居全市第3), a run (连续5年), or an attribute (完成投资, 到位资金) names
no holder of its own: it takes the subject stated before it. An attribute
also renames the count of its holder (89个区级重点项目 → 区级重点项目数量).
"""

from __future__ import annotations

import re
from dataclasses import replace

from planwatch.extract.lexicon import ATTRIBUTE_NOUNS, COUNT_UNITS, GENERIC_OBJECTS
from planwatch.extract.names import without_postposed_verb
from planwatch.extract.records import Measure
from planwatch.extract.statement_fields import ClauseContext
from planwatch.extract.subjects import base_name, holder_of


def holder_for(previous: str) -> str:
    """What the previous subject counted, without its novelty verb unless that leaves too little.

    Nothing when the previous subject is itself a bare attribute (协议资金、到位资金).

    新开工 names a stage of projects, not their novelty (新开工项目 … 年度计划投资), and stays.
    """
    if previous in ATTRIBUTE_NOUNS:
        return ""
    whole = without_postposed_verb(holder_of(previous))
    bare = base_name(whole)
    return whole if bare in GENERIC_OBJECTS or whole.startswith("新开工") else bare


def attribute_subject(ctx: ClauseContext, name: str, previous: str, glued: bool) -> str:
    """An attribute noun named with its holder: the thing just counted, else the previous holder.

    A bare 完成率 after 完成投资 is the 投资完成率.
    """
    holder = ctx.counted if glued and ctx.counted else holder_for(previous)
    name_count_of(ctx, holder)
    if name == "完成率" and previous.endswith("完成投资"):
        name = "投资完成率"
    return holder + name


def attribute_list(names: list[str], subjects: list[str]) -> list[str]:
    """Members that are all bare attributes (增加值、利润总额) share the holder of the
    last subject stated before them that is not a rank."""
    previous = next((s for s in reversed(subjects) if not s.endswith("排名")), "")
    if not previous or not all(name in ATTRIBUTE_NOUNS for name in names):
        return names
    holder = holder_for(previous)
    return [holder + name for name in names]


def name_count_of(ctx: ClauseContext, holder: str) -> None:
    """89个区级重点项目完成投资…: the count of the holder is named 区级重点项目数量."""
    if not holder:
        return
    for index in range(len(ctx.made) - 1, -1, -1):
        made = ctx.made[index]
        if made.unit in COUNT_UNITS and made.measure is Measure.LEVEL and holder in made.subject:
            if not made.subject.endswith("数量"):
                ctx.made[index] = replace(made, subject=made.subject + "数量")
            return


def run_subject(noun: str, right: str, previous: str) -> tuple[str, str]:
    """连续5年下降: the name of the run length, and the subject that holds the run.

    ``命案发案连续五年下降`` → 命案发案连续下降年数; with no noun before 连续 the
    run is named by what follows (连续五年未发生…事故 → 未发生…事故连续年数).
    """
    noun = noun.rpartition("、")[2] if noun.endswith("、") or "、" not in noun else noun
    noun = noun.rstrip("、")
    if noun in {"总量", "数量", "规模"}:
        noun = base_name(previous) + noun
    phrase = re.split(r"[,,、;;。]", right.strip(), maxsplit=1)[0]
    if not noun and previous and phrase.startswith(("居", "位居", "保持")):
        noun = base_name(previous)
    if noun:
        return noun + "连续" + phrase + "年数", noun
    return phrase + "连续年数", previous


def rank_subject(ctx: ClauseContext, name: str, previous: str, scope: str) -> str:
    """居全市第3 ranks the previous subject unless the clause names another one."""
    if "、" in name:
        head, _, tail = name.rpartition("、")
        name = head + tail if tail in {"数量", "规模", "总量"} else tail
    if name in {"数量", "规模", "总量"}:
        # 材料产业产值…、占全市比重…,规模居全市第1: the 规模 of 材料产业.
        base = base_name(previous).partition("占")[0]
        name = (holder_of(base) if name == "规模" else base) + name
    if not name:
        base = base_name(previous).removesuffix("总量")
        name = base + ("数量" if ctx.unit in COUNT_UNITS and not base.endswith("数量") else "")
    return name + scope + "排名"
