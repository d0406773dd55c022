"""Forms of the sales pages: the quotation header and its lines (rows parsed by hand)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin
from seaward.organizations.models import Party
from seaward.sales.costing import INCOTERMS
from seaward.sales.models import Quotation
from seaward.sales.services import LineInput

LANGUAGE_CHOICES = [
    ("", _("The buyer's language")),
    ("en", "English"),
    ("zh", "中文"),
    ("es", "Español"),
    ("bilingual", _("Bilingual (English + 中文)")),
]


class QuotationForm(StyledFormMixin, forms.Form):
    buyer = forms.ModelChoiceField(queryset=Party.all_objects.none(), label=_("Buyer"))
    consignee = forms.ModelChoiceField(
        queryset=Party.all_objects.none(), label=_("Consignee"), required=False
    )
    notify_party = forms.ModelChoiceField(
        queryset=Party.all_objects.none(), label=_("Notify party"), required=False
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    incoterm = forms.ChoiceField(
        label=_("Incoterm 2020"), choices=[(c, c) for c in INCOTERMS], initial="FOB"
    )
    named_place = forms.CharField(
        label=_("Named place (UN/LOCODE)"),
        max_length=6,
        help_text=_("Five letters, e.g. CNNBO for Ningbo or ESVLC for Valencia."),
    )
    named_place_name = forms.CharField(label=_("Place name"), max_length=120, required=False)
    payment_terms = forms.ChoiceField(
        label=_("Payment terms"), choices=Quotation.PaymentTermsChoices
    )
    deposit_percent = forms.DecimalField(
        label=_("Deposit %"), min_value=0, max_value=100, decimal_places=2, initial=30
    )
    payment_days = forms.IntegerField(
        label=_("Days (D/A, open account)"), min_value=0, max_value=365, initial=0
    )
    valid_until = forms.DateField(
        label=_("Valid until"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )
    lead_time_days = forms.IntegerField(
        label=_("Lead time (days)"), min_value=0, max_value=3650, initial=30
    )
    packing = forms.CharField(label=_("Packing"), max_length=300, required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )
    language = forms.ChoiceField(
        label=_("Document language"), choices=LANGUAGE_CHOICES, required=False
    )
    cost_inland = forms.DecimalField(
        label=_("Inland transport"), min_value=0, initial=0, required=False
    )
    cost_export_clearance = forms.DecimalField(
        label=_("Export clearance"), min_value=0, initial=0, required=False
    )
    cost_freight = forms.DecimalField(label=_("Freight"), min_value=0, initial=0, required=False)
    cost_insurance = forms.DecimalField(
        label=_("Insurance"), min_value=0, initial=0, required=False
    )
    cost_duty = forms.DecimalField(
        label=_("Import duty (DDP)"), min_value=0, initial=0, required=False
    )
    cost_import_vat = forms.DecimalField(
        label=_("Import VAT (DDP)"), min_value=0, initial=0, required=False
    )
    fx_rate = forms.DecimalField(
        label=_("Exchange rate (optional)"),
        required=False,
        min_value=Decimal("0.000001"),
        help_text=_("Home currency per unit of the quote currency; empty: the reference rate."),
    )

    COST_FIELDS = (
        "cost_inland",
        "cost_export_clearance",
        "cost_freight",
        "cost_insurance",
        "cost_duty",
        "cost_import_vat",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = Party.objects.owned()
        self.fields["buyer"].queryset = parties.filter(is_buyer=True)  # type: ignore[attr-defined]
        self.fields["consignee"].queryset = parties.filter(is_consignee=True)  # type: ignore[attr-defined]
        self.fields["notify_party"].queryset = parties.filter(is_notify_party=True)  # type: ignore[attr-defined]
        self.fields["named_place"].widget.attrs["list"] = "named-place-options"
        if self.is_bound:
            # StyledFormMixin validated before the party choices were set: validate again.
            self._errors = None  # type: ignore[assignment]
            for name, field in self.fields.items():
                css = field.widget.attrs.get("class", "").replace(" is-invalid", "")
                field.widget.attrs["class"] = css + (" is-invalid" if name in self.errors else "")

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        costs = {
            name.removeprefix("cost_"): data.pop(name) or Decimal(0) for name in self.COST_FIELDS
        }
        data["costs"] = costs
        data["valid_until"] = data.get("valid_until") or None
        return data

    @staticmethod
    def initial_from(quotation: Quotation) -> dict[str, Any]:
        initial = {
            name: getattr(quotation, name)
            for name in (
                "buyer",
                "consignee",
                "notify_party",
                "currency",
                "incoterm",
                "named_place",
                "named_place_name",
                "payment_terms",
                "deposit_percent",
                "payment_days",
                "valid_until",
                "lead_time_days",
                "packing",
                "notes",
                "language",
                *QuotationForm.COST_FIELDS,
            )
        }
        if quotation.fx_source == "user":
            initial["fx_rate"] = quotation.fx_rate
        return initial


@dataclass
class LineRow:
    """One line row of the quotation form, as typed (strings) with its errors."""

    sku: str = ""
    description: str = ""
    quantity: str = ""
    unit_price: str = ""
    errors: list[str] = field(default_factory=list)


_ROW_KEY = re.compile(r"^lines-(\d+)-(sku|description|quantity|unit_price)$")


def rows_from(data: QueryDict) -> list[LineRow]:
    """The line rows posted by the form, in their order."""
    found: dict[int, LineRow] = {}
    for key in data:
        match = _ROW_KEY.match(key)
        if match and int(match.group(1)) < 500:
            row = found.setdefault(int(match.group(1)), LineRow())
            setattr(row, match.group(2), data.get(key, "").strip()[:1000])
    return [found[index] for index in sorted(found)]


def rows_from_quotation(quotation: Quotation) -> list[LineRow]:
    return [
        LineRow(
            sku=str(line.sku_id or ""),
            description="" if line.sku_id else line.description_in(quotation.language),
            quantity=f"{line.quantity.normalize():f}",
            unit_price=f"{line.unit_price.normalize():f}",
        )
        for line in quotation.lines.all()
    ]


def line_inputs(rows: list[LineRow], language: str) -> list[LineInput] | None:
    """Service inputs from the rows; None (with errors on the rows) when one is malformed."""
    inputs: list[LineInput] = []
    ok = True
    for row in rows:
        if not (row.sku or row.description or row.quantity or row.unit_price):
            continue
        try:
            quantity = Decimal(row.quantity.replace(",", ""))
            price = Decimal(row.unit_price.replace(",", "")) if row.unit_price else None
            if not quantity.is_finite() or (price is not None and not price.is_finite()):
                raise InvalidOperation
        except InvalidOperation:
            row.errors.append(str(_("Quantity and price must be numbers.")))
            ok = False
            continue
        sku_id = int(row.sku) if row.sku.isdigit() else None
        inputs.append(
            LineInput(
                quantity=quantity,
                sku_id=sku_id,
                description={language if language in ("en", "zh", "es") else "en": row.description},
                unit_price=price,
            )
        )
    return inputs if ok else None


class ChangeRequestForm(StyledFormMixin, forms.Form):
    message = forms.CharField(
        label=_("What should change?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class AcceptForm(StyledFormMixin, forms.Form):
    buyer_reference = forms.CharField(
        label=_("Your purchase order number (optional)"), max_length=60, required=False
    )
