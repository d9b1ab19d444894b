"""A bare measure word takes the topic of its sentence: the general rule, on other regions'
report language (sentences written in the style of 重庆市, 四川省 and 浙江省 reports)."""

from __future__ import annotations

from planwatch.extract import extract_statements


def subjects(*paragraphs: str) -> list[str]:
    """Subjects of paragraphs placed in the plan part of a report."""
    text = "\n".join(["一、2024年工作回顾", "二、2025年主要任务", *paragraphs])
    return [s.subject for s in extract_statements(text)]


def test_a_rate_after_the_work_on_a_thing_measures_that_thing() -> None:
    assert subjects("加快推进城镇污水管网建设,覆盖率达到95%以上。") == ["城镇污水管网覆盖率"]


def test_a_rate_of_a_process_shares_the_process_named_before_it() -> None:
    assert subjects("深入推进城市燃气管道老化更新改造,改造完成率达到60%。") == [
        "城市燃气管道老化更新改造完成率"
    ]


def test_counts_and_funds_after_the_quality_of_some_work_belong_to_that_work() -> None:
    assert subjects("着力提升引进外资水平,力争签约项目80个、到位资金150亿元。") == [
        "引进外资签约项目",
        "引进外资到位资金",
    ]


def test_a_measure_after_a_finished_clause_takes_that_clauses_subject() -> None:
    assert subjects("宁波舟山港江海联运稳步推进、运输时长压减20%。") == [
        "宁波舟山港江海联运运输时长"
    ]


def test_a_number_glued_to_a_share_is_the_threshold_of_what_is_counted() -> None:
    assert subjects("村级集体经济年经营性收入30万元以上村占比达到50%。") == [
        "村级集体经济年经营性收入",
        "村级集体经济年经营性收入30万元以上村占比",
    ]


def test_a_rate_naming_its_own_thing_keeps_its_name() -> None:
    assert subjects("深入实施国土绿化行动,森林覆盖率稳定在58%。") == ["森林覆盖率"]


def test_the_topic_stays_in_its_sentence() -> None:
    assert subjects("持续推进海绵城市建设。达标面积占比提升2个百分点。") == ["达标面积占比"]


def test_a_phrase_that_undertakes_no_work_gives_no_topic() -> None:
    assert subjects("持续完善综合交通体系,全面实战,KPI覆盖率达90%。") == ["KPI覆盖率"]


def test_the_activity_a_phrase_carries_out_is_the_topic_of_the_counts_and_funds_after_it() -> None:
    assert subjects("全面推进招商引资,全年签约项目120个,协议资金800亿元,到位资金300亿元。") == [
        "招商引资签约项目",
        "招商引资协议资金",
        "招商引资到位资金",
    ]


def test_a_rate_of_a_process_takes_the_count_of_that_process_just_stated() -> None:
    assert subjects("实施城市更新行动,完成老旧小区改造120个,改造完成率达100%。") == [
        "老旧小区改造",
        "老旧小区改造完成率",
    ]


def test_a_reform_is_a_process_whose_completion_is_measured() -> None:
    assert subjects("深化国资国企改革,完成率达到95%以上。") == ["国资国企改革完成率"]


def test_a_name_of_its_own_takes_no_topic_from_the_activity_before_it() -> None:
    assert subjects("推进产业转型,新签约招商引资项目80个。") == ["新签约招商引资项目"]
