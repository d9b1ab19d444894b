"""A review item written from its results alone, where the office has no draft text for it.

Every result is said in the item's order with its subject, the verb the
department reported it with and its figure as reported, qualifier kept
("全年联系服务重点企业及个体户2.2万家(次)、企业问题解决率达96.9%…"). Results on
one subject share it ("实际使用外资3353万美元、增长65.7%"; "城市更新提升重点项目22个、
完成投资70亿元"), and growth rates of one measure are said with 分别
("规上信息传输和软件服务业、科学研究和技术服务业营业收入分别增长21%、33%").
"""

from __future__ import annotations

from collections.abc import Sequence

from planwatch.core.report_text import Figure, written
from planwatch.reports.model import Run

SHARED = 3  # characters two subjects share for the second to be said without them
REST = 3  # characters each keeps beyond a part shared (so 绿化覆盖率, 绿地率 are not cut in a word)
MEASURE = 4  # characters of the measure said once after a 分别 list ("营业收入")


def results_runs(figures: Sequence[Figure]) -> list[Run]:
    """The item's results as one sentence of runs ("全年…。"); empty without results."""
    if not figures:
        return []
    runs = [Run("全年")]
    for k, clause in enumerate(_clauses(list(figures))):
        runs += [*([Run(",")] if k else []), *clause]
    return [*runs, Run("。")]


def _clauses(figures: list[Figure]) -> list[list[Run]]:
    clauses: list[list[Run]] = []
    k = 0
    while k < len(figures):
        group = _growth_rates(figures, k)
        if len(group) > 1:
            clauses.append(_respectively(group))
            k += len(group)
            continue
        head = figures[k]
        clause = [Run(head.about + head.verb), _figure(head)]
        k += 1
        while k < len(figures) and len(_growth_rates(figures, k)) < 2:
            if not (shared := _shared(head.about, figures[k].about)):
                break
            rest = figures[k].about[len(shared) :]
            clause += [Run(f"、{rest}{figures[k].verb}"), _figure(figures[k])]
            k += 1
        clauses.append(clause)
    return clauses


def _shared(head: str, subject: str) -> str:
    """What ``subject`` shares with ``head`` and need not repeat: all of ``head``
    ("实际使用外资"), or a start of both after which each keeps a phrase of its own."""
    shared = _common_start([head, subject])
    if shared == head or (
        len(shared) >= SHARED and min(len(head), len(subject)) - len(shared) >= REST
    ):
        return shared
    return ""


def _growth_rates(figures: list[Figure], start: int) -> list[Figure]:
    """The growth rates from ``start`` on whose subjects end with the same measure."""
    group = [figures[start]]
    for f in figures[start + 1 :]:
        if not all(g.verb == "增长" and g.unit == "%" for g in (group[0], f)):
            break
        if len(_measure([*group, f])) < 2:
            break
        group.append(f)
    return group


def _measure(group: Sequence[Figure]) -> str:
    reversed_names = [f.about[::-1] for f in group]
    return _common_start(reversed_names)[::-1][-MEASURE:]


def _respectively(group: Sequence[Figure]) -> list[Run]:
    measure = _measure(group)
    names = [f.about[: len(f.about) - len(measure)] for f in group]
    shared = _common_start(names)
    said = [names[0], *(n[len(shared) :] if len(shared) >= 2 else n for n in names[1:])]
    runs = [Run(f"{'、'.join(said)}{measure}分别增长")]
    for k, f in enumerate(group):
        runs += [*([Run("、")] if k else []), _figure(f)]
    return runs


def _common_start(texts: Sequence[str]) -> str:
    """The characters every text starts with."""
    first = texts[0]
    n = 0
    while n < len(first) and all(len(t) > n and t[n] == first[n] for t in texts):
        n += 1
    return first[:n]


def _figure(figure: Figure) -> Run:
    return Run(figure.words or written(figure), figure.source, figure.about)
