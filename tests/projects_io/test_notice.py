from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.core.observations import Period
from planwatch.core.progress import DEFAULT_THRESHOLD, assess_all
from planwatch.projects_io.notice import Notice, build_notice
from planwatch.reports.build_notice import build_lag_notice
from planwatch.reports.render import Format, render
from tests.core.project_builders import make_project, make_report, milestone

JUNE = Period(2025, month=6)
PROJECTS = [
    make_project("AT-THRESHOLD", department="区交通局"),  # 40% at 50%: exactly 10 behind
    make_project("JUST-OVER", department="区交通局"),  # 39.99%
    make_project("OVERDUE", department="区水利局", milestones=(milestone("开工", 6, 30),)),
    make_project("ON-TRACK", department="区教委"),
    make_project("FAR-BEHIND", department="区交通局"),
]
REPORTS = [
    make_report("AT-THRESHOLD", completed=400),
    make_report("JUST-OVER", completed="399.99"),
    make_report("OVERDUE", completed=700),
    make_report("ON-TRACK", completed=520),
    make_report("FAR-BEHIND", completed=100),
]


def to_markdown(notice: Notice) -> str:
    return render(build_lag_notice(notice), Format.MD).decode("utf-8")


def write_docx(notice: Notice, path: Path) -> None:
    path.write_bytes(render(build_lag_notice(notice), Format.DOCX))


def notice() -> Notice:
    return build_notice(assess_all(PROJECTS, REPORTS, JUNE), JUNE, DEFAULT_THRESHOLD)


def test_the_notice_lists_exactly_the_projects_beyond_the_threshold_or_overdue() -> None:
    assert sorted(s.project.code for s in notice().lagging) == [
        "FAR-BEHIND",
        "JUST-OVER",
        "OVERDUE",
    ]


def test_lagging_projects_are_grouped_by_department_worst_gap_first() -> None:
    groups = [(g.department, [s.project.code for s in g.statuses]) for g in notice().departments]
    assert groups == [("区交通局", ["FAR-BEHIND", "JUST-OVER"]), ("区水利局", ["OVERDUE"])]


def test_the_markdown_notice_shows_plan_completion_time_progress_and_gap() -> None:
    text = to_markdown(notice())
    assert text.startswith("# 2025年6月项目进度滞后督导通报")
    assert "5个项目中,3个项目进度滞后" in text
    assert "| FAR-BEHIND | 示例道路工程 | 新开工 | 1,000 | 100 | 10.0% | 50.0% | 40.0 | — |" in text
    assert (
        "| OVERDUE | 示例道路工程 | 新开工 | 1,000 | 700 | 70.0% | 50.0% | -20.0 | 开工 |" in text
    )
    assert "AT-THRESHOLD" not in text


def test_the_docx_notice_holds_one_table_per_department(tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    write_docx(notice(), path)
    document = Document(str(path))
    assert document.paragraphs[0].text == "2025年6月项目进度滞后督导通报"
    assert [len(t.rows) for t in document.tables] == [3, 2]
    assert document.tables[0].rows[1].cells[0].text == "FAR-BEHIND"


def test_a_month_without_lagging_projects_says_so() -> None:
    quiet = build_notice(assess_all(PROJECTS[3:4], REPORTS, JUNE), JUNE, DEFAULT_THRESHOLD)
    assert "本月无滞后项目" in to_markdown(quiet)


@settings(max_examples=50)
@given(
    st.lists(st.integers(0, 1200), min_size=1, max_size=8),
    st.integers(1, 12),
    st.integers(0, 30),
)
def test_the_notice_selects_what_the_rule_selects(completed: list[int], month: int, n: int) -> None:
    projects = [make_project(f"P{i}", department=f"D{i % 3}") for i in range(len(completed))]
    reports = [make_report(f"P{i}", month=month, completed=c) for i, c in enumerate(completed)]
    period = Period(2025, month=month)
    statuses = assess_all(projects, reports, period, threshold=Decimal(n))
    listed = {s.project.code for s in build_notice(statuses, period, Decimal(n)).lagging}
    gaps = [Fraction(month * 100, 12) - Fraction(c, 10) for c in completed]  # plan is 1,000
    expected = {p.code for p, gap in zip(projects, gaps, strict=True) if gap > n}
    assert listed == expected


def test_a_project_that_did_not_report_this_month_is_listed_apart_not_as_lagging() -> None:
    reports = [make_report("FAR-BEHIND", month=5, completed=100)]
    quiet = build_notice(assess_all(PROJECTS[4:], reports, JUNE), JUNE, DEFAULT_THRESHOLD)
    assert quiet.lagging == [] and [s.project.code for s in quiet.unreported] == ["FAR-BEHIND"]
    text = to_markdown(quiet)
    assert "另有1个项目本月未报送进度" in text and "示例道路工程" in text
