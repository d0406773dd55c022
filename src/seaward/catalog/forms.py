"""Forms of the catalog pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from seaward.catalog.models import Unit
from seaward.catalog.pricing import Tier, parse_tiers
from seaward.core.forms import StyledFormMixin


class ProductForm(StyledFormMixin, forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=300, required=False)
    title_es = forms.CharField(label=_("Title (Spanish)"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description_zh = forms.CharField(
        label=_("Description (Chinese)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hs_code = forms.CharField(label=_("HS code"), max_length=12, required=False)
    origin_country = forms.CharField(label=_("Country of origin"), max_length=2, initial="CN")
    unit = forms.ChoiceField(label=_("Unit"), choices=Unit.choices)
    lead_time_days = forms.IntegerField(
        label=_("Lead time (days)"), min_value=0, max_value=3650, initial=30
    )

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": {lang: data[f"title_{lang}"] for lang in ("en", "zh", "es")},
            "description": {lang: data[f"description_{lang}"] for lang in ("en", "zh")},
            "hs_code": data["hs_code"],
            "origin_country": data["origin_country"],
            "unit": data["unit"],
            "lead_time_days": data["lead_time_days"],
        }


class SkuForm(StyledFormMixin, forms.Form):
    code = forms.CharField(label=_("SKU"), max_length=60)
    variant_en = forms.CharField(label=_("Variant (English)"), max_length=200, required=False)
    variant_zh = forms.CharField(label=_("Variant (Chinese)"), max_length=200, required=False)
    moq = forms.IntegerField(label=_("MOQ"), min_value=1, max_value=10**9, initial=1)
    unit_cost = forms.DecimalField(
        label=_("Unit cost (home currency)"), min_value=0, decimal_places=4, initial=0
    )
    units_per_carton = forms.IntegerField(
        label=_("Units per carton"), min_value=1, max_value=10**6, initial=1
    )
    carton_length_cm = forms.DecimalField(
        label=_("Carton L (cm)"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )
    carton_width_cm = forms.DecimalField(
        label=_("Carton W (cm)"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )
    carton_height_cm = forms.DecimalField(
        label=_("Carton H (cm)"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )
    carton_net_kg = forms.DecimalField(
        label=_("Net kg / carton"), min_value=0, max_digits=10, decimal_places=3, initial=0
    )
    carton_gross_kg = forms.DecimalField(
        label=_("Gross kg / carton"), min_value=0, max_digits=10, decimal_places=3, initial=0
    )
    tiers = forms.CharField(
        label=_("Price tiers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "USD 100 8.60\nEUR 500 7.20"}),
        help_text=_("One per line: currency, from quantity, unit price."),
    )

    def clean_tiers(self) -> list[Tier]:
        tiers: list[Tier] = []
        for line, parsed in parse_tiers(self.cleaned_data.get("tiers", "")):
            if isinstance(parsed, str):
                raise forms.ValidationError(
                    _("Line %(line)s: %(problem)s"), params={"line": line, "problem": parsed}
                )
            tiers.append(parsed)
        return tiers

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["variant"] = {"en": data.pop("variant_en"), "zh": data.pop("variant_zh")}
        data["unit_cost"] = data.get("unit_cost") or Decimal(0)
        return data
