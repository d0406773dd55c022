from django.urls import path

from seaward.sales import views

urlpatterns = [
    path("quotations/", views.quotation_list, name="quotation_list"),
    path("quotations/new/", views.quotation_create, name="quotation_create"),
    path("quotations/lines/", views.quotation_lines, name="quotation_lines"),
    path("quotations/<id:quotation_id>/", views.quotation_detail, name="quotation_detail"),
    path("quotations/<id:quotation_id>/edit/", views.quotation_edit, name="quotation_edit"),
    path("quotations/<id:quotation_id>/send/", views.quotation_send, name="quotation_send"),
    path("quotations/<id:quotation_id>/revise/", views.quotation_revise, name="quotation_revise"),
    path(
        "quotations/<id:quotation_id>/withdraw/",
        views.quotation_withdraw,
        name="quotation_withdraw",
    ),
    path(
        "quotations/<id:quotation_id>/record-acceptance/",
        views.quotation_record_acceptance,
        name="quotation_record_acceptance",
    ),
    path("quotations/<id:quotation_id>/document.pdf", views.quotation_pdf, name="quotation_pdf"),
    path("orders/", views.order_list, name="order_list"),
    path("orders/<id:order_id>/", views.order_detail, name="order_detail"),
    path("orders/<id:order_id>/transition/", views.order_transition, name="order_transition"),
    path(
        "orders/<id:order_id>/documents/<str:kind>.pdf",
        views.order_document,
        name="order_document",
    ),
    path("portal/quotations/", views.portal_quotations, name="portal_quotations"),
    path("portal/quotations/<id:quotation_id>/", views.portal_quotation, name="portal_quotation"),
    path(
        "portal/quotations/<id:quotation_id>/accept/",
        views.portal_quotation_accept,
        name="portal_quotation_accept",
    ),
    path(
        "portal/quotations/<id:quotation_id>/request-changes/",
        views.portal_quotation_changes,
        name="portal_quotation_changes",
    ),
    path("portal/orders/", views.portal_orders, name="portal_orders"),
    path("portal/orders/<id:order_id>/", views.portal_order, name="portal_order"),
]
