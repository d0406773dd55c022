from django.urls import path

from seaward.reference import views

urlpatterns = [
    path("reference/", views.datasets, name="reference_home"),
    path("reference/datasets/", views.datasets, name="reference_datasets"),
    path("reference/countries/", views.countries, name="reference_countries"),
    path("reference/countries/options/", views.country_options, name="reference_country_options"),
    path(
        "reference/currencies/options/", views.currency_options, name="reference_currency_options"
    ),
    path("reference/locations/", views.locations, name="reference_locations"),
    path(
        "reference/locations/<str:unlocode>/",
        views.location_detail,
        name="reference_location_detail",
    ),
    path("reference/hs/", views.hs_browser, name="reference_hs"),
    path("reference/hs/<str:code>/", views.hs_detail, name="reference_hs_detail"),
    path("reference/fx/", views.fx_rates, name="reference_fx"),
    path("reference/incoterms/", views.incoterms, name="reference_incoterms"),
    path("reference/containers/", views.containers, name="reference_containers"),
    path("reference/vat/", views.vat, name="reference_vat"),
]
