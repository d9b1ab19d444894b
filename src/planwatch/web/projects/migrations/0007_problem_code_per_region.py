"""Problem codes are unique within a region: 40 districts may each have their WT-2025-001, and
an early warning's YJ-2025-09-gdp_growth is raised in every district it holds for."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0006_project_code_per_region")]

    operations = [
        migrations.AlterField(
            model_name="problemrecord",
            name="code",
            field=models.CharField(
                db_index=True, help_text="unique within its region", max_length=40
            ),
        ),
        migrations.AddConstraint(
            model_name="problemrecord",
            constraint=models.UniqueConstraint(
                fields=("region", "code"), name="one_problem_code_per_region"
            ),
        ),
    ]
