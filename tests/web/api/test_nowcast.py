import shutil

import pytest

from planwatch.web.plan import services
from planwatch.web.projects.models import Department, ProblemRecord
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db


def test_the_nowcast_lists_every_indicator_at_risk_first(demo, dave):
    body = dave.get("/api/regions/fuling/nowcast/2025", {"as_of": "2025-10"}).json()
    assert (body["as_of"], len(body["assessments"])) == ("2025-10", 31)
    assert body["assessments"][0]["tier"] == "at_risk"
    assert body["warnings"] == ["water_quality_share"]
    retail = next(a for a in body["assessments"] if a["indicator"] == "retail_growth")
    assert (retail["ytd"], retail["period"], retail["tier_zh"]) == (5.2, "2025-10", "可完成")
    assert retail["source"] == "illustrative" and retail["rule"]


def test_the_api_and_the_service_agree(demo, dave):
    from planwatch.core.observations import Period
    from planwatch.services.nowcast import nowcast_year

    body = dave.get("/api/regions/fuling/nowcast/2025?as_of=2025-Q3").json()
    expected = [
        a.as_record() for a in nowcast_year("fuling", 2025, Period(2025, quarter=3)).ranked()
    ]
    assert body["assessments"] == expected


def test_a_bad_as_of_is_bad_input_and_an_unknown_region_not_found(demo, dave):
    assert dave.get("/api/regions/fuling/nowcast/2025?as_of=2025-13").status_code == 400
    assert dave.get("/api/regions/nowhere/nowcast/2025").status_code == 404


def test_warnings_are_raised_once_by_the_plan_office_only(demo, alice, dave):
    Department.objects.create(name="区生态环境局")
    path = "/api/regions/fuling/nowcast/2025/warnings?as_of=2025-10"
    assert dave.post(path).status_code == 403
    assert alice.post(path).json()["raised"] == ["YJ-2025-10-water_quality_share"]
    assert alice.post(path).json()["raised"] == []
    assert ProblemRecord.objects.count() == 1


def test_a_warning_of_the_same_indicator_is_raised_in_each_district_under_one_code(
    demo, alice, tmp_path
):
    copy = tmp_path / "nanchuan"
    shutil.copytree(DEMO_DATASET, copy, ignore=shutil.ignore_patterns("documents*", "report*"))
    region = (copy / "region.toml").read_text(encoding="utf-8")
    region = region.replace('code = "fuling"', 'code = "nanchuan"').replace("涪陵区", "南川区")
    (copy / "region.toml").write_text(region.replace("Fuling", "Nanchuan"), encoding="utf-8")
    services.load_dataset(copy)
    Department.objects.create(name="区生态环境局")
    for region_code in ("fuling", "nanchuan"):
        path = f"/api/regions/{region_code}/nowcast/2025/warnings?as_of=2025-10"
        assert alice.post(path).json()["raised"] == ["YJ-2025-10-water_quality_share"]
    raised = ProblemRecord.objects.filter(code="YJ-2025-10-water_quality_share")
    assert sorted(raised.values_list("region__code", flat=True)) == ["fuling", "nanchuan"]
    assert alice.post(path).json()["raised"] == []
