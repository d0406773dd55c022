"""Forms of the screening pages: a reviewer's decision, an ad-hoc screening."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from seaward.compliance.names import MAX_NAME_CHARS
from seaward.compliance.services import MAX_REASON
from seaward.core.forms import StyledFormMixin


class DecisionForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("false_positive", _("False positive: not the listed party")),
            ("true_match", _("True match: block this counterparty")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a false positive: what tells the two apart."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons are check inputs, not the text-box class the mixin gives widgets.
        self.fields["decision"].widget.attrs["class"] = "form-check-input"


class CheckForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=MAX_NAME_CHARS)
    country = forms.CharField(
        label=_("Country"),
        required=False,
        max_length=100,
        help_text=_("ISO code (AE) or English name"),
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[
            ("", _("Any")),
            ("person", _("Person")),
            ("organization", _("Organization")),
            ("vessel", _("Vessel")),
            ("aircraft", _("Aircraft")),
        ],
    )
    birth_date = forms.CharField(
        label=_("Date or year of birth"),
        required=False,
        max_length=10,
        help_text=_("YYYY or YYYY-MM-DD"),
    )
