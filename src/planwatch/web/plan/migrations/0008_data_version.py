from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0007_region_hierarchy"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("writes", models.BigIntegerField(default=0)),
                ("epoch", models.CharField(max_length=16)),
            ],
        ),
    ]
