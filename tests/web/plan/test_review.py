"""The review queue's mapping: a subject kept as an indicator's alias, with its history."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from planwatch.core.errors import NotFound
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.errors import Forbidden
from planwatch.web.plan.models import DocumentStatement, IndicatorRecord
from planwatch.web.plan.review import map_subject
from tests.web.plan.documents import ingest

pytestmark = pytest.mark.django_db


def courier(line: int = 5) -> SimpleNamespace:
    return SimpleNamespace(
        line=line,
        quote="快递业务量增长12%",
        subject="快递业务量",
        measure="growth",
        value=12.0,
        unit="%",
        qualifier="exact",
        period="2024",
        status="actual",
        cumulative=False,
        section="一",
        text_target=None,
    )


def test_a_mapped_subject_becomes_an_alias_with_the_reason_in_the_history() -> None:
    alice = create_user("alice", "long-test-password", Role.PLAN_OFFICE)
    ingest([courier()])
    learned = map_subject(
        actor=alice,
        region_code="fuling",
        subject="快递业务量",
        indicator_code="retail_growth",
        reason="the office counts parcels with retail",
    )
    record = IndicatorRecord.objects.get(region__code="fuling", code="retail_growth")
    assert "快递业务量" in record.aliases.split("|")
    assert (learned.added, learned.waiting) == (True, 1)
    latest = record.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason) == (
        alice,
        "the office counts parcels with retail",
    )


def test_mapping_the_same_subject_twice_adds_nothing() -> None:
    alice = create_user("alice", "long-test-password", Role.PLAN_OFFICE)
    ingest([courier()])
    for _ in range(2):
        learned = map_subject(
            actor=alice, region_code="fuling", subject="快递业务量", indicator_code="retail_growth"
        )
    record = IndicatorRecord.objects.get(region__code="fuling", code="retail_growth")
    assert record.aliases.split("|").count("快递业务量") == 1
    assert not learned.added


def test_only_the_plan_office_maps_and_only_to_an_indicator_of_the_region() -> None:
    bob = create_user("bob", "long-test-password", Role.CLERK, department="区统计局")
    alice = create_user("alice", "long-test-password", Role.PLAN_OFFICE)
    ingest([courier()])
    with pytest.raises(Forbidden):
        map_subject(
            actor=bob, region_code="fuling", subject="快递业务量", indicator_code="retail_growth"
        )
    with pytest.raises(NotFound):
        map_subject(actor=alice, region_code="fuling", subject="快递业务量", indicator_code="nope")
    assert DocumentStatement.objects.get().review == DocumentStatement.Review.PENDING
