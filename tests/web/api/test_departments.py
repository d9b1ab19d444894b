"""Every write operation the API documents refuses a clerk of another department.

The table below must name every write operation of the schema, so that a new
endpoint cannot ship without saying how it treats another department's object.
"""

from __future__ import annotations

import pytest

from planwatch.web.api.app import api
from planwatch.web.editing import history
from planwatch.web.plan.models import ObservationRecord, TargetRecord
from planwatch.web.projects.models import (
    ProblemEventRecord,
    ProblemRecord,
    ProgressRecord,
    ProjectRecord,
    TaskProgressRecord,
)
from tests.web.api.conftest import OTHER_PROJECT, OTHER_SUB_TARGET
from tests.web.conftest import indicator

pytestmark = pytest.mark.usefixtures("demo")

VALUE = {"period": "2025", "value": 6.0, "reason": "x"}
# (method, path) -> the body a legitimate caller would send; None: not a write of data
WRITES = {
    ("PATCH", "/api/indicators/{indicator_id}"): {"version": 0, "reason": "x", "name": "x"},
    ("PUT", "/api/indicators/{indicator_id}/targets/{year}"): {
        "form": "positive",
        "text": "正增长",
    },
    ("DELETE", "/api/targets/{target_id}"): {},
    ("PUT", "/api/indicators/{indicator_id}/rules"): {"maximum": 10},
    ("POST", "/api/indicators/{indicator_id}/observations"): VALUE,
    ("PUT", "/api/observations/{observation_id}"): {**VALUE, "version": 0},
    ("DELETE", "/api/observations/{observation_id}"): {},
    ("POST", "/api/imports/observations"): {"reason": "x", "rows": [["{indicator_id}", VALUE]]},
    ("POST", "/api/indicators/{indicator_id}/submissions"): {"period": "2025", "value": 6.0},
    ("PUT", "/api/submissions/{submission_id}"): {"period": "2025", "value": 6.0, "version": 0},
    ("POST", "/api/submissions/{submission_id}/approve"): {},
    ("POST", "/api/submissions/{submission_id}/return"): {"reason": "x"},
    ("POST", "/api/submissions/{submission_id}/corrections"): {"value": 6.0, "reason": "x"},
    ("POST", "/api/periods"): {"region": "fuling", "period": "2025-06", "due": "2025-07-10"},
    ("POST", "/api/periods/close"): {"region": "fuling", "period": "2025-06"},
    # a multipart upload whose rows refuse another department (tests/web/submissions/test_imports)
    ("POST", "/api/imports/submissions"): None,
    ("PATCH", "/api/projects/{project_code}"): {"version": 0, "reason": "x", "name": "x"},
    ("POST", "/api/projects/{project_code}/progress"): {"month": "2025-11", "completed": 1},
    ("POST", "/api/sub-targets/{sub_target_code}/progress"): {"period": "2025-Q4", "value": 1},
    ("POST", "/api/problems"): {  # the plan office's, even for carol's own department
        "code": "WT-X-1",
        "source": "inspection",
        "link_kind": "indicator",
        "link": "retail_growth",
        "description": "x",
        "department": "区商务委",
        "deadline": "2099-01-01",
    },
    ("POST", "/api/problems/{problem_code}/steps"): {"action": "start"},
    ("POST", "/api/regions/{code}/nowcast/{year}/warnings"): {},  # early warnings as problems
    ("POST", "/api/indicators/{indicator_id}/checks"): None,  # reads the rules, stores nothing
    ("POST", "/api/extract"): None,  # extracts from the text sent, stores nothing
    # one's own tokens only: another's is not found (tests/web/api/test_tokens)
    ("DELETE", "/api/tokens/{token_id}"): None,
}


def documented_writes() -> set[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return {
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }


def test_the_table_names_every_write_operation_of_the_schema(db):
    assert documented_writes() == set(WRITES)


def everything_written() -> list[object]:
    return [
        sorted(ObservationRecord.objects.values_list("id", "value")),
        ProgressRecord.objects.count(),
        TaskProgressRecord.objects.count(),
        ProblemRecord.objects.count(),
        ProblemEventRecord.objects.count(),
        ProjectRecord.history.count(),
    ]


def test_every_write_refuses_a_clerk_of_another_department(register, bob, carol):
    gdp = indicator("gdp_growth")  # owned by bob's 区统计局
    published = ObservationRecord.objects.filter(indicator=gdp).first()
    observation = {"id": published.pk, "version": history.version_of(published)}
    submission = bob.post(
        f"/api/indicators/{gdp.pk}/submissions", {"period": "2025", "value": 6.1, "submit": True}
    ).json()
    ids = {
        "{indicator_id}": str(gdp.pk),
        "{year}": "2025",
        "{code}": "fuling",
        "{target_id}": str(TargetRecord.objects.filter(indicator=gdp).first().pk),
        "{observation_id}": str(observation["id"]),
        "{submission_id}": str(submission["id"]),
        "{project_code}": OTHER_PROJECT,  # 区应急管理局
        "{sub_target_code}": OTHER_SUB_TARGET,  # led by 区经济信息委
        # assigned to another department: starting it would be that department's step
        "{problem_code}": ProblemRecord.objects.filter(state="assigned")
        .exclude(department__name="区商务委")
        .values_list("code", flat=True)[0],
    }
    before = everything_written()
    for (method, path), body in WRITES.items():
        if body is None:
            continue
        for placeholder, value in ids.items():
            path = path.replace(placeholder, value)
        if method == "DELETE":
            response = carol.delete(path + f"?version={observation['version']}&reason=x")
        else:
            rows = [[gdp.pk, VALUE]] if "rows" in body else None
            response = getattr(carol, method.lower())(
                path, {**body, **({"rows": rows} if rows else {})}
            )
        assert response.status_code == 403, (method, path, response.json())
    assert everything_written() == before
