from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tests.conftest import GOLD


@pytest.fixture(scope="module")
def gold() -> list[SimpleNamespace]:
    path = GOLD / "statements.jsonl"
    if not path.exists():
        pytest.skip(f"the gold statements are not at {path}")
    return [
        SimpleNamespace(**json.loads(line))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
