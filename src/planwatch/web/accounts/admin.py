from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from planwatch.web.accounts.models import Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    verbose_name_plural = "部门"


admin.site.unregister(User)


@admin.register(User)
class UserWithDepartmentAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "department", "is_active", "last_login"]
    list_filter = ["groups", "is_active"]
    list_select_related = ["profile"]

    @admin.display(description="部门")
    def department(self, user: User) -> str:
        profile = getattr(user, "profile", None)
        return profile.department if profile else ""
