from django.urls import path

from planwatch.web.submissions import period_views, views

app_name = "submissions"
urlpatterns = [
    path("submissions/", views.mine, name="mine"),
    path("submissions/new/<int:indicator_id>/", views.new, name="new"),
    path("submissions/<int:submission_id>/edit/", views.edit, name="edit"),
    path("submissions/<int:submission_id>/correct/", views.correct, name="correct"),
    path("periods/", period_views.owed, name="periods"),
    path("periods/open/", period_views.open_, name="open_period"),
    path("periods/<slug:region>/<str:period>/workbook/", period_views.download, name="workbook"),
    path("submissions/import/", period_views.upload, name="import"),
    path("periods/<slug:region>/<str:period>/close/", period_views.close, name="close_period"),
    path("review/", views.review, name="review"),
    path("review/<int:submission_id>/approve/", views.approve, name="approve"),
    path("review/<int:submission_id>/return/", views.send_back, name="return"),
]
