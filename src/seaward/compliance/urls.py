from django.urls import path

from seaward.compliance import views

urlpatterns = [
    path("screening/alerts/", views.queue, name="screening_queue"),
    path("screening/alerts/<id:alert_id>/", views.alert_detail, name="screening_alert"),
    path("screening/parties/<id:party_id>/", views.party_screening, name="screening_party"),
    path("screening/check/", views.check, name="screening_check"),
    path(
        "screening/records/<id:record_id>/certificate/",
        views.certificate,
        name="screening_certificate",
    ),
    path("screening/lists/", views.lists, name="screening_lists"),
]
