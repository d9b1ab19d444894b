from planwatch.core.evaluation import Verdict, evaluate
from planwatch.core.summary import summary_paragraph
from planwatch.core.targets import TargetForm
from tests.core.builders import make_indicator, make_observation, make_target


def evaluation(code: str, target: float | None, actual: float | None, **kwargs):
    indicator = make_indicator(code)
    form = TargetForm.POINT if target is not None else TargetForm.ASSIGNED
    obs = None if actual is None else make_observation(actual, code=code, **kwargs)
    return evaluate(indicator, make_target(form, target, code=code), obs)


def test_a_single_member_group_is_written_without_a_count():
    text = summary_paragraph(2025, [evaluation("甲", 5, 9)])
    assert text == "与2025年初人代会目标相比,甲高于预期。"


def test_groups_name_the_first_indicator_unless_the_data_chooses_another():
    evals = [evaluation("甲", 5, 9), evaluation("乙", 5, 8), evaluation("丙", 5, 5)]
    assert "甲等2项指标高于预期、丙达到预期" in summary_paragraph(2025, evals)
    chosen = summary_paragraph(2025, evals, examples={Verdict.ABOVE: "乙"})
    assert "乙等2项指标高于预期" in chosen


def test_estimates_are_announced_with_yuji():
    from planwatch.core.observations import Status

    text = summary_paragraph(2025, [evaluation("甲", 5, 5, status=Status.ESTIMATE)])
    assert ",预计甲达到预期。" in text


def test_flagged_indicators_without_a_reason_show_their_attainment():
    text = summary_paragraph(2025, [evaluation("甲", 10, 5)])
    assert text.endswith("其中,实现程度低于80%的指标有:甲(实现程度50.0%)。")


def test_missing_data_and_missing_targets_are_excepted_first():
    evals = [evaluation("甲", 5, None), evaluation("乙", None, 3), evaluation("丙", 5, 5)]
    text = summary_paragraph(2025, evals)
    assert text.startswith(
        "与2025年初人代会目标相比,除甲暂无数据及乙市上未下达控制指标外,丙达到预期。"
    )
