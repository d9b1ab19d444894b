from __future__ import annotations

import pytest

from tests.conftest import DEMO_DATASET


@pytest.fixture
def demo(db):
    """The Fuling demo dataset loaded into the test database."""
    from planwatch.web.plan.services import load_dataset

    return load_dataset(DEMO_DATASET)
