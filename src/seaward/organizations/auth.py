from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from seaward.organizations.models import User


class EmailOrUsernameBackend(ModelBackend):
    """Sign in with either the email address or the username."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None or password is None:
            return None
        identifier = username.strip()
        field = "email__iexact" if "@" in identifier else "username"
        user = User.objects.filter(**{field: identifier}).first()
        if user is None:
            User().set_password(password)  # same cost for unknown users (timing)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
