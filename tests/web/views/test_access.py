"""Who may open which page: every role against every page, enforced on the server."""

from __future__ import annotations

import pytest

from tests.web.views.conftest import PASSWORD, client_for, indicator

READ_PAGES = [
    "/",
    "/?year=2025",
    "/indicators/",
    "/indicators/gdp_growth/",
    "/compare/?indicator=gdp_growth",
]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["office", "stats", "commerce", "leader"])
@pytest.mark.parametrize("path", READ_PAGES)
def test_government_users_read_every_plan_page(who, path):
    assert client_for(who).get(path).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", READ_PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login_page(path):
    response = client_for(None).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("path", READ_PAGES)
def test_a_public_user_is_refused_the_internal_pages(path):
    assert client_for("citizen").get(path).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("who", [None, "citizen", "office", "leader"])
def test_everyone_reads_the_published_report(who):
    response = client_for(who).get("/report/")
    assert response.status_code == 200
    assert "与2024年初人代会目标相比" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"), [("office", 200), ("stats", 403), ("leader", 403), ("citizen", 403)]
)
def test_only_the_plan_office_opens_the_review_queue(who, status):
    assert client_for(who).get("/review/").status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "code", "status"),
    [
        ("stats", "gdp_growth", 200),
        ("stats", "retail_growth", 403),
        ("commerce", "retail_growth", 200),
        ("commerce", "gdp_growth", 403),
        ("office", "retail_growth", 200),
        ("leader", "gdp_growth", 403),
        ("citizen", "gdp_growth", 403),
    ],
)
def test_only_the_owning_department_or_the_plan_office_opens_an_entry_form(who, code, status):
    path = f"/submissions/new/{indicator(code).id}/"
    assert client_for(who).get(path).status_code == status


@pytest.mark.django_db
def test_the_header_shows_only_the_pages_a_role_may_open(leader, stats, office):
    assert "/review/" not in leader.get("/").content.decode()
    assert "/submissions/" not in leader.get("/").content.decode()
    assert "/review/" not in stats.get("/").content.decode()
    assert "/review/" in office.get("/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "lands_on"),
    [("office", "/"), ("leader", "/"), ("stats", "/submissions/"), ("citizen", "/report/")],
)
def test_logging_in_lands_each_role_where_its_work_is(who, lands_on):
    response = client_for(None).post("/login/", {"username": who, "password": PASSWORD})
    assert response["Location"] == lands_on
