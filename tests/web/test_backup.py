from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from typer.testing import CliRunner

import planwatch.cli.commands  # noqa: F401  (registers the commands)
from planwatch.cli import app
from planwatch.services import values
from planwatch.web import backup
from planwatch.web.accounts.roles import Role
from planwatch.web.accounts.services import create_user
from planwatch.web.api import tokens
from planwatch.web.dataversion import data_version
from planwatch.web.plan import services
from planwatch.web.plan.models import IndicatorRecord, ObservationRecord
from planwatch.web.submissions.models import Submission
from tests.conftest import DEMO_DATASET

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def every_table() -> dict[str, list[object]]:
    """Each backed-up table as its rows, foreign keys to content types by natural key."""
    return {
        model._meta.db_table: serializers.serialize(
            "python",
            model._default_manager.order_by("pk"),
            use_natural_foreign_keys=True,
        )
        for model in backup.data_models()
        if not model._meta.auto_created  # many-to-many rows are compared with their owners
    }


@pytest.fixture
def filled() -> None:
    services.load_dataset(DEMO_DATASET)
    clerk = create_user("bob", "long-test-password", Role.CLERK, department="区统计局")
    office = create_user("alice", "long-test-password", Role.PLAN_OFFICE)
    tokens.create("bob")
    gdp = IndicatorRecord.objects.get(code="gdp_growth")
    entry = values.Entry(period="2025", value=6.1, note="<script>alert(1)</script>'--")
    submitted = values.submit_value(actor=clerk, indicator_id=gdp.pk, entry=entry)
    values.approve_value(actor=office, submission_id=submitted.pk)


def test_a_backup_restored_into_an_empty_database_gives_back_every_table(filled, tmp_path: Path):
    before = every_table()
    file = tmp_path / "planwatch.json.gz"
    assert runner.invoke(app, ["backup", str(file)]).exit_code == 0
    call_command("flush", interactive=False, verbosity=0)
    assert backup.non_empty_tables() == []
    result = runner.invoke(app, ["restore", str(file)])
    assert result.exit_code == 0, result.output
    assert every_table() == before
    assert sum(len(rows) for rows in before.values()) > 100
    approval = ObservationRecord.objects.get(period="2025").history.latest()
    assert approval.history_user.username == "alice"
    bob = Submission.objects.get().author
    assert bob.username == "bob" and bob.profile.department == "区统计局"


def test_new_rows_after_a_restore_take_fresh_ids(filled, tmp_path: Path):
    file = tmp_path / "b.json.gz"
    backup.backup(file)
    highest = ObservationRecord.objects.order_by("-pk").first().pk
    call_command("flush", interactive=False, verbosity=0)
    backup.restore(file)
    gdp = IndicatorRecord.objects.get(code="gdp_growth")
    created = ObservationRecord.objects.create(
        indicator=gdp, period="2026", year=2026, value=1, status="actual", origin="t"
    )
    assert created.pk > highest


def test_a_restore_makes_a_new_data_version(filled, tmp_path: Path):
    file = tmp_path / "b.json.gz"
    backup.backup(file)
    call_command("flush", interactive=False, verbosity=0)
    emptied = data_version()
    backup.restore(file)
    assert data_version() != emptied


def test_a_restore_into_a_database_with_data_is_refused_and_changes_nothing(filled, tmp_path):
    file = tmp_path / "b.json.gz"
    backup.backup(file)
    before = every_table()
    result = runner.invoke(app, ["restore", str(file)])
    assert result.exit_code == 2
    assert "not empty" in result.output
    assert every_table() == before


def test_a_file_that_is_not_a_backup_is_refused_clearly(db, tmp_path: Path):
    plain = tmp_path / "notes.txt"
    plain.write_text("hello")
    with pytest.raises(backup.BadBackup):
        backup.restore(plain)
    wrong = tmp_path / "wrong.json.gz"
    with gzip.open(wrong, "wt") as out:
        out.write('[{"model": "plan.nosuchmodel", "pk": 1, "fields": {}}]')
    with pytest.raises(backup.BadBackup):
        backup.restore(wrong)
    assert backup.non_empty_tables() == []
    assert ContentType.objects.exists()  # the schema's own rows are untouched


def test_a_backup_holds_the_evidence_files_and_a_restore_puts_them_back(
    filled, tmp_path: Path, settings
):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    evidence = settings.MEDIA_ROOT / "evidence" / "P001" / "2025-06" / "现场照片.png"
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + b"photo")
    file = tmp_path / "planwatch.backup"
    assert runner.invoke(app, ["backup", str(file)]).exit_code == 0
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    result = runner.invoke(app, ["restore", str(file)])
    assert result.exit_code == 0, result.output
    assert evidence.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"photo"
    assert ObservationRecord.objects.filter(period="2025").exists()


def test_a_backup_of_an_earlier_version_without_files_is_still_restored(filled, tmp_path):
    file = tmp_path / "old.json.gz"
    backup._backup_database(file)  # what earlier versions wrote
    before = every_table()
    call_command("flush", interactive=False, verbosity=0)
    backup.restore(file)
    assert every_table() == before
