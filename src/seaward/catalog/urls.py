from django.urls import path

from seaward.catalog import views

urlpatterns = [
    path("products/", views.product_list, name="product_list"),
    path("products/new/", views.product_create, name="product_create"),
    path("products/<id:product_id>/", views.product_detail, name="product_detail"),
    path("products/<id:product_id>/edit/", views.product_edit, name="product_edit"),
]
