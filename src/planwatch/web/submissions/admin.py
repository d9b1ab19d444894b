from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from planwatch.web.submissions.models import Submission


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "status", "department", "state", "updated_at"]
    list_filter = ["state", "department", "year"]
