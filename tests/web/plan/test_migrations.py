"""The migration to one current value keeps the newest of duplicates, the rest as history."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("plan", "0002_document_documentstatement_and_more")]
AFTER = [("plan", "0003_one_current_value")]


@pytest.mark.django_db(transaction=True)
def test_duplicates_of_a_period_keep_the_newest_and_move_the_rest_to_the_history():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    region = old.get_model("plan", "Region").objects.create(code="r", name="r")
    indicator = old.get_model("plan", "IndicatorRecord").objects.create(
        region=region, code="g", name="g", unit="%", kind="growth", direction="higher",
        binding="expected",
    )  # fmt: skip
    observations = old.get_model("plan", "ObservationRecord").objects
    for value, origin in ((1.0, "dataset:r"), (2.0, "document:1"), (3.0, "submission:9")):
        observations.create(
            indicator=indicator, period="2025", year=2025, value=value, status="actual",
            source="s", origin=origin,
        )  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    current = new.get_model("plan", "ObservationRecord").objects.get(indicator_id=indicator.id)
    assert (current.value, current.origin) == (3.0, "submission:9")
    history = new.get_model("plan", "HistoricalObservationRecord").objects
    moved = sorted(
        history.filter(history_type="-", indicator_id=indicator.id).values_list(
            "value", "history_change_reason"
        )
    )
    why = f"被取代:同期较新的数值 #{current.id}(迁移 0003)"
    assert moved == [(1.0, why), (2.0, why)]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
