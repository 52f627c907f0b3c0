from django.urls import path

from . import views

urlpatterns = [
    path("reports/<int:report_id>/", views.report),
    path("reports/refresh/", views.refresh),
]
