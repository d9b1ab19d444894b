"""Word lists of the language of plan reports, shared by the extractor modules.

These are general words of 计划执行情况 reports and 政府工作报告 (verbs of
growth and decline, markers of estimates and targets, list connectives), not
phrases of any one report. Longer words come first where prefixes overlap so
that a longest match wins.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """A short word list written on one line, words separated by spaces."""
    return tuple(text.split())


# 涨幅/增幅 name the rate itself (居民消费价格涨幅2%): the name ends before them.
GROWTH_UP: tuple[str, ...] = (
    "同比增长",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "上涨",
    "涨幅",
    "增幅",
    "增",
)
GROWTH_DOWN: tuple[str, ...] = (
    "同比下降",
    "下降",
    "减少",
    "降低",
    "回落",
    "下跌",
    "跌幅",
    "降幅",
    "缩短",
    "缩减",
    "压减",
    "压降",
    "减",
)
NEW_VERBS: tuple[str, ...] = ("新增", "净增", "新增加")
# Verbs that end a subject and put a level on it (达 160 亿元, 稳定在 97%).
LEVEL_VERBS: tuple[str, ...] = (
    "达到或超过",
    "迈上",
    "跃上",
    "站上",
    "迈过",
    "分别稳定在",
    "稳定在",
    "保持在",
    "控制在",
    "提升至",
    "提升到",
    "提高至",
    "提高到",
    "降低至",
    "降低到",
    "下降至",
    "下降到",
    "扩大至",
    "扩大到",
    "缩小至",
    "缩小到",
    "增至",
    "增长到",
    "降至",
    "达到",
    "实现",
    "完成",
    "保持",
    "突破",
    "超过",
    "共计",
    "合计",
    "安排",
    "总计",
    "达",
    "为",
    "超",
    "逾",
    "近",
    "约",
)
# Verbs that open an action whose object is counted (新增 48 家…, 实施 … 30 个).
ACTION_VERBS: tuple[str, ...] = tuple(
    sorted(
        _words(
            "新增 新建 新建改造 新改建 新培育 新引进 新认证 新创 新发展 新开工 "
            "新签约 新分配 新识别 新纳入 新升规 新开展 获 获得 获批 实施 建成 完成 开展 "
            "举办 引进 培育 创建 治理 修复 更新 发放 落实 开工 完工 拆除 种植 "
            "出栏 建设 改造 整治 引育 承接 归集 下沉 推出 培训 帮扶 救助 接待 "
            "招引 签约 落地 处置 推行 运行 赋权 贯通 上线 下放 打造"
        ),
        key=len,
        reverse=True,
    )
)
# Words that open a clause without being part of its subject.
LEADING_NOISE: tuple[str, ...] = (
    "其中",
    "预计",
    "全年",
    "力争",
    "确保",
    "争取",
    "努力",
    "全区",
    "全市",
    "全县",
    "全省",
    "年末",
    "年底",
    "今年",
    "当年",
    "同时",
    "以及",
    "并且",
    "推动",
    "推进",
    "加快",
    "持续",
    "接续",
    "力促",
    "实现",
    "包含",
    "包括",
    "滚动",
    "高效",
    "全面",
    "妥善",
    "深入",
    "积极",
    "大力",
    "扎实",
    "稳步",
    "有序",
    "着力",
    "切实",
    "进一步",
    "继续保持",
    "累计",
    "首批",
    "梯次",
    "已",
    "精心",
    # (折合11612美元): the same amount in another currency.
    "折合",
    "(",
    "拟",
    "●",
    "■",
    "◆",
    "▲",
    "★",
    "•",
    "·",
    "和",
    "及",
    "与",
    "并",
    "、",
    " ",
)
TRAILING_NOISE: tuple[str, ...] = (
    "分别",
    "同比",
    "比上年",
    "较上年",
    "全年",
    "累计",
    "总量",
    "平均",
    "均",
    "力争",
    "确保",
    "争取",
    "要",
    "共",
    "率先",
    "动态",
    "稳定",
    "持续",
    "已",
    "再",
    "了",
    "首批",
    "继续",
    "拟",
    # 可比增长5.8%, 实际增长5.1%: how a growth is measured, not what grew.
    "可比",
    "实际",
    "名义",
    "同口径",
    "首次",
)
ESTIMATE_MARKERS: tuple[str, ...] = ("预计", "据统计预测", "初步预测")
TARGET_MARKERS: tuple[str, ...] = (
    "力争",
    "确保",
    "争取",
    "努力",
    "目标",
    "预期",
    "计划",
    "拟",
    "将",
    "要",
    "建议",
)
# Heads of indicator names shared by the members of a list (A、B参保率).
SHARED_HEADS: tuple[str, ...] = (
    "营业收入",
    "主营业务收入",
    "增加值",
    "参保率",
    "覆盖率",
    "普及率",
    "支出",
    "收入",
    "投资",
    "产值",
    "产量",
    "总额",
    "总值",
    "余额",
    "销售额",
    "面积",
    "比重",
    "占比",
    "数量",
    "贷款",
    "企业",
    "价格",
)
# Names that only make sense as an attribute of the thing counted just before
# (89个区级重点项目完成投资超275亿元 → 区级重点项目完成投资).
ATTRIBUTE_NOUNS: frozenset[str] = frozenset(
    {
        "完成投资",
        "投资完成率",
        "完成率",
        "总投资",
        "年度计划投资",
        "计划投资",
        "协议资金",
        "到位资金",
        "签约资金",
        "学位",  # 新增幼儿园2所、学位390个: the places of the schools just counted
        "床位",
        "总产量",
        "产量",
        "总产值",
        "产值",
        "增加值",
        "营业收入",
        "利润",
        "利润总额",
        "税收",
        "销售额",
        "总额",
        "资产总额",
        "规模",
        "数量",
    }
)
COUNT_UNITS: frozenset[str] = frozenset(
    {"个", "项", "家", "户", "所", "座", "处", "条", "件", "名", "人", "套", "辆", "台", "只", "批"}
)
# Verbs too generic to be part of an indicator's name (实施3个…工程 counts 工程).
# 开工 stays: it names a stage of works, as 新开工 and 完工 do.
GENERIC_VERBS: tuple[str, ...] = _words("实施 完成 落实 开展 纳入 推动 推进 推行 推出 取得 获得")
# Verbs that end a finished phrase before a list comma (改革扎实推进、…).
PREDICATE_ENDINGS: tuple[str, ...] = _words(
    "推进 通过 运营 运行 建设 投用 完工 落地 获批 挂牌 开园 上线 整治"
)
# Objects too generic to name an indicator alone (4家企业获批…).
GENERIC_OBJECTS: frozenset[str] = frozenset(_words("企业 产品 工作 项目 单位 村 人 指标"))
# Words that end a name as a measure of something named elsewhere (整治率, 签约项目).
MEASURE_HEADS: tuple[str, ...] = _words("覆盖率 完成率 占比 比重 比例 率 时长 资金 项目")
# Modifiers of a measure word that still name no thing: processes (整治率), states
# (达标面积), and generic nouns (KPI覆盖率: the share of indicators).
HEADLESS_MODIFIERS: tuple[str, ...] = _words(
    "整治 改造 治理 达标 面积 签约 运输 到位 协议 完成 办结 处理 KPI"
)
# Verbs that open a phrase undertaking some work (推进…建设, 提升…质效).
UNDERTAKING_VERBS: tuple[str, ...] = _words(
    "开展 实施 提升 提高 加强 深化 完善 优化 强化 抓好 做好 扩面 提质 推广"
)
