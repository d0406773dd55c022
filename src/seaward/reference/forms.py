"""Forms of the reference pages."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin


class ConverterForm(StyledFormMixin, forms.Form):
    amount = forms.DecimalField(
        label=_("Amount"),
        max_digits=20,
        decimal_places=4,
        min_value=Decimal(0),
        initial=Decimal(1000),
    )
    from_currency = forms.CharField(
        label=_("From"),
        max_length=3,
        min_length=3,
        initial="USD",
        widget=forms.TextInput(attrs={"list": "currency-options", "autocomplete": "off"}),
    )
    to_currency = forms.CharField(
        label=_("To"),
        max_length=3,
        min_length=3,
        initial="CNY",
        widget=forms.TextInput(attrs={"list": "currency-options", "autocomplete": "off"}),
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_from_currency(self) -> str:
        return str(self.cleaned_data["from_currency"]).strip().upper()

    def clean_to_currency(self) -> str:
        return str(self.cleaned_data["to_currency"]).strip().upper()


class EnteredRateForm(StyledFormMixin, forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    base = forms.CharField(label=_("1 unit of"), max_length=3, min_length=3, initial="USD")
    quote = forms.CharField(label=_("in"), max_length=3, min_length=3, initial="CNY")
    rate = forms.DecimalField(
        label=_("Rate"), max_digits=20, decimal_places=8, min_value=Decimal("0.00000001")
    )
    source = forms.CharField(label=_("Source"), max_length=200, initial=_("Bank spot buying rate"))
