from django.urls import path

from seaward.logistics import views

urlpatterns = [
    path("shipments/", views.shipment_list, name="shipment_list"),
    path("shipments/new/", views.shipment_create, name="shipment_create"),
    path("shipments/events/import/", views.events_import, name="events_import"),
    path("shipments/<id:shipment_id>/", views.shipment_detail, name="shipment_detail"),
    path("portal/shipments/", views.portal_shipments, name="portal_shipments"),
    path("portal/shipments/<id:shipment_id>/", views.portal_shipment, name="portal_shipment"),
    path("loading-plans/", views.plan_list, name="plan_list"),
    path("loading-plans/new/", views.plan_create, name="plan_create"),
    path("loading-plans/<id:plan_id>/", views.plan_detail, name="plan_detail"),
    path("loading-plans/<id:plan_id>/print/", views.plan_print, name="plan_print"),
    path("warehouses/", views.warehouse_list, name="warehouse_list"),
    path("warehouses/<id:warehouse_id>/", views.warehouse_detail, name="warehouse_detail"),
]
