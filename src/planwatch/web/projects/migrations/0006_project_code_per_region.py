"""Project codes are unique within a region: 40 districts may each have their 2025-ZF-001."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0005_history_reason_text"),
        ("projects", "0005_history_reason_text"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalprojectrecord",
            name="code",
            field=models.CharField(
                db_index=True, help_text="unique within its region", max_length=40
            ),
        ),
        migrations.AlterField(
            model_name="projectrecord",
            name="code",
            field=models.CharField(
                db_index=True, help_text="unique within its region", max_length=40
            ),
        ),
        migrations.AddConstraint(
            model_name="projectrecord",
            constraint=models.UniqueConstraint(
                fields=("region", "code"), name="one_project_code_per_region"
            ),
        ),
    ]
