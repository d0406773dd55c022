from django.urls import path
from django.views.generic import RedirectView

from seaward.core import views

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("healthz", views.health, name="health"),
    path("api/docs", RedirectView.as_view(url="/api/v1/docs", permanent=False), name="api_docs"),
]
