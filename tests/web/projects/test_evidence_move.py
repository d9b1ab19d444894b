"""Evidence stored before regions had folders of their own is moved into them, once, and
nothing is lost: two districts' files of one project code each reach their own folder, and
both still download; the migration moves them, and back when it is reversed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from planwatch.web.projects.demo import load_year
from planwatch.web.projects.evidence_move import move_to_region_folders
from planwatch.web.projects.models import ProblemEventRecord, ProblemRecord, ProgressRecord
from tests.conftest import DEMO_DATASET
from tests.web.views.districts import district

WATER = "2025-ZF-002"
BEFORE = [("projects", "0007_problem_code_per_region")]
AFTER = [("projects", "0008_evidence_region_folders")]


def stored_the_old_way(media: Path) -> ProblemRecord:
    """Fuling's and Nanchuan's October reports of 2025-ZF-002 each list a file in the one old
    folder (the storage had named Nanchuan's apart), and a Fuling problem lists one of its
    own; returns that problem."""
    for region, name in (("fuling", "照片.pdf"), ("nanchuan", "照片_x.pdf")):
        report = ProgressRecord.objects.get(
            project__region__code=region, project__code=WATER, year=2025, month=10
        )
        report.evidence = [[name, "application/pdf", 9]]
        report.save(update_fields=["evidence"])
        write(media / "evidence" / WATER / "2025-10" / name, region)
    problem = ProblemRecord.objects.get(region__code="fuling", code="WT-2025-001")
    ProblemEventRecord.objects.filter(problem=problem, sequence=1).update(evidence="整改.pdf")
    write(media / "problem-evidence" / problem.code / "整改.pdf", "problem")
    return problem


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-" + text.encode())


def files(media: Path) -> dict[str, bytes]:
    return {str(p.relative_to(media)): p.read_bytes() for p in media.rglob("*") if p.is_file()}


def load(tmp_path: Path) -> None:
    load_year(DEMO_DATASET, 2025)
    at = tmp_path / "nc"
    load_year(district(at, "nanchuan", "南川区", "NC", same_codes=True, problems=False), 2025)


NEW = {
    f"evidence/fuling/{WATER}/2025-10/照片.pdf": b"%PDF-fuling",
    f"evidence/nanchuan/{WATER}/2025-10/照片_x.pdf": b"%PDF-nanchuan",
    "problem-evidence/fuling/WT-2025-001/整改.pdf": b"%PDF-problem",
}


@pytest.mark.django_db
def test_old_files_move_to_their_region_s_folder_once_and_still_download(
    settings, tmp_path: Path, leader: User
) -> None:
    settings.MEDIA_ROOT = media = tmp_path / "media"
    load(tmp_path)
    problem = stored_the_old_way(media)
    assert move_to_region_folders() == 3
    assert files(media) == NEW
    assert move_to_region_folders() == 0 and files(media) == NEW
    client = Client()
    client.force_login(leader)
    for region, name in (("fuling", "照片.pdf"), ("nanchuan", "照片_x.pdf")):
        served = client.get(f"/projects/{WATER}/evidence/2025-10/{name}?region={region}")
        assert b"".join(served.streaming_content) == b"%PDF-" + region.encode()
    served = client.get(f"/problems/{problem.code}/evidence/整改.pdf?region=fuling")
    assert b"".join(served.streaming_content) == b"%PDF-problem"


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_the_files_and_its_reverse_moves_them_back(
    settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = media = tmp_path / "media"
    load(tmp_path)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    stored_the_old_way(media)
    old = files(media)
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    assert files(media) == NEW
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    assert files(media) == old
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
