"""Template filters of the catalog: a multilingual text in the page's language."""

from __future__ import annotations

from typing import Any

from django import template

from seaward.catalog.texts import pick

register = template.Library()


@register.filter
def in_language(texts: Any, language: str) -> str:
    return pick(texts if isinstance(texts, dict) else {}, language)
