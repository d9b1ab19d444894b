from django.contrib import admin

from planwatch.web.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "department"]
    search_fields = ["user__username", "department"]
