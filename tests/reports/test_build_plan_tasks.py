"""Section 三: each task's sub-targets as one sentence, said once, 分别 lists joined."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planwatch.reports.build_plan_tasks import joined_clauses


def test_a_split_fenbie_list_is_joined_back_into_the_plans_clause():
    texts = ["力争建成区绿化覆盖率、绿地率分别达43%", "绿地率分别达43%、38.5%"]
    assert joined_clauses(texts) == ["力争建成区绿化覆盖率、绿地率分别达43%、38.5%"]


def test_a_figure_stated_twice_is_said_once():
    texts = ["力争规上工业产值突破3000亿元", "力争规上工业产值突破3000亿元、增长10%以上"]
    assert joined_clauses(texts) == ["力争规上工业产值突破3000亿元、增长10%以上"]


def test_unrelated_clauses_keep_their_order():
    texts = ["种植青菜头74万亩", "总产量185万吨以上", "肉鸡1000万羽"]
    assert joined_clauses(texts) == texts


@given(st.lists(st.text(alphabet="青菜头产量达万亩吨0123456789%、", min_size=1, max_size=12)))
def test_every_sub_target_text_is_inside_some_clause(texts):
    clauses = joined_clauses(texts)
    assert all(any(t in c for c in clauses) for t in texts)
    assert len(clauses) <= len(texts)
