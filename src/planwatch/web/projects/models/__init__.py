"""Persistence of projects, progress, key tasks and problems.

Models hold data and translate to core objects (``to_domain``); rules live in
``planwatch.core``. Money is ``DecimalField`` in 万元. Problem events are
append-only: a problem's history is its events, never edited.
"""

from planwatch.web.projects.models.problems import ProblemEventRecord, ProblemRecord
from planwatch.web.projects.models.projects import (
    Department,
    MilestoneRecord,
    ProgressRecord,
    ProjectRecord,
)
from planwatch.web.projects.models.tasks import SubTargetRecord, TaskProgressRecord, TaskRecord

__all__ = [
    "Department",
    "MilestoneRecord",
    "ProblemEventRecord",
    "ProblemRecord",
    "ProgressRecord",
    "ProjectRecord",
    "SubTargetRecord",
    "TaskProgressRecord",
    "TaskRecord",
]
