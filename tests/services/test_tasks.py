from datetime import date

import pytest
from django.contrib.auth.models import User

from planwatch.core.evaluation import Verdict
from planwatch.core.observations import Period
from planwatch.core.task_dataset import read_task_tree
from planwatch.core.tasks import MilestoneState, TaskProgress
from planwatch.services import tasks
from planwatch.services.regions import dataset_region
from planwatch.web.errors import Forbidden
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db
Q2 = Period(2025, quarter=2)


@pytest.fixture
def tree() -> None:
    tasks.store_tree(read_task_tree(DEMO_DATASET / "tasks-2025.toml"), dataset_region(DEMO_DATASET))


def test_the_stored_tree_reads_back_as_the_file_tree(tree: None) -> None:
    original = read_task_tree(DEMO_DATASET / "tasks-2025.toml")
    stored = tasks.task_tree(2025)
    assert stored.areas == original.areas
    assert stored.tasks == original.tasks
    assert stored.sub_targets == original.sub_targets


def test_quarterly_progress_is_judged_by_the_engine_and_milestones_by_date(
    tree: None, office: User
) -> None:
    tasks.report_subtarget_progress(TaskProgress("1-4-1", Q2, value=74.2), actor=office)
    college = next(s for s in tasks.task_tree(2025).sub_targets if "工贸职业学院" in s.text)
    tasks.report_subtarget_progress(
        TaskProgress(college.code, Q2, done_on=date(2025, 6, 18)), actor=office
    )
    verdicts = {v.sub_target.code: v for v in tasks.verdicts(Q2, date(2025, 6, 30))}
    cabbage = verdicts["1-4-1"].evaluation
    assert cabbage is not None and cabbage.verdict is Verdict.MET and cabbage.is_estimate
    assert verdicts[college.code].milestone is MilestoneState.DONE
    assert verdicts["1-1-1"].evaluation.verdict is Verdict.NO_DATA  # type: ignore[union-attr]


def test_the_demo_quarterly_progress_judges_every_sub_target() -> None:
    from planwatch.web.projects.demo import load_year

    load_year(DEMO_DATASET, 2025)
    judged = tasks.verdicts(Period(2025, quarter=3), date(2025, 9, 30))
    assert len(judged) == 103
    quantities = [v.evaluation for v in judged if v.evaluation is not None]
    assert len(quantities) == 93
    assert all(e.verdict.is_judged and e.is_estimate for e in quantities)
    states = {v.milestone for v in judged if v.milestone is not None}
    assert states == {MilestoneState.DONE, MilestoneState.ON_TIME}


def test_only_the_lead_department_reports_on_a_sub_target(
    tree: None, transport_clerk: User
) -> None:
    with pytest.raises(Forbidden, match="只有涪陵区区经济信息委可以报送 1-1-1"):
        tasks.report_subtarget_progress(TaskProgress("1-1-1", Q2, value=1), actor=transport_clerk)
