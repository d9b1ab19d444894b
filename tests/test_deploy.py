"""The production deployment in deploy/: a valid compose file (checked against the Compose
specification's schema, as no docker runs here), the settings it needs, and Django's own
deployment check passing but for the warnings the README explains."""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from importlib import resources
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from tests.conftest import REPO

DEPLOY = REPO / "deploy"
SERVE = ["planwatch", "serve", "--production"]
EXPLAINED_WARNINGS = {"security.W005", "security.W021"}  # README: "Production deployment"


def outside_environment() -> dict[str, str]:
    """This process's environment without planwatch's settings and without what the browser
    tests set for themselves (DJANGO_ALLOW_ASYNC_UNSAFE), as a deployment would start."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PLANWATCH_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_the_compose_file_is_valid_against_the_compose_specification():
    schema_file = resources.files("check_jsonschema") / "builtin_schemas/vendor/compose-spec.json"
    schema = json.loads(schema_file.read_text())
    errors = sorted(Draft7Validator(schema).iter_errors(compose()), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_the_compose_file_runs_postgresql_redis_two_apps_a_worker_and_nginx():
    services = compose()["services"]
    assert set(services) == {"db", "redis", "migrate", "app1", "app2", "worker", "nginx"}
    apps = [name for name, s in services.items() if s.get("command", [])[:3] == SERVE]
    assert apps == ["app1", "app2"]
    assert services["worker"]["command"] == ["planwatch", "worker"]
    assert services["migrate"]["command"][:2] == ["django-admin", "migrate"]
    environment = services["app1"]["environment"]
    assert environment["PLANWATCH_REDIS_URL"].startswith("redis://redis:")  # cache and queue
    assert environment["DATABASE_URL"].startswith("postgres://planwatch:")
    assert environment["PLANWATCH_CLIENT_IP_HEADER"] == "X-Real-IP"
    assert "proxy_set_header X-Real-IP $remote_addr" in (DEPLOY / "nginx.conf").read_text()
    assert services["nginx"]["ports"] == ["80:80", "443:443"]
    assert [name for name, s in services.items() if "ports" in s] == ["nginx"]


def test_nginx_spreads_requests_over_every_app_server():
    nginx = (DEPLOY / "nginx.conf").read_text()
    (upstream,) = re.findall(r"upstream (\w+) \{([^}]*)\}", nginx)
    assert re.findall(r"proxy_pass http://(\w+);", nginx) == [upstream[0]]
    assert re.findall(r"server (\w+):8000;", upstream[1]) == ["app1", "app2"]
    assert set(compose()["services"]["nginx"]["depends_on"]) == {"app1", "app2"}


def test_every_app_server_and_the_worker_share_one_setup_and_the_uploads_volume():
    services = compose()["services"]
    planwatch = [services[name] for name in ("migrate", "app1", "app2", "worker")]
    first = planwatch[0]
    media = first["environment"]["PLANWATCH_MEDIA_ROOT"]
    assert f"uploads:{media}" in first["volumes"] and "uploads" in compose()["volumes"]
    for service in planwatch:
        assert service["image"] == first["image"] and service["build"] == first["build"]
        assert service["env_file"] == first["env_file"] == "planwatch.env"  # one secret key
        assert service["environment"] == first["environment"]
        assert service["volumes"] == first["volumes"]
    for name in ("app1", "app2", "worker"):  # the schema is made once, before them
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }


def test_the_queue_in_redis_is_kept_across_restarts_and_never_evicted():
    redis = compose()["services"]["redis"]
    command = " ".join(redis["command"])
    assert "--appendonly yes" in command and "--maxmemory-policy volatile-lru" in command
    assert redis["volumes"] == ["redis:/data"]


def test_every_setting_the_app_reads_from_its_env_file_is_in_the_example():
    example = (DEPLOY / "planwatch.env.example").read_text()
    assert set(re.findall(r"^(\w+)=", example, re.M)) == {
        "PLANWATCH_SECRET_KEY",
        "PLANWATCH_ALLOWED_HOSTS",
    }
    variables = set(re.findall(r"\$\{(\w+):\?", (DEPLOY / "compose.yaml").read_text()))
    assert variables == set(re.findall(r"^(\w+)=", (DEPLOY / "env.example").read_text(), re.M))


def test_the_image_collects_static_files_once_at_build_time():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "planwatch collectstatic" in dockerfile
    assert 'CMD ["planwatch", "serve", "--production"' in dockerfile


@pytest.mark.parametrize("redis", ["", "redis://redis:6379/0"])  # the compose file's: RQ too
def test_djangos_deployment_check_warns_only_of_what_the_readme_explains(tmp_path, redis):
    env = outside_environment() | ({"PLANWATCH_REDIS_URL": redis} if redis else {})
    env |= {
        "PYTHONPATH": str(REPO / "src"),
        "DJANGO_SETTINGS_MODULE": "planwatch.web.settings",
        "PLANWATCH_HOME": str(tmp_path),
        "PLANWATCH_PRODUCTION": "1",
        "PLANWATCH_HTTPS": "1",
        "PLANWATCH_SECRET_KEY": secrets.token_urlsafe(50),
        "PLANWATCH_ALLOWED_HOSTS": "plan.example.gov.cn",
    }
    checked = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    found = set(re.findall(r"\((\w+\.[EW]\d+)\)", checked.stderr + checked.stdout))
    assert found == EXPLAINED_WARNINGS
    readme = (REPO / "README.md").read_text()
    assert all(code in readme for code in EXPLAINED_WARNINGS)


@pytest.mark.slow
def test_serve_in_production_answers_from_several_gunicorn_workers(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = outside_environment()
    env |= {
        "PYTHONPATH": str(REPO / "src"),
        "PLANWATCH_HOME": str(tmp_path),
        "PLANWATCH_PRODUCTION": "1",
        "PLANWATCH_SECRET_KEY": secrets.token_urlsafe(50),
        "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "planwatch", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        status = None
        for _ in range(120):  # at most a minute
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.5)
        assert status == 200
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        assert len(children) == 2  # the gunicorn workers under the arbiter
        assert not (tmp_path / "static").exists()  # a start collects no static files
    finally:
        server.terminate()
        server.wait(timeout=30)
