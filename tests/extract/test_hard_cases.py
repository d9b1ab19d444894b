"""The hard cases of report language, each on a small document of its own."""

from __future__ import annotations

from planwatch.core.numbers import Qualifier
from planwatch.extract import Measure, Status, extract_statements

from .conftest import plan, review


def test_a_fenbie_list_gives_one_statement_per_subject_in_order() -> None:
    found = review("规上工业增加值、固定资产投资、社会消费品零售总额分别增长9%、6%、5%。")
    assert [(s.subject, s.value, s.measure) for s in found] == [
        ("规上工业增加值", 9, Measure.GROWTH),
        ("固定资产投资", 6, Measure.GROWTH),
        ("社会消费品零售总额", 5, Measure.GROWTH),
    ]


def test_a_fenbie_list_shares_its_head_noun_and_its_trailing_qualifier() -> None:
    found = review("基本养老保险、基本医疗保险参保率分别稳定在97%、95%以上。")
    assert [(s.subject, s.value, s.qualifier) for s in found] == [
        ("基本养老保险参保率", 97, Qualifier.AT_LEAST),
        ("基本医疗保险参保率", 95, Qualifier.AT_LEAST),
    ]


def test_a_jun_list_states_one_value_for_each_subject() -> None:
    found = plan("区属国企营业收入、利润均增长10%以上。")
    assert [(s.subject, s.value) for s in found] == [("区属国企营业收入", 10), ("区属国企利润", 10)]


def test_an_attribute_takes_the_counted_thing_and_a_bare_number_keeps_the_subject() -> None:
    found = review("新签约招商引资项目138个,到位资金243亿元、增长16.1%。")
    assert [(s.subject, s.measure, s.value) for s in found[1:]] == [
        ("新签约招商引资项目到位资金", Measure.LEVEL, 243),
        ("新签约招商引资项目到位资金", Measure.GROWTH, 16.1),
    ]


def test_yuji_inside_a_paragraph_turns_its_sentence_into_estimates_and_no_further() -> None:
    found = review(
        "经济回升向好,预计全年地区生产总值增长6.5%左右,一般公共预算收入增长5.5%。工业投资增长16%。"
    )
    assert [s.status for s in found] == [Status.ESTIMATE, Status.ESTIMATE, Status.ACTUAL]
    assert found[0].qualifier is Qualifier.APPROX


def test_targets_of_the_plan_part_carry_the_plan_year_and_their_bounds() -> None:
    found = plan("力争规上工业产值突破3000亿元、增长10%以上,城镇调查失业率控制在5.5%以内。")
    assert [(s.value, s.unit, s.qualifier, s.status, s.period) for s in found] == [
        (3000, "亿元", Qualifier.AT_LEAST, Status.TARGET, "2025"),
        (10, "%", Qualifier.AT_LEAST, Status.TARGET, "2025"),
        (5.5, "%", Qualifier.AT_MOST, Status.TARGET, "2025"),
    ]


def test_years_come_from_the_headings_not_from_the_calendar() -> None:
    found = review("工业投资增长16%。", year=2030)
    assert found[0].period == "2030"


def test_a_target_with_a_deadline_belongs_to_the_deadline_year() -> None:
    found = plan("到2027年全社会研发投入强度达到3%,2026年底前建成5G基站1万座。")
    assert [(s.value, s.period) for s in found] == [(3, "2027"), (1, "2026")]


def test_a_decline_is_negative_growth() -> None:
    (found,) = review("PM2.5浓度同比下降18.8%。")
    assert (found.subject, found.measure, found.value) == ("PM2.5浓度", Measure.GROWTH, -18.8)


def test_a_shortening_is_a_negative_change_in_its_unit() -> None:
    (found,) = review("铁海联运班列运输时长缩短10天以上。")
    assert (found.measure, found.value, found.unit, found.qualifier) == (
        Measure.CHANGE,
        -10,
        "天",
        Qualifier.AT_LEAST,
    )


def test_chinese_magnitudes_stay_in_the_unit() -> None:
    found = review("一般公共预算收入率先突破百亿大关,新增城镇就业2.3万人。")
    assert [(s.value, s.unit, s.qualifier, s.measure) for s in found] == [
        (100, "亿元", Qualifier.AT_LEAST, Measure.LEVEL),
        (2.3, "万人", Qualifier.EXACT, Measure.CHANGE),
    ]


def test_a_rank_names_the_previous_subject_and_has_no_unit() -> None:
    found = review("区属国企资产总额突破3300亿元、全市第1。")
    assert (found[1].subject, found[1].measure, found[1].value, found[1].unit) == (
        "区属国企资产总额全市排名",
        Measure.RANK,
        1,
        None,
    )


def test_leiji_marks_a_stock_and_a_multi_year_sum_differently() -> None:
    stock = review("新增中药材种植面积4.2万亩、累计达16万亩。")
    total = review("累计归集信用信息3000余万条。")
    assert [(s.cumulative, s.period) for s in stock] == [(False, "2024"), (True, "2024")]
    assert stock[1].subject == "中药材种植面积"
    assert (total[0].cumulative, total[0].period, total[0].qualifier) == (
        True,
        "cumulative",
        Qualifier.AT_LEAST,
    )


def test_percentage_points_are_a_change() -> None:
    (found,) = plan("海绵城市达标面积占比提升5个百分点以上。")
    assert (found.measure, found.value, found.unit) == (Measure.CHANGE, 5, "个百分点")


def test_a_range_keeps_its_upper_bound() -> None:
    (found,) = plan("地区生产总值增长5%—6%。")
    assert (found.value, found.upper, found.unit) == (5, 6, "%")


def test_full_width_digits_and_signs_read_like_half_width_ones() -> None:
    (found,) = review("地区生产总值增长６．５％左右。")
    assert (found.value, found.unit, found.qualifier) == (6.5, "%", Qualifier.APPROX)
    assert found.quote == "地区生产总值增长６．５％左右"


def test_qualitative_targets_keep_their_wording() -> None:
    found = plan(
        "进出口总额实现正增长,全体居民人均可支配收入与经济增长保持同步,"
        "节能减排和环境保护指标以市上下达为准。"
    )
    assert [(s.subject, s.value, s.qualifier, s.text_target) for s in found] == [
        ("进出口总额", 0, Qualifier.AT_LEAST, "正增长"),
        ("全体居民人均可支配收入", None, Qualifier.EXACT, "与经济增长同步"),
        ("节能减排和环境保护指标", None, Qualifier.EXACT, "以市上下达为准"),
    ]


def test_counts_describing_the_plan_itself_are_facts_not_targets() -> None:
    found = plan("计划指标共计31项,包含7项约束性指标、24项预期性指标。")
    assert [(s.value, s.status) for s in found] == [
        (31, Status.ACTUAL),
        (7, Status.ACTUAL),
        (24, Status.ACTUAL),
    ]


def test_an_action_verb_carries_over_a_list_of_counted_objects() -> None:
    found = review("新增48家专精特新企业、9家制造业领军链主企业。")
    assert [(s.subject, s.measure) for s in found] == [
        ("新增专精特新企业", Measure.CHANGE),
        ("新增制造业领军链主企业", Measure.CHANGE),
    ]


def test_names_and_labels_with_digits_are_not_statements() -> None:
    found = review("构建“1+3+6+N”工作体系,建成5G基站,2.0版,816工程,第二批试点,12、13号泊位。")
    assert found == []


def test_a_text_without_numbers_has_no_statements() -> None:
    assert extract_statements("") == []
    assert extract_statements("各位代表:\n现将报告提请审议。") == []


def test_line_numbers_count_newlines_only_as_an_editor_does() -> None:
    text = "一、2024年计划执行情况\n第一页\f第二页\r\n工业投资增长16%。\u2028\n"
    (found,) = extract_statements(text)
    assert found.line == 3
