from django.urls import path

from seaward.customs import views

urlpatterns = [
    path("customs/classify/", views.classify, name="customs_classify"),
    path("customs/classify/confirm/", views.classify_confirm, name="customs_classify_confirm"),
    path(
        "customs/skus/<id:sku_id>/classifications/",
        views.sku_classifications,
        name="customs_sku_classifications",
    ),
    path("customs/landed-cost/", views.landed_cost, name="customs_landed_cost"),
    path(
        "customs/landed-cost/estimates/<id:estimate_id>/",
        views.estimate_detail,
        name="customs_estimate",
    ),
    path("customs/declarations/", views.declarations, name="customs_declarations"),
    path(
        "customs/declarations/orders/<id:order_id>/",
        views.declaration,
        name="customs_declaration",
    ),
    path(
        "customs/declarations/orders/<id:order_id>/json/",
        views.declaration_json,
        name="customs_declaration_json",
    ),
]
