"""Forms of the customs pages: classification, confirmation, landed cost, declarations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin
from seaward.customs.services import COMMON_PORTS, TRANSPORT_MODES

INCOTERMS = ["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"]
MODE_LABELS = {
    "sea": _("Sea"),
    "inland_waterway": _("Inland waterway"),
    "air": _("Air"),
    "road": _("Road"),
    "rail": _("Rail"),
    "multimodal": _("Multimodal"),
}
MAX_AMOUNT = Decimal(10) ** 12
UNITS = [("pcs", _("pieces")), ("set", _("sets")), ("pair", _("pairs")), ("kg", _("kilograms"))]


def _amount(label: Any, required: bool = False, **kwargs: Any) -> forms.DecimalField:
    # No min_value here: the engine's message ("must not be negative") is the one shown.
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=18,
        decimal_places=4,
        validators=[MaxValueValidator(MAX_AMOUNT)],
        **kwargs,
    )


class ClassifyForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Product title"), max_length=500, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    material = forms.CharField(label=_("Material"), max_length=200, required=False)
    use = forms.CharField(label=_("Use"), max_length=200, required=False)
    attributes = forms.CharField(
        label=_("Other attributes"),
        max_length=1000,
        required=False,
        help_text=_("One per line: name: value (e.g. power: 2200 W)."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("title") or "").strip() and not (data.get("description") or "").strip():
            self.add_error("title", _("Give a title or a description of the product."))
        return data

    def attribute_map(self) -> dict[str, str]:
        attributes = {}
        for row in (self.cleaned_data.get("attributes") or "").splitlines():
            name, _sep, value = row.partition(":")
            if name.strip() and value.strip():
                attributes[name.strip()[:100]] = value.strip()[:500]
        return attributes


class ConfirmForm(StyledFormMixin, forms.Form):
    # Plain ids checked against the tenant's queryset in ``clean_*``: the styled mixin
    # validates while initialising, before a ModelChoiceField could get its queryset.
    sku = forms.IntegerField(label=_("SKU"), min_value=1, max_value=2**62, widget=forms.Select)
    code = forms.CharField(label=_("HS 2022 subheading"), max_length=12, required=False)
    other_code = forms.CharField(
        label=_("Or another code"),
        max_length=14,
        required=False,
        help_text=_("When none of the candidates is right: six digits, or a national line."),
    )
    national_code = forms.CharField(label=_("National tariff line"), max_length=14, required=False)

    def __init__(self, *args: Any, skus: Any, **kwargs: Any) -> None:
        self.skus = skus
        super().__init__(*args, **kwargs)
        self.fields["sku"].widget.choices = (
            [("", _("Choose a SKU"))]
            + [  # type: ignore[attr-defined]
                (sku.pk, f"{sku.code} — {sku.product}") for sku in skus[:500]
            ]
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["code"] = (data.get("other_code") or "").strip() or (data.get("code") or "").strip()
        if not data["code"]:
            self.add_error("other_code", _("Choose a candidate or give a code."))
        return data

    def clean_sku(self) -> Any:
        sku = self.skus.filter(pk=self.cleaned_data["sku"]).first()
        if sku is None:
            raise forms.ValidationError(_("Choose one of your SKUs."))
        return sku


class CostForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    quotation = forms.IntegerField(
        label=_("Lines of a quotation"),
        required=False,
        min_value=1,
        max_value=2**62,
        widget=forms.Select,
    )
    destination_port = forms.CharField(
        label=_("Destination port (UN/LOCODE)"),
        max_length=10,
        initial="ESVLC",
        widget=forms.TextInput(attrs={"list": "customs-ports", "autocomplete": "off"}),
        help_text=", ".join(f"{code} {name}" for code, name in COMMON_PORTS),
    )
    incoterm = forms.ChoiceField(
        label=_("Incoterm"), choices=[(c, c) for c in INCOTERMS], initial="CIF"
    )
    transport_mode = forms.ChoiceField(
        label=_("Transport mode"), choices=[(m, MODE_LABELS[m]) for m in TRANSPORT_MODES]
    )
    currency = forms.CharField(label=_("Invoice currency"), max_length=3, initial="USD")
    on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    freight = _amount(_("Freight"), initial=Decimal(0))
    insurance = _amount(_("Insurance premium"))
    destination_charges = _amount(_("Destination charges"), initial=Decimal(0))
    containerised = forms.BooleanField(label=_("Containerised"), required=False, initial=True)

    def __init__(self, *args: Any, quotations: Any, **kwargs: Any) -> None:
        self.quotations = quotations
        super().__init__(*args, **kwargs)
        self.fields["quotation"].widget.choices = (
            [("", _("— enter lines below —"))]
            + [  # type: ignore[attr-defined]
                (q.pk, f"{q.number} v{q.version} — {q.buyer} ({q.incoterm} {q.currency})")
                for q in quotations[:200]
            ]
        )

    def clean_quotation(self) -> Any:
        pk = self.cleaned_data.get("quotation")
        if pk is None:
            return None
        quotation = self.quotations.filter(pk=pk).first()
        if quotation is None:
            raise forms.ValidationError(_("Choose one of your quotations."))
        return quotation


class CostLineForm(StyledFormMixin, forms.Form):
    hs_code = forms.CharField(label=_("HS code"), max_length=14, required=False)
    origin = forms.CharField(label=_("Origin"), max_length=2, required=False, initial="CN")
    value = _amount(_("Value"))
    quantity = _amount(_("Quantity"))
    unit = forms.ChoiceField(label=_("Unit"), choices=UNITS, required=False)
    weight_kg = _amount(_("Net weight (kg)"))

    def is_blank(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not data.get("hs_code") and data.get("value") is None


CostLineFormSet = forms.formset_factory(CostLineForm, extra=3, max_num=20, absolute_max=20)


class DeclarationForm(StyledFormMixin, forms.Form):
    transport_mode = forms.ChoiceField(
        label=_("Transport mode"), choices=[(m, MODE_LABELS[m]) for m in TRANSPORT_MODES]
    )
