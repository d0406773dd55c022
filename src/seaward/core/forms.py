"""Form styling shared by every app's forms (Bootstrap classes on widgets)."""

from __future__ import annotations

from typing import Any

from django import forms

from seaward.core.errors import DomainError


class StyledFormMixin:
    """Give every widget its Bootstrap class and mark invalid fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            if self.is_bound and name in self.errors:  # type: ignore[attr-defined]
                css += " is-invalid"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def add_domain_error(self, error: DomainError, translate: Any) -> None:
        """Show a service's domain error next to the field that caused it."""
        field = error.field if error.field in self.fields else None  # type: ignore[attr-defined]
        self.add_error(field, error.render(translate))  # type: ignore[attr-defined]
