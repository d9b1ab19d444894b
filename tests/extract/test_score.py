"""The score: statement matching and how leniently subjects are compared."""

from __future__ import annotations

from planwatch.core.numbers import Qualifier
from planwatch.extract import Measure, Statement, Status, score
from planwatch.extract.score import subjects_overlap


def make_statement(subject: str, *, line: int = 1, value: float = 5.0) -> Statement:
    return Statement(
        line=line,
        quote=f"{subject}增长{value}%",
        subject=subject,
        measure=Measure.GROWTH,
        value=value,
        unit="%",
        qualifier=Qualifier.EXACT,
        period="2024",
        status=Status.ACTUAL,
        cumulative=False,
        section="一",
    )


def test_a_name_containing_the_other_with_a_real_head_overlaps() -> None:
    assert subjects_overlap("污水处理率", "城市生活污水处理率")


def test_a_bare_measure_word_inside_a_long_name_does_not_overlap() -> None:
    assert not subjects_overlap("程度", "社会消费品零售总额增速目标实现程度")
    assert not subjects_overlap("整治率", "存量三四级排水管网结构性缺陷整治率")


def test_names_sharing_most_bigrams_overlap_whatever_their_lengths() -> None:
    assert subjects_overlap("城市生活污水集中处理率", "城市生活污水处理率")


def test_exact_subject_accuracy_is_reported_beside_the_lenient_one() -> None:
    gold = [make_statement("城市生活污水处理率")]
    result = score([make_statement("污水处理率")], gold)
    assert (result.field_accuracy["subject"], result.field_accuracy["subject_overlap"]) == (0, 1)


def test_full_f1_counts_a_statement_only_when_its_subject_and_flags_are_right_too() -> None:
    gold = [make_statement("工业投资", line=1), make_statement("城市生活污水处理率", line=2)]
    right = make_statement("工业投资", line=1)
    wrong_status = make_statement("城市生活污水处理率", line=2)
    wrong_status = Statement(**{**wrong_status.__dict__, "status": Status.TARGET})
    result = score([right, wrong_status], gold)
    assert (result.f1, result.full_f1) == (1.0, 0.5)
