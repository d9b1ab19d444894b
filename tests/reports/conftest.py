from __future__ import annotations

import pytest

from tests.reports.builders import DATASET


@pytest.fixture
def demo(db):
    """The Fuling demo dataset loaded into the test database."""
    from planwatch.web.plan.services import load_dataset

    return load_dataset(DATASET)
