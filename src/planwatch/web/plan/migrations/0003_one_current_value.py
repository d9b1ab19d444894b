"""One current value per indicator, period and status.

Existing duplicates are resolved before the constraint: the newest value
(latest ``updated_at``, then highest id) stays current; every other one is
moved to the history as a deletion whose reason names the value kept.
"""

from django.db import migrations, models
from django.utils import timezone

REASON = "被取代:同期较新的数值 #{kept}(迁移 0003)"


def keep_the_newest(apps, schema_editor):
    observations = apps.get_model("plan", "ObservationRecord")
    historical = apps.get_model("plan", "HistoricalObservationRecord")
    fields = [f.attname for f in observations._meta.concrete_fields]
    seen = {}
    for record in observations.objects.order_by("-updated_at", "-id"):
        key = (record.indicator_id, record.period, record.status)
        if key not in seen:
            seen[key] = record.id
            continue
        historical.objects.create(
            **{name: getattr(record, name) for name in fields},
            history_date=timezone.now(),
            history_type="-",
            history_change_reason=REASON.format(kept=seen[key]),
            history_user=None,
        )
        record.delete()
    if schema_editor.connection.vendor == "postgresql":
        # the deletions' deferred foreign-key checks must run before the table is altered
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("plan", "0002_document_documentstatement_and_more")]

    operations = [
        migrations.RunPython(keep_the_newest, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="observationrecord", name="one_value_per_origin"),
        migrations.AddConstraint(
            model_name="observationrecord",
            constraint=models.UniqueConstraint(
                fields=("indicator", "period", "status"), name="one_current_value"
            ),
        ),
    ]
