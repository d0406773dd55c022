from django.urls import path

from seaward.fair import public_views, views

urlpatterns = [
    path("fair/events/", views.event_list, name="fair_event_list"),
    path("fair/events/new/", views.event_create, name="fair_event_create"),
    path("fair/events/<id:event_id>/", views.event_detail, name="fair_event_detail"),
    path("fair/events/<id:event_id>/publish/", views.event_publish, name="fair_event_publish"),
    path("fair/events/<id:event_id>/venues/", views.venue_add, name="fair_venue_add"),
    path(
        "fair/events/<id:event_id>/register/",
        views.exhibitor_register,
        name="fair_exhibitor_register",
    ),
    path("fair/events/<id:event_id>/booth/", views.booth, name="fair_booth"),
    path(
        "fair/events/<id:event_id>/requests/new/", views.request_create, name="fair_request_create"
    ),
    path("fair/events/<id:event_id>/scheduler/", views.scheduler, name="fair_scheduler"),
    path("fair/events/<id:event_id>/funnel/", views.funnel, name="fair_funnel"),
    path("fair/schedules/<id:run_id>/apply/", views.schedule_apply, name="fair_schedule_apply"),
    path("fair/shows/<id:show_id>/samples/", views.sample_add, name="fair_sample_add"),
    path("fair/samples/<id:sample_id>/qr.svg", views.sample_qr, name="fair_sample_qr"),
    path(
        "fair/products/<id:product_id>/certifications/",
        views.certifications,
        name="fair_certifications",
    ),
    path("fair/images/<id:image_id>/thumb.jpg", views.product_image, name="fair_product_image"),
    path("catalog/import/", views.import_new, name="fair_import_new"),
    path("catalog/import/<id:import_id>/", views.import_detail, name="fair_import_detail"),
    path("fair/leads/", views.lead_list, name="fair_lead_list"),
    path("fair/leads/<id:lead_id>/", views.lead_detail, name="fair_lead_detail"),
    path("fair/requests/", views.request_list, name="fair_request_list"),
    path("fair/requests/<id:request_id>/", views.request_detail, name="fair_request_detail"),
    path("fair/meetings/", views.meeting_list, name="fair_meeting_list"),
    path(
        "fair/exhibitors/<id:exhibitor_id>/meet/",
        views.meeting_request,
        name="fair_meeting_request",
    ),
    path("fair/meetings/<id:meeting_id>/", views.meeting_detail, name="fair_meeting_detail"),
    path(
        "fair/meetings/<id:meeting_id>/decline/",
        views.meeting_move,
        {"move": "decline"},
        name="fair_meeting_decline",
    ),
    path(
        "fair/meetings/<id:meeting_id>/cancel/",
        views.meeting_move,
        {"move": "cancel"},
        name="fair_meeting_cancel",
    ),
    path(
        "fair/meetings/<id:meeting_id>/held/",
        views.meeting_move,
        {"move": "held"},
        name="fair_meeting_held",
    ),
    path(
        "fair/meetings/<id:meeting_id>/invite.ics",
        views.meeting_ics_download,
        name="fair_meeting_ics",
    ),
    # Public: the token in the link is the credential (QR code on a booth sample).
    path("fair/s/<str:token>/", public_views.sample_public, name="fair_sample_public"),
    path("fair/s/<str:token>/photo.jpg", public_views.sample_photo, name="fair_sample_photo"),
    path("fair/visit/<str:token>/", public_views.visitor_meeting, name="fair_visitor_meeting"),
]
