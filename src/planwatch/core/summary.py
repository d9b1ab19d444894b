"""The evaluation summary paragraph of the annual report, written from evaluations.

The wording follows the published Fuling report (its section 一, last
paragraph). Like that text, it uses ASCII ``,`` and ``:`` between Chinese
clauses, so a generated paragraph can be compared with the published one
character for character.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planwatch.core.evaluation import FLAG_BELOW, Evaluation, Verdict

_EXCEPTION_WORDS = (
    (Verdict.NO_DATA, "暂无数据"),
    (Verdict.NOT_REPORTED, "未报送"),
    (Verdict.NO_TARGET, "市上未下达控制指标"),
    (Verdict.AWAITING, "待上级下达目标"),
    (Verdict.NEEDS_JUDGEMENT, "待评价"),
)
_GROUP_WORDS = (
    (Verdict.ABOVE, "高于预期"),
    (Verdict.MET, "达到预期"),
    (Verdict.BELOW, "不同程度低于预期"),
)


def summary_paragraph(
    year: int,
    evaluations: Sequence[Evaluation],
    *,
    examples: Mapping[Verdict, str] | None = None,
) -> str:
    """Write "与YEAR年初人代会目标相比,除…外,预计…。其中,实现程度低于80%的指标有:…".

    ``evaluations`` are in the plan's order. Each verdict group is named by
    one example: the indicator code given in ``examples`` for that verdict
    (the office's choice, kept in the data) when it belongs to the group,
    else the group's first indicator in plan order. Flagged indicators are
    listed with the reason recorded in their observation's note.
    """
    groups: dict[Verdict, list[Evaluation]] = {}
    for evaluation in evaluations:
        groups.setdefault(evaluation.verdict, []).append(evaluation)

    text = f"与{year}年初人代会目标相比,"
    exceptions = [_exception(groups[v], words) for v, words in _EXCEPTION_WORDS if v in groups]
    if exceptions:
        text += "除" + "及".join(exceptions) + "外,"
    judged = [e for v, _ in _GROUP_WORDS for e in groups.get(v, [])]
    if any(e.is_estimate for e in judged):
        text += "预计"
    parts = [
        _group(groups[v], words, (examples or {}).get(v))
        for v, words in _GROUP_WORDS
        if v in groups
    ]
    text += "、".join(parts) + "。"

    flagged = [e for e in evaluations if e.flagged]
    if flagged:
        text += f"其中,实现程度低于{FLAG_BELOW:g}%的指标有:" + "".join(_reason(e) for e in flagged)
    return text


def _exception(members: list[Evaluation], words: str) -> str:
    names = "、".join(e.indicator.name for e in members)
    if len(members) == 1:
        return f"{names}{words}"
    return f"{names}{len(members)}项指标{words}"


def _group(members: list[Evaluation], words: str, example: str | None) -> str:
    named = next((e for e in members if e.indicator.code == example), members[0])
    if len(members) == 1:
        return f"{named.indicator.name}{words.removeprefix('不同程度')}"
    return f"{named.indicator.name}等{len(members)}项指标{words}"


def _reason(evaluation: Evaluation) -> str:
    note = evaluation.observation.note.strip() if evaluation.observation else ""
    if not note:
        return f"{evaluation.indicator.name}(实现程度{evaluation.attainment:.1f}%)。"
    return f"{evaluation.indicator.name},{note}" + ("" if note.endswith("。") else "。")
