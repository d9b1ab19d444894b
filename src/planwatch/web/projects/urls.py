from django.urls import path

from planwatch.web.projects import views

app_name = "projects"
urlpatterns = [
    path("projects/", views.project_list, name="list"),
    path("projects/<str:code>/", views.project_detail, name="detail"),
    path("tasks/", views.task_tree, name="tasks"),
    path("problems/", views.problem_board, name="problems"),
    path("problems/<str:code>/<slug:action>/", views.problem_step, name="step"),
]
