"""Projects, key tasks and problems belong to a region; rows stored before belong to Fuling.

The demo's only region before regions were kept here was Fuling (涪陵区), so
existing rows are assigned to it (created with its dataset's names when the
plan dataset was never loaded).
"""

import django.db.models.deletion
from django.db import migrations, models

FULING = {"name": "涪陵区", "name_en": "Fuling District", "parent": "重庆市"}
MODELS = ("ProjectRecord", "HistoricalProjectRecord", "TaskRecord", "ProblemRecord")


def assign_fuling(apps, schema_editor):
    rows = [apps.get_model("projects", name).objects for name in MODELS]
    if not any(objects.exists() for objects in rows):
        return
    region, _ = apps.get_model("plan", "Region").objects.get_or_create(
        code="fuling", defaults=FULING
    )
    for objects in rows:
        objects.update(region=region)


def _region(related_name, null=True):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="plan.region",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0004_verdict_not_reported"),
        ("projects", "0003_progress_history"),
    ]

    operations = [
        migrations.AddField("projectrecord", "region", _region("projects")),
        migrations.AddField(
            "historicalprojectrecord",
            "region",
            models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="plan.region",
            ),
        ),
        migrations.AddField("taskrecord", "region", _region("tasks")),
        migrations.AddField("problemrecord", "region", _region("problems")),
        migrations.RunPython(assign_fuling, migrations.RunPython.noop),
        migrations.AlterField("projectrecord", "region", _region("projects", null=False)),
        migrations.AlterField("taskrecord", "region", _region("tasks", null=False)),
        migrations.AlterField("problemrecord", "region", _region("problems", null=False)),
    ]
