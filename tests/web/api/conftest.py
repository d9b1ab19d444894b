"""What the project, task and problem endpoints read: the demo's 2025 register, tasks, problems."""

from __future__ import annotations

import pytest

from planwatch.web.projects.demo import load_year
from tests.conftest import DEMO_DATASET

COMMERCE_PROJECT = "2025-QY-006"  # 区商务委, carol's department
OTHER_PROJECT = "2025-ZF-001"  # 区应急管理局
COMMERCE_SUB_TARGET = "3-1-1"  # led by 区商务委
OTHER_SUB_TARGET = "1-1-1"  # led by 区经济信息委
UNSTEPPED_PROBLEM = "WT-2025-007"  # 区体育局, no step taken yet


@pytest.fixture
def register(demo) -> None:
    load_year(DEMO_DATASET, 2025)
