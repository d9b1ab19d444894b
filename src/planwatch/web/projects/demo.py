"""Load the projects, key tasks and problem list of a dataset directory, all or nothing.

The hook the demo loader calls after the plan dataset: every file is read
and validated before the database is touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from planwatch.core.errors import DatasetError, DatasetProblem
from planwatch.core.problem_dataset import read_problems
from planwatch.core.task_dataset import read_task_progress, read_task_tree
from planwatch.services import project_register, tasks
from planwatch.services.problems import store_problem
from planwatch.services.regions import dataset_region
from planwatch.web.projects.models import ProblemRecord


@dataclass(frozen=True)
class DemoLoad:
    projects: int
    progress: int
    sub_targets: int
    problems: int


_FILES = (("projects", "csv"), ("tasks", "toml"), ("problems", "csv"))


def load_year(directory: Path, year: int) -> DemoLoad:
    """Load what ``directory`` holds of ``year``: register and progress, task tree, problems.

    Each kind is loaded when its file is there (``projects-<year>.csv``,
    ``tasks-<year>.toml``, ``problems-<year>.csv``); a year with none of them
    is an error. Everything belongs to the directory's region (``region.toml``).
    Loading twice changes nothing: the year's tree is replaced, projects and
    reports are updated by code and month, and problems already listed in the
    region are left as they are (another region's of the same code are its own).
    """
    files = {kind: directory / f"{kind}-{year}.{ext}" for kind, ext in _FILES}
    if not any(f.exists() for f in files.values()):
        names = ", ".join(f.name for f in files.values())
        raise DatasetError([DatasetProblem(directory.name, 0, f"none of {names} is there")])
    tree = read_task_tree(files["tasks"]) if files["tasks"].exists() else None
    task_progress_file = directory / f"task-progress-{year}.csv"
    task_progress = (
        read_task_progress(task_progress_file, tree)
        if tree is not None and task_progress_file.exists()
        else []
    )
    problems = (
        read_problems(files["problems"], directory / f"problem-events-{year}.csv")
        if files["problems"].exists()
        else []
    )
    with transaction.atomic():
        stored = (
            project_register.load_projects(directory, year)
            if files["projects"].exists()
            else project_register.Stored(0, 0)
        )
        region = dataset_region(directory)
        if tree is not None:
            tasks.store_tree(tree, region)
        tasks.store_loaded_progress(task_progress, year)
        known = set(ProblemRecord.objects.filter(region=region).values_list("code", flat=True))
        for problem in problems:
            if problem.code not in known:  # a problem's history is never rewritten
                store_problem(problem, region)
    subs = len(tree.sub_targets) if tree is not None else 0
    return DemoLoad(stored.projects, stored.progress, subs, len(problems))
