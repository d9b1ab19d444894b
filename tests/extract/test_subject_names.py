"""Indicator names: the general rules of word order and context, on invented sentences."""

from __future__ import annotations

from planwatch.extract import extract_statements


def subjects(*paragraphs: str) -> list[str]:
    """Subjects of paragraphs placed in the review part of a plan report."""
    text = "\n".join(["一、2024年计划执行情况", *paragraphs, "二、2025年主要目标"])
    return [s.subject for s in extract_statements(text)]


def test_a_qizhong_sentence_names_its_parts_by_the_whole_it_breaks_down() -> None:
    assert subjects("全年实施产业项目50个。其中,新开工项目20个,年度计划投资8亿元。") == [
        "产业项目",
        "新开工产业项目",
        "新开工产业项目年度计划投资",
    ]


def test_animal_output_verbs_follow_their_product_and_a_crop_keeps_the_text_order() -> None:
    assert subjects("种植油菜12万亩、总产量3万吨,出栏生猪50万头、肉牛2万头。") == [
        "种植油菜",
        "油菜总产量",
        "生猪出栏",
        "肉牛出栏",
    ]


def test_a_number_inside_a_name_states_a_property_of_the_thing_after_it() -> None:
    assert subjects("建成城东110千伏变电站,加快200MW光伏电站前期工作。") == [
        "城东变电站电压等级",
        "光伏电站装机容量",
    ]


def test_two_counts_of_one_thing_are_named_by_their_units() -> None:
    assert subjects("帮扶困难群众860户2100人。") == ["帮扶困难群众户数", "帮扶困难群众人数"]


def test_a_count_before_its_noun_takes_the_verb_of_the_list() -> None:
    assert subjects("完成登记12个系统、300类表单。") == ["登记系统", "登记表单"]


def test_a_modifier_or_the_members_names_before_a_count_stay_out_of_the_name() -> None:
    assert subjects("经审议确定的6项惠民工程全部完工,甲、乙、丙3所学校建成投用。") == [
        "惠民工程完工",
        "学校建成投用",
    ]


def test_indicators_counted_by_their_state_are_named_by_it() -> None:
    assert subjects("税收收入增速等5项指标高于预期、工业投资增速等3项指标不同程度低于预期。") == [
        "高于预期的指标",
        "低于预期的指标",
    ]


def test_bare_attributes_after_a_rank_take_the_holder_of_the_ranked_subject() -> None:
    assert subjects("区属国企资产总额突破900亿元、全市第2,营业收入、利润总额分别增长8%、6%。") == [
        "区属国企资产总额",
        "区属国企资产总额全市排名",
        "区属国企营业收入",
        "区属国企利润总额",
    ]


def test_an_attribute_after_a_bare_attribute_takes_no_holder_from_it() -> None:
    assert subjects("完成协议资金80亿元、到位资金30亿元。") == ["协议资金", "到位资金"]


def test_a_count_of_events_does_not_take_the_verb_of_the_things_before() -> None:
    assert subjects("建成托育中心12家、托育服务5万余次。") == ["建成托育中心", "托育服务"]


def test_a_quality_class_is_the_value_of_a_category() -> None:
    assert subjects("饮用水源地水质稳定保持Ⅲ类。") == ["饮用水源地水质类别"]


def test_tasks_run_together_in_one_paragraph_give_their_statements_the_task_path() -> None:
    text = "\n".join(
        [
            "一、2024年计划执行情况",
            "二、2025年重点工作",
            "(一)扩大内需。一是提振消费,社会消费品零售总额增长6%。二是扩大投资,"
            "固定资产投资增长5%。",
        ]
    )
    assert [s.section for s in extract_statements(text)] == ["二/(一)/一", "二/(一)/二"]


def test_the_reports_own_structure_is_counted_in_aspects_and_work_items_of_its_year() -> None:
    assert subjects("全年重点抓好以下5个方面20项工作。") == [
        "2024年重点工作方面",
        "2024年重点工作",
    ]


def test_a_cut_dimension_belongs_to_the_process_named_in_the_clause_before() -> None:
    assert subjects("推行“不动产登记一窗办”,平均减时间40%、减材料30%。") == [
        "不动产登记一窗办时间",
        "不动产登记一窗办材料",
    ]


def test_a_stock_built_up_over_years_is_named_without_its_verb() -> None:
    assert subjects("累计建成充电桩1200个。") == ["充电桩"]


def test_a_verdict_after_the_count_names_it() -> None:
    assert subjects("群众反映问题52个全部办结。") == ["群众反映问题办结"]


def test_those_served_and_the_sum_of_the_service_are_named_by_the_service() -> None:
    assert subjects("依托“惠企贷”平台为520户小微企业放款8.6亿元。") == [
        "放款小微企业",
        "放款金额",
    ]


def test_a_duration_followed_by_the_act_it_times_names_the_time_of_that_act() -> None:
    assert subjects("不动产登记最快3小时办结。") == ["不动产登记最快办结时间"]


def test_a_capacity_built_up_over_years_is_named_without_the_tally() -> None:
    found = extract_statements(
        "\n".join(["一、2024年工作回顾", "全省光伏累计装机突破5000万千瓦。"])
    )
    assert [(s.subject, s.period, s.cumulative) for s in found] == [("光伏装机容量", "2024", True)]


def test_a_zero_count_takes_the_counter_word_of_the_thing_counted() -> None:
    found = extract_statements(
        "\n".join(["一、2024年工作回顾", "继续保持城镇零就业家庭动态清零。"])
    )
    assert [(s.subject, s.value, s.unit) for s in found] == [("城镇零就业家庭", 0, "户")]


def test_da_after_a_numeral_counts_major_items() -> None:
    found = extract_statements("\n".join(["一、2024年工作回顾", "建成5大产业集群。"]))
    assert [(s.subject, s.value, s.unit) for s in found] == [("建成产业集群", 5, "个")]


def test_becoming_the_nth_of_a_kind_states_how_many_there_are() -> None:
    found = extract_statements(
        "\n".join(["一、2024年工作回顾", "长安汽车晋升为全市第2家千亿级企业。"])
    )
    assert [(s.subject, s.value, s.unit) for s in found] == [("千亿级企业", 2, "家")]


def test_members_completing_the_first_members_head_share_its_statistical_scope() -> None:
    assert subjects("规上批发业、零售业销售额分别增长6%、4%。") == [
        "规上批发业销售额",
        "规上零售业销售额",
    ]


def test_a_version_label_the_text_writes_stays_in_the_name() -> None:
    assert subjects("12家企业通过数据管理能力成熟度3.0版评估。") == [
        "企业通过数据管理能力成熟度3.0版评估"
    ]


def test_what_goes_to_a_place_is_named_after_the_place() -> None:
    assert subjects("下放首批36项事项至乡镇街道。") == ["下放乡镇街道事项"]


def test_attainment_keeps_its_verb() -> None:
    assert subjects("实现程度低于80%的指标有3项。")[0] == "实现程度"


def test_an_industrys_share_of_the_economy_is_its_value_addeds() -> None:
    assert subjects("数字经济核心产业占GDP比重达10%,规上工业产值占全省比重达8%。") == [
        "数字经济核心产业增加值占GDP比重",
        "规上工业产值占全省比重",
    ]


def test_the_total_of_the_plans_indicators_is_a_structure_count_of_the_plan_year() -> None:
    text = "\n".join(
        [
            "一、2024年计划执行情况",
            "二、2025年主要目标",
            "2025年全市计划指标设置沿用上年体系、共计28项。",
        ]
    )
    assert [(s.subject, s.value, str(s.status)) for s in extract_statements(text)] == [
        ("2025年计划指标总数", 28, "actual")
    ]


def test_a_top_band_names_the_things_in_it_without_the_members_listed() -> None:
    assert subjects("工程学、材料科学进入ESI全球排名前1%学科。") == ["进入ESI全球排名前1%学科"]


def test_an_area_stock_named_by_its_holding_takes_no_area_word() -> None:
    assert subjects("耕地保有量稳定在500万亩。") == ["耕地保有量"]


def test_no_suffix_the_text_does_not_write_is_added_to_counts_and_areas() -> None:
    assert subjects("实施老旧小区改造项目35个、完成投资6亿元,完成植树造林8万亩。") == [
        "老旧小区改造项目",
        "老旧小区改造项目完成投资",
        "植树造林",
    ]


def test_a_count_and_its_outcome_keep_the_text_order() -> None:
    assert subjects("12家企业获评省级绿色工厂,6个案例入选全国数字政府典型案例。") == [
        "企业获评省级绿色工厂",
        "案例入选全国数字政府典型案例",
    ]


def test_things_counted_with_a_trailing_generic_verb_are_named_by_the_things() -> None:
    assert subjects("完成首批40个智慧停车场建设。") == ["智慧停车场"]


def test_a_quoted_name_counted_drops_the_words_qualifying_it() -> None:
    assert subjects("建成15个社区周边“运动角”。") == ["建成“运动角”"]


def test_an_attribute_takes_its_holder_as_the_text_named_it() -> None:
    assert subjects("新引进科技型企业30家,到位资金12亿元。") == [
        "新引进科技型企业",
        "新引进科技型企业到位资金",
    ]


def test_a_tally_without_a_holder_counts_the_people_the_tally_before_counted() -> None:
    assert subjects("新纳入帮扶对象120户360人,稳定脱贫98户290人。") == [
        "新纳入帮扶对象户数",
        "新纳入帮扶对象人数",
        "帮扶对象稳定脱贫户数",
        "帮扶对象稳定脱贫人数",
    ]


def test_a_short_member_after_a_count_takes_the_qualifiers_of_the_first() -> None:
    assert subjects("新创省级森林乡村示范镇2个、示范村9个。") == [
        "新创省级森林乡村示范镇",
        "新创省级森林乡村示范村",
    ]


def test_places_after_a_count_of_schools_are_the_schools_places() -> None:
    assert subjects("新建公办中小学3所、学位4500个。") == [
        "新建公办中小学",
        "新建公办中小学学位",
    ]
