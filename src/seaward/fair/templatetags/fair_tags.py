"""Template filters of the fair pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_label(labels: Mapping[str, Any], code: str) -> Any:
    """The translated label of an explanation code (the code itself when unknown)."""
    return labels.get(code, code)
