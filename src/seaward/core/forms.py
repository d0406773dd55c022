"""Form styling shared by every app's forms (Bootstrap classes on widgets)."""

from __future__ import annotations

from typing import Any

from django import forms

from seaward.core.errors import DomainError


class StyledFormMixin:
    """Give every widget its Bootstrap class and mark invalid fields."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self) -> None:
        # Marking invalid fields here (not in __init__) lets subclasses narrow their
        # choices after super().__init__ and before the form is validated.
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            field = self.fields.get(name)  # type: ignore[attr-defined]
            if field is not None and "is-invalid" not in field.widget.attrs.get("class", ""):
                field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} is-invalid"

    def add_domain_error(self, error: DomainError, translate: Any) -> None:
        """Show a service's domain error next to the field that caused it."""
        field = error.field if error.field in self.fields else None  # type: ignore[attr-defined]
        self.add_error(field, error.render(translate))  # type: ignore[attr-defined]
