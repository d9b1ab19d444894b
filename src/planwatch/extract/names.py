"""Normal forms of indicator names: word order, and the noun a unit implies.

Reports say 种植青菜头74万亩 and 枣子湾220千伏变电站; indicators are named
青菜头种植面积 and 枣子湾变电站电压等级. These helpers turn the words the
clause reader cut out into such names.

Conventions the extractor keeps everywhere:

* a count is named by what it counts (新签约招商引资项目); 数量 is added only
  when the text says it or an attribute of the same things follows in the
  sentence (89个区级重点项目完成投资… → 区级重点项目数量);
* verbs that define a flow or a stage stay (新增, 新开工, 开工, 建成, 创建, 获批);
  generic verbs go (实施, 完成, 落实, 开展, 推进, 推行, 推出 — see
  ``GENERIC_VERBS``); a 累计建成 stock drops its verb; farm verbs follow
  their product;
* context comes only from the sentence: the whole a 其中 sentence breaks
  down, the holder of a preceding attribute, the quoted process before a cut
  dimension, and for a bare measure word (整治率, 签约项目) the topic an
  earlier phrase of the sentence works on (:mod:`planwatch.extract.carried`).
  A name of its own (新签约招商引资项目, 森林覆盖率) takes nothing from further away;
* the report's own structure is named with its year (2025年重点工作);
  labels (2.0版) are no part of a name.
"""

from __future__ import annotations

import re

from planwatch.extract.lexicon import ACTION_VERBS, COUNT_UNITS
from planwatch.extract.subjects import counted_object, drop_generic, leading_action

_TRANSFER_VERBS = ("放款", "贷款", "授信", "融资", "减免", "发放", "拨付", "兑付", "补贴")
_REACH_VERBS = ("惠及", "覆盖", "带动", "受益", "吸纳")
_POWER_UNITS = ("千瓦", "MW", "兆瓦", "GW")
# Verbs of farm output follow their product in an indicator's name (生猪出栏).
_POSTPOSED_VERBS = ("种植", "出栏", "存栏", "养殖")
# Of those, the ones statistics use as nouns after the animal (生猪出栏); 种植青菜头 keeps
# the text's order.
_NOUN_VERBS = ("出栏", "存栏")
_ACTION_OPENING = re.compile(
    r"^(?:基本|全面|初步)?(?:" + "|".join(sorted(ACTION_VERBS, key=len, reverse=True)) + ")"
)
_WORK_NOUNS = re.compile(r"(?:前期工作|建设|工作)$")
# Two counts of one thing in a row (390户1070人, 64类31万余个): each is named by its unit.
_QUOTED_NAMES = re.compile(r"(?:“[^”]*”)+")
_VERDICT_ADVERBS = re.compile(r"^(?:全部|均|已|基本|顺利)+")
_LEADING_DECLINE = re.compile(r"^(?:平均)?(?:减少|压减|压缩|缩短|降低|减)(?=\w{2})")
_DIMENSIONS = ("时间", "时限", "环节", "材料", "成本", "费用", "跑动次数")
_DURATION_UNITS = ("小时", "分钟", "工作日", "天", "日")
_TIMED_ACT = re.compile(r"^内?(?:即可)?(办结|办理|办完|完成|审批|出证|送达|到达|响应)")
# A stock keeps the verb that names its kind (并网容量), not the tally (累计).
_STOCK_TALLY = re.compile(r"累计(?=并网|装机)")
# An industry's share of an economy is its value added's (生产性服务业占三产比重).
_INDUSTRY_SHARE = re.compile(r"^(?P<industry>[^占]*?(?:产业|业))占(?=.+比重$)")
# …计划指标沿用…、共计31项: the total of the plan's indicators.
_INDICATOR_TOTAL = re.compile(r"指标[^,,;;]*(?:共计|合计|共有|总计|共)$")
# 占总人口比重(常住人口城镇化率): another name of the same indicator, in brackets.
_GLOSS = re.compile(r"\([^()]*\)$")
_DESTINATION = re.compile(r"(?P<thing>.{2,}?)至(?P<place>[^至]{2,})")
# Verbs of entering a ranking band (入选全球ESI前1%学科).
_SELECTION = re.compile(r"入选|进入|跻身|位列|位居")
# The counter word a thing takes (零就业家庭 are counted in 户).
_COUNTERS = {"家庭": "户", "农户": "户", "企业": "家", "人口": "人", "人员": "人", "学校": "所"}
_TALLY_NOUNS = {"户": "户数", "人": "人数", "类": "类别", "家": "家数"}


def postpose_verb(subject: str) -> str:
    """出栏涪陵黑猪 → 涪陵黑猪出栏; other names (种植青菜头) unchanged."""
    for verb in _NOUN_VERBS:
        rest = subject.removeprefix(verb)
        if rest != subject and len(rest) >= 2:
            return rest + verb
    return subject


def without_postposed_verb(subject: str) -> str:
    """The product itself, for its attributes: 青菜头种植, 种植青菜头 → 青菜头 (…总产量)."""
    for verb in _POSTPOSED_VERBS:
        if len(subject) > len(verb) + 1:
            subject = subject.removesuffix(verb).removeprefix(verb)
    return subject


def with_unit_head(subject: str, unit: str | None) -> str:
    """Add the noun a unit implies where the verb alone names no quantity: a capacity
    (…并网容量), the people reached (补贴惠及 1.6万人 → 补贴惠及人数), the sum of a
    service (放款 → 放款金额).

    An area is not added: 营造林 25万亩 stays 营造林, 种植规模 18万亩 stays 种植规模
    (gold revision 2: no suffix the text does not write).
    """
    if not unit or not subject or "/" in unit:
        return subject  # a rate per unit (公斤/公顷) is no capacity
    if subject.endswith(_REACH_VERBS) and unit[-1] in "人户":
        return subject + unit[-1] + "数"
    if subject in _TRANSFER_VERBS and unit.endswith("元"):
        return subject + "金额"
    if unit.endswith(_POWER_UNITS) and not subject.endswith("容量"):
        subject = subject.removesuffix("规模")  # 新能源装机规模 1000万千瓦 is a capacity
        return subject + ("容量" if subject.endswith(("并网", "装机")) else "装机容量")
    return subject


def band_name(name: str, stated: str, right: str) -> tuple[str, int] | None:
    """A top band names the things in it: 化学、材料学入选全球ESI前1%学科 → 入选全球ESI前1%学科.

    The members listed before the verb are left out. Returns the name and the
    characters of ``right`` it used, or ``None`` when ``stated`` is no 前N% band.
    """
    if not (stated.startswith("前") and stated.endswith("%")):
        return None
    thing, used = counted_object(right)
    if not thing:
        return None
    holder = name.rpartition("、")[2]
    verb = _SELECTION.search(holder)
    return (holder[verb.start() :] if verb else holder) + stated + thing, used


def timed_name(subject: str, unit: str | None, right: str) -> str:
    """A duration followed by the act it times names the time of that act: 开办企业最快
    1小时办结 → 开办企业最快办结时间. ``right`` is the text after the number."""
    act = _TIMED_ACT.match(right)
    if not act or not unit or not unit.endswith(_DURATION_UNITS) or subject.endswith("时间"):
        return subject
    return subject + act.group(1) + "时间"


def stock_name(subject: str, left: str) -> str:
    """A stock built up over years is named without its tally: 累计建成充电桩 → 充电桩,
    分布式光伏累计并网 → 分布式光伏并网 (…并网容量). ``left`` is the text before the number."""
    if "累计建成" in left:
        subject = subject.removeprefix("建成")  # what stands, not the building
    return _STOCK_TALLY.sub("", subject)


def industry_share(subject: str) -> str:
    """生产性服务业占三产比重 → 生产性服务业增加值占三产比重: an industry counts in an
    economy by its value added; a share of some other measure (…产值占…) says so."""
    return _INDUSTRY_SHARE.sub(r"\g<industry>增加值占", subject) if "占" in subject else subject


def share_name(name: str, unit: str | None) -> str:
    """A percentage of a whole is a share: 占年度计划 (111%) → 占年度计划比重,
    占全区经济总量的 (39%) and 占全区经济总量的比重 → 占全区经济总量比重."""
    if not name.startswith("占") or unit != "%":
        return name
    name = name.replace("的比重", "比重").replace("的比例", "比例")
    shares = ("比重", "比例", "占比")
    return name if _GLOSS.sub("", name).endswith(shares) else name.removesuffix("的") + "比重"


def destination_first(subject: str) -> str:
    """What goes to a place is named after the place: 赋权事项至园区开发区 → 赋权园区开发区事项."""
    verb = leading_action(subject) if "至" in subject else None
    moved = _DESTINATION.fullmatch(subject[len(verb) :]) if verb else None
    return verb + moved.group("place") + moved.group("thing") if verb and moved else subject


def counter_of(subject: str) -> str:
    """The counter word of the thing a name ends with: 零就业家庭 → 户; 个 for most things."""
    return next((c for noun, c in _COUNTERS.items() if subject.endswith(noun)), "个")


def class_name(subject: str) -> str:
    """A water or quality class (Ⅱ类) is the value of the subject's 类别."""
    return subject if subject.endswith("类别") else subject + "类别"


def property_name(before: str, thing: str, unit: str | None) -> str | None:
    """A number inside a name states a property of the thing after it.

    枣子湾220千伏变电站 → 枣子湾变电站电压等级; 350MW燃煤热电联产项目前期工作
    → 燃煤热电联产项目装机容量; 城市15分钟…服务圈 → …服务圈半径; 华峰年产138万吨
    功能性新材料 → 华峰功能性新材料年产能. ``before`` is the name left of the
    number with its opening verb still on; ``None`` when the unit names no property.
    """
    if not unit or not thing:
        return None
    holder = _ACTION_OPENING.sub("", before)
    if unit.endswith("吨") and holder.endswith("年产"):
        attribute = "年产能"
        holder = holder[:-2]
    elif unit in ("千伏", "kV"):
        attribute = "电压等级"
    elif unit.endswith(_POWER_UNITS):
        attribute = "装机容量"
    elif unit == "分钟" and thing.endswith("圈"):
        attribute = "半径"
    else:
        return None
    return holder + _WORK_NOUNS.sub("", thing) + attribute


def tally_name(name: str, unit: str | None) -> str:
    """One of two counts of the same thing, named by its unit: 监测对象 + 户 → 监测对象户数."""
    noun = _TALLY_NOUNS.get((unit or "")[-1:], "")
    return name if not noun or name.endswith(noun) else name + noun


_PEOPLE = ("对象", "人口", "群众", "家庭", "农户", "群体", "人员")


def tally_holder(name: str, previous: str) -> str:
    """A tally with no holder of its own counts the people the previous tally counted:
    新识别监测对象390户1070人,消除风险1160户2963人 → 监测对象消除风险 (…户数, …人数)."""
    if not previous.endswith(("户数", "人数")) or name.endswith(_PEOPLE):
        return name
    counted = previous[:-2]
    holder = counted[len(leading_action(counted) or "") :]
    return holder + name if holder.endswith(_PEOPLE) and holder not in name else name


def listed_kind(previous: str, action: str, name: str) -> str | None:
    """A short member after a count names another kind of the same qualified thing:
    新创市级巴渝和美乡村引领镇1个、先行村7个 → 新创市级巴渝和美乡村先行村.

    Applies to a member of three characters after a first member that opens with
    the shared verb and qualifies its kind at length; ``None`` otherwise.
    """
    if len(name) != 3 or not action or not previous.startswith(action):
        return None
    if len(previous) - len(action) < len(name) + 3:
        return None
    return previous[: -len(name)] + name


def counted_after(name: str, right: str, unit: str | None) -> tuple[str, str, int] | None:
    """The subject when a count is followed by what it counts, though words precede it.

    A modifier (…通过的8项重点民生实事) or the members' own names
    (“招标投标”“政府采购”5项指标, 教育、电子信息3个学位授权点) are left out;
    a short word before the count is its verb (完成编目84个应用 → 编目应用).
    Returns (subject, verb for later list members or "", characters of
    ``right`` used), or ``None`` when the words before the number are the subject.
    """
    if unit not in COUNT_UNITS and unit != "类":
        return None
    thing, used = counted_object(right)
    if not thing:
        return None
    if name.endswith("的") or "、" in name or _QUOTED_NAMES.fullmatch(name):
        return thing, "", used
    verb = drop_generic(name)
    return (verb + thing, verb, used) if len(verb) <= 3 else None


def with_verdict(subject: str, rest: str) -> str:
    """A count ending its clause with a short verdict names it: 8项重点民生实事全部兑现
    → 重点民生实事兑现; adverbs (全部, 均, 已) go. ``rest`` is the clause after the object.
    """
    verdict = _VERDICT_ADVERBS.sub("", rest.strip())
    if 2 <= len(verdict) <= 6 and not re.search(r"[\d的、“]", verdict):
        return subject + verdict
    return subject


def structure_name(before: str, stated: str, after: str, year: str) -> str | None:
    """Counts of the report's own structure, named with the year whose plan they arrange:
    重点做好以下8个方面31项工作 in a 2025 plan → 2025年重点工作方面, 2025年重点工作;
    计划指标…共计31项 → 2025年计划指标总数. ``before`` is the clause up to the number,
    ``stated`` the number as written, ``after`` the rest of the clause; ``year`` the
    statement's period (no year when it is not one)."""
    clause = before + stated + after
    dated = f"{year}年" if year.isdigit() else ""
    focus = dated + ("重点" if "重点" in clause else "")
    if stated.endswith("方面") or after.startswith("方面"):
        return focus + "工作方面"
    if after.startswith("工作") and "方面" in clause:
        return focus + "工作"
    if _INDICATOR_TOTAL.search(before) and stated.endswith("项") and not after.strip():
        return dated + ("计划" if "计划指标" in before else "") + "指标总数"
    return None


def reduced_dimension(name: str, before: str) -> str:
    """平均减时间 after 推行线上“联合报装”: the 联合报装时间 that was cut.

    The decline verb opening ``name`` goes (the measure carries the sign); a
    bare dimension (时间, 环节, 材料 …) takes the quoted process named in the
    clause before it (``before``: the sentence up to this clause).
    """
    name = _LEADING_DECLINE.sub("", name)
    if name not in _DIMENSIONS:
        return name
    previous = re.split(r"[,,;;:]", re.sub(r"[,,;;:\s]+$", "", before))[-1]
    quoted = re.findall(r"“([^”]+)”", previous)
    return quoted[-1] + name if quoted else name


def beneficiary(right: str) -> tuple[str, int] | None:
    """为7601户市场主体放款102.5亿元: the count is of those served, named with the service
    (放款市场主体). Returns the name and the characters of ``right`` before the
    service verb, which is left to name the amount that follows (放款金额)."""
    thing, used = counted_object(right)
    for verb in _TRANSFER_VERBS:
        if thing.endswith(verb) and len(thing) > len(verb):
            return verb + thing[: -len(verb)], used - len(verb)
    return None
