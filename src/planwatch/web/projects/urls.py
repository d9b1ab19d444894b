from django.urls import path

from planwatch.web.projects import entry_views, views

app_name = "projects"
urlpatterns = [
    path("projects/", views.project_list, name="list"),
    path("projects/<str:code>/", views.project_detail, name="detail"),
    path("projects/<str:code>/progress/", views.progress_entry, name="progress"),
    path(
        "projects/<str:code>/evidence/<str:period>/<str:name>",
        views.evidence_download,
        name="evidence",
    ),
    path("rankings/", views.rankings, name="rankings"),
    path("tasks/", views.task_tree, name="tasks"),
    path("tasks/<str:code>/", views.task_detail, name="task"),
    path("tasks/<str:code>/progress/", entry_views.task_progress, name="task-progress"),
    path("problems/", views.problem_board, name="problems"),
    path("problems/new/", entry_views.new_problem, name="new-problem"),
    path("problems/<str:code>/", views.problem_detail, name="problem"),
    path(
        "problems/<str:code>/evidence/<str:name>",
        views.problem_evidence,
        name="problem-evidence",
    ),
    path("problems/<str:code>/<slug:action>/", views.problem_step, name="step"),
]
