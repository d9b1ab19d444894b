"""A correction names the origin of the value it corrects (not only a submission's)."""

from django.db import migrations, models

HELP = "the origin of the published value this corrects (submission:12, document:3)"


def name_the_corrected(apps, schema_editor):
    submissions = apps.get_model("submissions", "Submission")
    for correction in submissions.objects.exclude(corrects=None):
        correction.corrects_origin = f"submission:{correction.corrects_id}"
        correction.save(update_fields=["corrects_origin"])


class Migration(migrations.Migration):
    dependencies = [("submissions", "0002_periods_and_corrections")]

    operations = [
        migrations.AddField(
            model_name="historicalsubmission",
            name="corrects_origin",
            field=models.CharField(blank=True, help_text=HELP, max_length=200),
        ),
        migrations.AddField(
            model_name="submission",
            name="corrects_origin",
            field=models.CharField(blank=True, help_text=HELP, max_length=200),
        ),
        migrations.RunPython(name_the_corrected, migrations.RunPython.noop),
    ]
