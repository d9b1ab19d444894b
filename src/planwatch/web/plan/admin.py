from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.plan.models import IndicatorRecord, ObservationRecord, Region, TargetRecord


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "parent"]


@admin.register(IndicatorRecord)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "region", "unit", "binding", "kind", "direction", "owner"]
    list_filter = ["region", "binding", "kind"]
    search_fields = ["name", "aliases", "code"]


@admin.register(TargetRecord)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "year", "form", "text", "source"]
    list_filter = ["year", "form"]


@admin.register(ObservationRecord)
class ObservationAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "status", "source", "origin"]
    list_filter = ["year", "status"]
    search_fields = ["indicator__name", "source", "quote"]
