"""Evidence files move into their region's folder (``evidence/<region>/<project>/…``,
``problem-evidence/<region>/<problem>/…``): two districts' 2025-ZF-001 or WT-2025-001 no
longer share one (:mod:`planwatch.web.projects.evidence_move`)."""

from django.db import migrations

from planwatch.web.projects import evidence_move


def forward(apps, schema_editor):
    models = (apps.get_model("projects", n) for n in ("ProgressRecord", "ProblemRecord"))
    evidence_move.move_to_region_folders(*models)


def backward(apps, schema_editor):
    models = (apps.get_model("projects", n) for n in ("ProgressRecord", "ProblemRecord"))
    evidence_move.move_back(*models)


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_problem_code_per_region")]

    operations = [migrations.RunPython(forward, backward)]
