"""Constructions common in other regions' reports, written anew in their style."""

from __future__ import annotations

from planwatch.core.numbers import Qualifier
from planwatch.extract import Measure, Statement

from .conftest import plan, review


def named(found: list[Statement]) -> list[tuple[str, float | None, str | None]]:
    return [(s.subject, s.value, s.unit) for s in found]


def test_chengxiang_with_fenbie_splits_into_urban_and_rural_residents() -> None:
    found = review("城乡居民人均可支配收入分别增长4.6%和6.9%左右。")
    assert named(found) == [
        ("城镇居民人均可支配收入", 4.6, "%"),
        ("农村居民人均可支配收入", 6.9, "%"),
    ]
    assert [s.qualifier for s in found] == [Qualifier.APPROX, Qualifier.APPROX]


def test_short_qualifiers_joined_by_he_share_the_head_of_the_last_member() -> None:
    found = review("城镇和农村居民人均可支配收入分别达51210元、23870元。")
    assert named(found) == [
        ("城镇居民人均可支配收入", 51210, "元"),
        ("农村居民人均可支配收入", 23870, "元"),
    ]


def test_a_bare_list_after_a_fenbie_list_of_the_same_length_inherits_its_subjects() -> None:
    found = review("城镇和农村居民人均可支配收入分别达51210元、23870元,增长3.9%、6.2%。")
    assert [(s.subject, s.value, s.measure) for s in found[2:]] == [
        ("城镇居民人均可支配收入", 3.9, Measure.GROWTH),
        ("农村居民人均可支配收入", 6.2, Measure.GROWTH),
    ]


def test_a_bare_list_of_another_length_does_not_inherit_a_fenbie_distribution() -> None:
    found = review("城镇和农村居民人均可支配收入分别达51210元、23870元,增长3.9%。")
    assert found[-1].subject == "农村居民人均可支配收入"


def test_count_prefixed_members_of_a_fenbie_list_each_get_their_own_amounts() -> None:
    found = review(
        "8个省重点项目、25个省大中型项目、47个市重点项目分别完成投资31.2亿元、64.5亿元、"
        "90.1亿元,分别占年度计划105.3%、108.1%、109.6%。"
    )
    assert named(found) == [
        ("省重点项目", 8, "个"),
        ("省大中型项目", 25, "个"),
        ("市重点项目", 47, "个"),
        ("省重点项目完成投资", 31.2, "亿元"),
        ("省大中型项目完成投资", 64.5, "亿元"),
        ("市重点项目完成投资", 90.1, "亿元"),
        ("省重点项目完成投资占年度计划比重", 105.3, "%"),
        ("省大中型项目完成投资占年度计划比重", 108.1, "%"),
        ("市重点项目完成投资占年度计划比重", 109.6, "%"),
    ]


def test_a_share_of_a_plan_in_percent_is_named_a_share() -> None:
    found = review("市重点项目完成投资210亿元,占年度计划115.2%。")
    assert found[-1].subject == "市重点项目完成投资占年度计划比重"


def test_a_verb_between_the_name_and_its_number_is_no_part_of_the_name() -> None:
    found = review("地区生产总值完成3608.5亿元、增长5.7%,工业总产值实现1200亿元。")
    assert named(found) == [
        ("地区生产总值", 3608.5, "亿元"),
        ("地区生产总值", 5.7, "%"),
        ("工业总产值", 1200, "亿元"),
    ]


def test_completed_investment_keeps_its_verb() -> None:
    found = review("区级重点项目完成投资186亿元。")
    assert found[0].subject == "区级重点项目完成投资"


def test_a_price_rise_is_growth_of_the_price() -> None:
    found = review("居民消费价格上涨0.4%,居民消费价格涨幅控制在3%左右。")
    assert [(s.subject, s.measure, s.value, s.qualifier) for s in found] == [
        ("居民消费价格", Measure.GROWTH, 0.4, Qualifier.EXACT),
        ("居民消费价格", Measure.GROWTH, 3, Qualifier.APPROX),
    ]


def test_a_price_fall_is_negative_growth() -> None:
    found = review("工业生产者出厂价格下跌1.8%,居民消费价格回落0.6%。")
    assert [(s.subject, s.measure, s.value) for s in found] == [
        ("工业生产者出厂价格", Measure.GROWTH, -1.8),
        ("居民消费价格", Measure.GROWTH, -0.6),
    ]


def test_a_magnitude_without_digits_that_grades_projects_is_a_label() -> None:
    found = review("签约亿元以上项目312个,引进千万元以上项目46个,培育亿元级企业9家。")
    assert named(found) == [
        ("签约亿元以上项目", 312, "个"),
        ("引进千万元以上项目", 46, "个"),
        ("培育亿元级企业", 9, "家"),
    ]


def test_a_magnitude_word_reached_is_still_a_number() -> None:
    found = review("农产品加工业产值突破百亿元。")
    assert named(found) == [("农产品加工业产值", 100, "亿元")]


def test_growth_rates_ranked_together_by_jun_each_get_the_rank() -> None:
    found = review(
        "地区生产总值完成2810.6亿元、增长6.4%,规模以上工业增加值增长8.7%,增速均居全省第二。"
    )
    assert [(s.subject, s.value) for s in found if s.measure is Measure.RANK] == [
        ("地区生产总值增速全省排名", 2),
        ("规模以上工业增加值增速全省排名", 2),
    ]


def test_a_rank_of_the_growth_rate_without_jun_ranks_only_the_growth_before_it() -> None:
    found = review("地区生产总值增长6.4%,规模以上工业增加值增长8.7%,增速居全省第二。")
    assert [s.subject for s in found if s.measure is Measure.RANK] == [
        "规模以上工业增加值增速全省排名"
    ]


def gaps(found: list[Statement]) -> list[tuple[str, float | None]]:
    return [(s.subject, s.value) for s in found if s.unit == "个百分点"]


def test_a_growth_compared_with_the_country_is_a_gap_named_after_its_rate() -> None:
    found = review("全市固定资产投资同比增长7.2%,增幅比全国高2.1个百分点,比一季度回落0.9个百分点。")
    assert gaps(found) == [("固定资产投资增速较全国", 2.1), ("固定资产投资增速较一季度", -0.9)]
    assert {s.measure for s in found[1:]} == {Measure.CHANGE}


def test_a_rate_compared_with_the_schedule_is_a_gap_of_that_rate() -> None:
    found = review("重点项目开工率61.5%,高于序时进度20.3个百分点,较一季度提高4.4个百分点。")
    assert gaps(found) == [("重点项目开工率较序时进度", 20.3), ("重点项目开工率较一季度", 4.4)]


def test_a_change_on_the_previous_year_is_the_indicators_own_change() -> None:
    found = review("高技术产业增加值占规上工业比重达28.6%,比重较2023年提高1.5个百分点。")
    assert gaps(found) == [("高技术产业增加值占规上工业比重", 1.5)]


def test_bare_numbers_listed_before_a_unit_share_it_and_the_list_distribution() -> None:
    found = review("采矿业、制造业投资分别增长12.5%、8.8%,比一季度加快3.1、0.6个百分点。")
    assert gaps(found) == [("采矿业投资增速较一季度", 3.1), ("制造业投资增速较一季度", 0.6)]


def test_how_a_growth_is_measured_is_no_part_of_the_name() -> None:
    found = review("第二产业增加值905.2亿元,可比增长4.1%,全体居民人均可支配收入实际增长5.3%。")
    assert [s.subject for s in found] == [
        "第二产业增加值",
        "第二产业增加值",
        "全体居民人均可支配收入",
    ]


def test_an_amount_converted_to_another_currency_keeps_the_subject() -> None:
    found = review("人均地区生产总值76520元(折合10740美元),比上年增长5.1%。")
    assert named(found) == [
        ("人均地区生产总值", 76520, "元"),
        ("人均地区生产总值", 10740, "美元"),
        ("人均地区生产总值", 5.1, "%"),
    ]


def test_a_share_of_a_whole_written_with_de_is_a_share() -> None:
    found = review("工业增加值902.3亿元,占全区经济总量的36.2%。")
    assert found[-1].subject == "工业增加值占全区经济总量比重"


def test_a_rate_written_before_its_growth_is_a_growth() -> None:
    found = review("电子信息产业营业收入保持15%以上增长、达2350亿元。")
    assert [(s.subject, s.measure, s.value, s.qualifier) for s in found] == [
        ("电子信息产业营业收入", Measure.GROWTH, 15, Qualifier.AT_LEAST),
        ("电子信息产业营业收入", Measure.LEVEL, 2350, Qualifier.EXACT),
    ]


def test_jun_after_a_shared_head_ranks_each_subject_ending_in_it() -> None:
    found = review("汽车产量增长22.5%,新能源汽车产量增长61.3%,产量均居全国第3位。")
    assert [(s.subject, s.value) for s in found if s.measure is Measure.RANK] == [
        ("汽车产量全国排名", 3),
        ("新能源汽车产量全国排名", 3),
    ]


def test_a_unit_per_person_or_per_area_stays_whole() -> None:
    found = review("全员劳动生产率为162310元/人,粮食单产6210公斤/公顷。")
    assert named(found) == [("全员劳动生产率", 162310, "元/人"), ("粮食单产", 6210, "公斤/公顷")]


def test_a_rate_change_in_per_mille_points_keeps_its_unit() -> None:
    found = review("全年人口出生率7.82‰,比上年下降0.41个千分点。")
    assert [(s.subject, s.value, s.unit) for s in found] == [
        ("人口出生率", 7.82, "‰"),
        ("人口出生率", -0.41, "个千分点"),
    ]


def test_a_negative_number_after_a_verb_is_negative() -> None:
    found = review("全年出生率为5.12‰,自然增长率为-2.87‰。")
    assert named(found)[-1] == ("自然增长率", -2.87, "‰")


def test_an_amount_computed_another_way_belongs_to_the_subject_before_it() -> None:
    found = review("人均地区生产总值68215元,按年平均汇率折算为9580美元。")
    assert named(found)[-1] == ("人均地区生产总值", 9580, "美元")


def test_a_share_with_its_other_name_in_brackets_is_not_named_a_share_twice() -> None:
    found = review("城镇常住人口98.52万人,占总人口比重(常住人口城镇化率)为52.71%。")
    assert found[-1].subject == "城镇常住人口占总人口比重(常住人口城镇化率)"


def test_price_groups_listed_before_a_shared_price_head_each_receive_it() -> None:
    found = review("交通通信、食品烟酒、衣着价格分别下降2.6%、1.2%、0.3%。")
    assert [s.subject for s in found] == ["交通通信价格", "食品烟酒价格", "衣着价格"]


def test_a_planned_allocation_is_named_without_its_verb() -> None:
    found = plan("今年市级预算内投资拟安排42亿元。")
    assert named(found) == [("市级预算内投资", 42, "亿元")]


def test_a_higher_goal_of_a_growth_target_is_a_growth_too() -> None:
    found = plan("地区生产总值增长6%以上,力争达到6.5%。")
    assert [(s.subject, s.measure, s.value) for s in found] == [
        ("地区生产总值", Measure.GROWTH, 6),
        ("地区生产总值", Measure.GROWTH, 6.5),
    ]


def test_a_magnitude_word_opening_a_name_is_no_number() -> None:
    found = plan("万元地区生产总值能耗下降3.2%,一般公共预算收入同口径增长4%。")
    assert [(s.subject, s.value) for s in found] == [
        ("万元地区生产总值能耗", -3.2),
        ("一般公共预算收入", 4),
    ]


def test_a_run_of_years_at_a_level_is_named_after_the_subject_before_it() -> None:
    found = review("粮食总产量达到98.6亿斤,连续6年稳定在95亿斤以上。")
    assert found[1].subject == "粮食总产量连续稳定在95亿斤以上年数"


def test_a_rank_after_a_gap_ranks_the_rate_compared() -> None:
    found = review("进出口总额增长9.6%,增速高于全省3.2个百分点,排名全省第2位。")
    assert found[-1].subject == "进出口总额增速全省排名"


def test_shares_listed_after_a_fenbie_growth_list_belong_to_its_members() -> None:
    found = review(
        "装备制造业、高技术制造业增加值分别增长8.1%、10.7%,"
        "占规模以上工业增加值的比重分别为29.4%、16.3%。"
    )
    assert [s.subject for s in found[2:]] == [
        "装备制造业增加值占规模以上工业增加值比重",
        "高技术制造业增加值占规模以上工业增加值比重",
    ]


def test_a_part_named_at_length_under_a_whole_keeps_its_own_name() -> None:
    found = review("居民消费价格上涨0.6%。其中,交通通信价格下降1.9%。")
    assert found[-1].subject == "交通通信价格"


def test_air_quality_in_micrograms_per_cubic_metre_is_a_level() -> None:
    found = review("PM2.5平均浓度下降至26微克/立方米。")
    assert named(found) == [("PM2.5平均浓度", 26, "微克/立方米")]


def test_a_shared_share_head_reaches_members_that_name_quantities() -> None:
    found = review("民营工业增加值、外贸进出口总额占比分别为31.6%、48.2%。")
    assert [s.subject for s in found] == ["民营工业增加值占比", "外贸进出口总额占比"]


def test_a_run_opened_by_yi_is_named_after_the_subject_before_it() -> None:
    found = review("粮食播种面积增至1502.6万亩,已连续6年保持在1500万亩以上,位居全省第二。")
    assert [s.subject for s in found] == [
        "粮食播种面积",
        "粮食播种面积连续保持在1500万亩以上年数",
        "粮食播种面积",
        "粮食播种面积全省排名",
    ]


def test_the_rank_of_an_increment_is_of_the_subject_before_it() -> None:
    found = review("粮食总产量达到76.4亿斤,增量居全省第4位。")
    assert found[-1].subject == "粮食总产量增量全省排名"


def test_the_urban_rural_income_ratio_is_a_number_without_a_unit() -> None:
    found = review("农村居民人均可支配收入增长7.1%,城乡居民收入比缩小至1.98。")
    assert named(found)[-1] == ("城乡居民收入比", 1.98, None)


def test_a_listed_member_with_a_verb_of_its_own_does_not_take_the_verb_before_it() -> None:
    found = review("全年接待游客6820万人次、实现旅游收入612亿元,分别增长9.1%、11.4%。")
    assert [s.subject for s in found] == ["接待游客", "旅游收入", "接待游客", "旅游收入"]


def test_a_growth_ahead_of_an_average_is_a_gap_to_it() -> None:
    found = review("规上工业总产值同比增长8.4%,高出全省平均水平2.6个百分点。")
    assert gaps(found) == [("规上工业总产值增速较全省平均水平", 2.6)]


def test_an_amount_grading_counted_projects_is_their_threshold() -> None:
    found = review("新签约项目268个,其中30亿元以上项目6个。")
    assert named(found)[1:] == [("项目门槛", 30, "亿元"), ("30亿元以上项目", 6, "个")]
    assert found[1].qualifier is Qualifier.AT_LEAST


def test_a_rank_whose_scope_was_named_before_is_still_a_rank() -> None:
    found = review("工业增加值跨过万亿元大关,居第12位。")
    assert [(s.measure, s.value) for s in found] == [(Measure.LEVEL, 1), (Measure.RANK, 12)]
    assert found[0].qualifier is Qualifier.AT_LEAST


def test_the_economys_total_keeps_its_total() -> None:
    found = review("经济总量迈上5000亿元台阶。")
    assert named(found) == [("经济总量", 5000, "亿元")]


def test_a_contribution_rate_belongs_to_the_subject_before_it() -> None:
    found = review("第三产业增加值1620.4亿元,增长5.9%,对经济增长的贡献率为58.3%。")
    assert found[-1].subject == "第三产业增加值对经济增长的贡献率"


def test_a_run_of_months_is_counted_in_months() -> None:
    found = review("社会消费品零售总额增速连续10个月居全省第一。")
    assert [(s.subject, s.value, s.unit) for s in found] == [
        ("社会消费品零售总额增速连续居全省第一月数", 10, "个月"),
        ("社会消费品零售总额增速全省排名", 1, None),
    ]


def test_an_installed_scale_in_kilowatts_is_a_capacity() -> None:
    found = review("新能源装机规模突破860万千瓦,园区产值首次突破150亿元。")
    assert [s.subject for s in found] == ["新能源装机容量", "园区产值"]


def test_a_growth_rate_stated_as_a_noun_is_a_growth() -> None:
    found = review("全年实现地区生产总值620亿元左右、增速4.6%,固定资产投资增速12%以上。")
    assert [(s.subject, s.measure, s.value) for s in found] == [
        ("地区生产总值", Measure.LEVEL, 620),
        ("地区生产总值", Measure.GROWTH, 4.6),
        ("固定资产投资", Measure.GROWTH, 12),
    ]


def test_a_rank_right_after_a_growth_ranks_the_growth_rate() -> None:
    found = review("固定资产投资增长14.2%、主城区第1,地区生产总值增长6.8%、居全国第5。")
    assert [s.subject for s in found if s.measure is Measure.RANK] == [
        "固定资产投资增速主城区排名",
        "地区生产总值增速全国排名",
    ]


def test_a_claim_of_being_the_first_to_pass_a_mark_is_about_the_subject_before_it() -> None:
    found = review("全省地区生产总值达到6.21万亿元、增长5.2%,是全国首个突破6万亿元的省份。")
    assert named(found)[-1] == ("地区生产总值", 6, "万亿元")


def test_a_growth_rate_introduced_by_yi_is_a_growth_of_the_subject() -> None:
    found = review("某区以7.2%的增速居全市首位。")
    assert [(s.subject, s.measure, s.value) for s in found] == [
        ("某区", Measure.GROWTH, 7.2),
        ("某区增速全市排名", Measure.RANK, 1),
    ]


def test_a_deadline_opening_a_sentence_dates_the_targets_after_it() -> None:
    found = plan("到2027年,数字经济核心产业增加值占地区生产总值比重达到11%。")
    assert [(s.period, s.value) for s in found] == [("2027", 11)]


def test_a_whole_indicator_listed_before_a_head_noun_keeps_its_name() -> None:
    found = plan("力争地区生产总值、规上工业增加值分别增长6.5%、9%以上。")
    assert [s.subject for s in found] == ["地区生产总值", "规上工业增加值"]


def test_a_change_since_the_start_of_the_year_is_the_indicators_own_change() -> None:
    found = review("年末金融机构本外币存款余额比年初增加486亿元。")
    assert named(found) == [("金融机构本外币存款余额", 486, "亿元")]
    assert found[0].measure is Measure.CHANGE


def test_a_share_of_the_years_target_reached_is_a_completion_rate() -> None:
    found = review("全年新增城镇就业3.6万人,完成年度目标的112%。")
    assert [(s.subject, s.measure) for s in found][-1] == (
        "新增城镇就业年度目标完成率",
        Measure.LEVEL,
    )


def test_a_total_after_a_count_of_new_ones_is_the_total_of_the_same_things() -> None:
    found = review("规上工业企业新增48家,总数达到705家。")
    assert found[-1].subject == "规上工业企业总数"


def test_parts_under_qizhong_named_by_a_qualifier_take_the_wholes_name() -> None:
    found = review("居民人均可支配收入达到33120元,其中城镇居民42650元、农村居民20180元。")
    assert [s.subject for s in found[1:]] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
