"""The words of report quantities: Chinese numerals, magnitudes, units, qualifier words.

Data only; :mod:`planwatch.core.numbers` builds its parser from these. Units
are base units as reports write them; a magnitude word (万, 亿 …) before a
unit is kept with it (万人, 亿元), never multiplied out.
"""

from __future__ import annotations

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "十百千"

MAGNITUDES = ("百万", "千万", "十万", "百亿", "千亿", "万亿", "万", "亿", "千")

# Longest first so that 万人次 wins over 万人, 平方公里 over 公里.
BASE_UNITS: tuple[str, ...] = tuple(
    sorted(
        [
            "个百分点",
            "百分点",
            "个千分点",
            "千分点",
            "微克/立方米",
            "%",
            "‰",
            "元",
            "美元",
            "欧元",
            "人民币",
            "元/吨",
            "元/平方米",
            "个",
            "项",
            "家",
            "户",
            "人",
            "人次",
            "名",
            "位",
            "所",
            "座",
            "处",
            "条",
            "件",
            "只",
            "头",
            "羽",
            "套",
            "辆",
            "盏",
            "台",
            "艘",
            "架",
            "架次",
            "间",
            "张",
            "部",
            "本",
            "册",
            "场",
            "场次",
            "次",
            "起",
            "宗",
            "批",
            "类",
            "支",
            "块",
            "种",
            "款",
            "例",
            "篇",
            "份",
            "棵",
            "株",
            "口",
            "亩",
            "公顷",
            "平方公里",
            "平方米",
            "平方",
            "立方米",
            "立方",
            "公里",
            "千米",
            "米",
            "吨",
            "千克",
            "公斤",
            "斤",
            "千瓦",
            "千瓦时",
            "千伏",
            "度",
            "兆瓦",
            "标准箱",
            "标箱",
            "箱",
            "列",
            "班",
            "趟",
            "吨公里",
            "天",
            "小时",
            "分钟",
            "年",
            "个月",
            "个季度",
            "颗",
            "枚",
            "岁",
            "倍",
            "床",
            "MW",
            "GW",
            "kW",
            "kV",
            "km",
            "TEU",
        ],
        key=len,
        reverse=True,
    )
)
PREFIX_AT_LEAST: tuple[str, ...] = (
    "超过",
    "突破",
    "不低于",
    "不少于",
    "高于",
    "多于",
    "超",
    "逾",
    "达到或超过",
)
PREFIX_AT_MOST: tuple[str, ...] = ("不超过", "不高于", "控制在", "低于", "少于", "前")
PREFIX_APPROX: tuple[str, ...] = ("大约", "接近", "约", "近")
SUFFIX_AT_LEAST: tuple[str, ...] = ("以上", "及以上", "之上")
SUFFIX_AT_MOST: tuple[str, ...] = ("以内", "以下", "之内")
SUFFIX_APPROX: tuple[str, ...] = ("左右", "上下")
