from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.projects.models import (
    Department,
    MilestoneRecord,
    ProblemEventRecord,
    ProblemRecord,
    ProgressRecord,
    ProjectRecord,
    SubTargetRecord,
    TaskRecord,
)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class MilestoneInline(admin.TabularInline):
    model = MilestoneRecord
    extra = 0


@admin.register(ProjectRecord)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = [
        "code",
        "region",
        "name",
        "category",
        "level",
        "department",
        "town",
        "annual_plan",
    ]
    list_filter = ["region", "year", "category", "level", "government", "department"]
    search_fields = ["code", "name", "unit"]
    inlines = [MilestoneInline]


@admin.register(ProgressRecord)
class ProgressAdmin(admin.ModelAdmin):
    list_display = ["project", "year", "month", "completed", "submitted_by", "submitted_at"]
    list_filter = ["year", "month"]
    search_fields = ["project__code", "project__name"]


class SubTargetInline(admin.TabularInline):
    model = SubTargetRecord
    extra = 0


@admin.register(TaskRecord)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["code", "area", "ordinal", "title", "lead", "source"]
    list_filter = ["year", "area"]
    inlines = [SubTargetInline]


class EventInline(admin.TabularInline):
    """Read-only: a problem's history is changed only through its services."""

    model = ProblemEventRecord
    extra = 0
    can_delete = False
    readonly_fields = ["sequence", "action", "before", "after", "actor", "at", "note", "evidence"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ProblemRecord)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ["code", "region", "source", "department", "severity", "deadline", "state"]
    list_filter = ["region", "state", "source", "severity", "department"]  # codes repeat by region
    search_fields = ["code", "description", "link"]
    readonly_fields = ["state"]
    inlines = [EventInline]
