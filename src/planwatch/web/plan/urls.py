from django.urls import path

from planwatch.web.plan import city, views

app_name = "plan"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/<slug:code>/", views.indicator_detail, name="indicator"),
    path("compare/", views.compare, name="compare"),
    path("city/", city.city_page, name="city"),
    path("search/", views.search_page, name="search"),
    path("sources/<str:label>/", views.source_document, name="source"),
    path("report/", views.report, name="report"),
    path("report/annual.<str:fmt>", views.report_download, name="report-download"),
]
