"""Regions form a hierarchy: a district's ``parent`` is the city region it belongs to.

``parent`` was the city's name as text (Fuling's: 重庆市). Each distinct name
becomes a city region (重庆市 gets the code ``chongqing``, another name
``city-<n>``) and its districts point at it; nothing else changes.
"""

import django.db.models.deletion
from django.db import migrations, models

KNOWN_CITIES = {"重庆市": ("chongqing", "Chongqing Municipality")}


def link_parents(apps, schema_editor):
    Region = apps.get_model("plan", "Region")
    named = sorted(
        set(Region.objects.exclude(parent_name="").values_list("parent_name", flat=True))
    )
    for number, name in enumerate(named, start=1):
        code, name_en = KNOWN_CITIES.get(name, (f"city-{number}", ""))
        city = Region.objects.filter(name=name).first() or Region.objects.create(
            code=code, name=name, name_en=name_en
        )
        Region.objects.filter(parent_name=name).exclude(pk=city.pk).update(parent=city)


def unlink_parents(apps, schema_editor):
    Region = apps.get_model("plan", "Region")
    for region in Region.objects.exclude(parent=None).select_related("parent"):
        region.parent_name = region.parent.name
        region.save(update_fields=["parent_name"])


class Migration(migrations.Migration):
    dependencies = [("plan", "0006_document_text")]

    operations = [
        migrations.RenameField("region", "parent", "parent_name"),
        migrations.AddField(
            model_name="region",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="children",
                to="plan.region",
            ),
        ),
        migrations.RunPython(link_parents, unlink_parents),
        migrations.RemoveField("region", "parent_name"),
    ]
