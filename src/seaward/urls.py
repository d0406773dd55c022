"""URL wiring: each context's pages, the API, auth and admin."""

from __future__ import annotations

import importlib
import importlib.util

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path, register_converter

from seaward.api import api
from seaward.cli import CONTEXTS
from seaward.core.converters import ObjectIdConverter
from seaward.organizations.forms import LoginForm

# `<id:…>` in every app's routes: object ids that fit the database's 64-bit integers.
register_converter(ObjectIdConverter, "id")

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

for _context in CONTEXTS:
    _module = f"seaward.{_context}.urls"
    if importlib.util.find_spec(f"seaward.{_context}") and importlib.util.find_spec(_module):
        urlpatterns.append(path("", include(_module)))
