"""Load the projects, key tasks and problem list of a dataset directory, all or nothing.

The hook the demo loader calls after the plan dataset: every file is read
and validated before the database is touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from planwatch.core.problem_dataset import read_problems
from planwatch.core.task_dataset import read_task_progress, read_task_tree
from planwatch.web.projects import services, task_services
from planwatch.web.projects.models import ProblemRecord
from planwatch.web.projects.problem_services import store_problem


@dataclass(frozen=True)
class DemoLoad:
    projects: int
    progress: int
    sub_targets: int
    problems: int


def load_year(directory: Path, year: int) -> DemoLoad:
    """Load ``directory``'s register, progress, task tree and problems of ``year``.

    Loading twice changes nothing: the year's tree is replaced, projects and
    reports are updated by code and month, and problems already listed are
    left as they are.
    """
    tree = read_task_tree(directory / f"tasks-{year}.toml")
    task_progress_file = directory / f"task-progress-{year}.csv"
    task_progress = (
        read_task_progress(task_progress_file, tree) if task_progress_file.exists() else []
    )
    problems = read_problems(
        directory / f"problems-{year}.csv", directory / f"problem-events-{year}.csv"
    )
    with transaction.atomic():
        stored = services.load_projects(directory, year)
        task_services.store_tree(tree)
        for report in task_progress:
            task_services.store_progress(report, source=report.source)
        known = set(ProblemRecord.objects.values_list("code", flat=True))
        for problem in problems:
            if problem.code not in known:  # a problem's history is never rewritten
                store_problem(problem)
    return DemoLoad(stored.projects, stored.progress, len(tree.sub_targets), len(problems))
