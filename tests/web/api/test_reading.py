from __future__ import annotations

import pytest
from django.test import Client

from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")


def test_a_request_without_a_token_is_refused_with_the_error_body(db):
    response = Client().get("/api/regions")
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message", "field"}
    assert response.json()["code"] == "unauthorized"


def test_a_wrong_token_is_refused(db):
    response = Client(HTTP_AUTHORIZATION="Bearer pw_not-a-token").get("/api/regions")
    assert response.status_code == 401


def test_a_user_without_a_government_role_cannot_read(erin):
    response = erin.get("/api/regions")
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")


def test_regions_are_listed_in_pages(dave):
    response = dave.get("/api/regions", {"limit": 1, "offset": 1})
    assert response.status_code == 200
    assert response.json()["count"] == 2  # Fuling and its city
    fuling = response.json()["items"][0]
    assert (fuling["code"], fuling["parent"], fuling["parent_code"]) == (
        "fuling",
        "重庆市",
        "chongqing",
    )


def test_indicators_are_filtered_by_binding_owner_and_name(dave):
    binding = dave.get("/api/regions/fuling/indicators", {"binding": "binding"}).json()
    assert binding["count"] == 7
    owned = dave.get("/api/regions/fuling/indicators", {"owner": "区统计局"}).json()
    assert "gdp_growth" in [i["code"] for i in owned["items"]]
    named = dave.get("/api/regions/fuling/indicators", {"q": "地区生产总值"}).json()
    assert named["items"][0]["code"] == "gdp_growth"
    assert all("地区生产总值" in i["name"] for i in named["items"])


def test_an_indicator_comes_with_its_version(dave):
    body = dave.get(f"/api/indicators/{indicator('gdp_growth').pk}").json()
    assert body["aliases"][:2] == ["地区生产总值", "GDP"]
    assert body["version"] > 0


def test_the_evaluation_of_2024_gives_the_published_counts_and_summary(dave):
    body = dave.get("/api/regions/fuling/evaluations/2024").json()
    assert [body["counts"][v] for v in ("above", "met", "below")] == [12, 8, 8]
    assert "12项指标高于预期" in body["summary"]
    assert len(body["evaluations"]) == 31


def test_an_unknown_region_or_year_is_a_404_with_the_error_body(dave):
    response = dave.get("/api/regions/nowhere/evaluations/2024")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert dave.get("/api/regions/fuling/evaluations/2031").status_code == 404


def test_bad_input_is_a_400_naming_the_field(dave):
    response = dave.get("/api/regions/fuling/targets", {"year": "soon"})
    assert response.status_code == 400
    assert response.json()["field"] == "year"
    assert dave.get("/api/indicators/99999999999999999999").status_code == 400


def test_observations_are_filtered_by_indicator_year_and_status(dave):
    body = dave.get(
        "/api/regions/fuling/observations", {"indicator": "gdp_growth", "year": 2024}
    ).json()
    # the year's value (预计) and its illustrative quarters (the path the 2025 nowcast compares)
    assert {o["period"] for o in body["items"]} == {"2024", "2024-Q1", "2024-Q2", "2024-Q3"}
    estimates = [o for o in body["items"] if o["status"] == "estimate"]
    assert [o["period"] for o in estimates] == ["2024"]


def test_the_openapi_schema_and_docs_are_served(db):
    assert Client().get("/api/openapi.json").json()["info"]["title"] == "planwatch API"
    assert Client().get("/api/docs").status_code == 200


def test_a_report_text_comes_back_as_statements_with_their_lines(dave):
    text = "一、2024年计划执行情况\n全区地区生产总值增长6.5%。\n"
    body = dave.post("/api/extract", {"text": text}).json()
    assert body["count"] >= 1
    first = body["statements"][0]
    assert (first["line"], first["value"]) == (2, 6.5)
    assert first["quote"] in text.splitlines()[1]


def test_a_body_over_the_upload_limit_is_a_413_with_the_error_body(dave, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = dave.post("/api/extract", {"text": "全区地区生产总值增长6%。" * 100})
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
