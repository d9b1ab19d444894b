"""The migration to a region hierarchy makes each named parent a city region: Fuling stays,
its parent 重庆市 becomes the city ``chongqing`` it belongs to."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("plan", "0006_document_text")]
AFTER = [("plan", "0007_region_hierarchy")]


@pytest.mark.django_db(transaction=True)
def test_a_district_s_parent_name_becomes_the_city_region_it_belongs_to():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("plan", "Region").objects
    fuling = old.create(code="fuling", name="涪陵区", parent="重庆市")
    old.create(code="nanchuan", name="南川区", parent="重庆市")
    old.create(code="lonely", name="某县", parent="")
    old.create(code="elsewhere", name="某区", parent="某市")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    regions = executor.loader.project_state(AFTER).apps.get_model("plan", "Region").objects
    city = regions.get(code="chongqing")
    assert (city.name, city.name_en, city.parent_id) == ("重庆市", "Chongqing Municipality", None)
    assert regions.get(pk=fuling.pk).parent_id == city.pk
    assert set(regions.filter(parent=city).values_list("code", flat=True)) == {"fuling", "nanchuan"}
    assert regions.get(code="lonely").parent_id is None
    assert regions.get(code="elsewhere").parent.name == "某市"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
