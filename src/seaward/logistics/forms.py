"""Forms of the logistics pages (parse and validate shape; the services decide the rules)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin
from seaward.logistics import milestones
from seaward.logistics.models import ShipmentMode, Warehouse
from seaward.logistics.services import PLANNABLE, CartonInput


class QuerysetsMixin:
    """Give model choice fields their tenant's querysets before StyledFormMixin validates."""

    def __init__(self, *args: Any, querysets: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (querysets or {}).items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]


DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ShipmentForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=ShipmentMode.choices)
    buyer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Buyer"), queryset=None)  # type: ignore[arg-type]
    consignee: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Consignee"), queryset=None, required=False
    )  # type: ignore[arg-type]
    notify_party: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Notify party"), queryset=None, required=False
    )  # type: ignore[arg-type]
    forwarder: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Forwarder"), queryset=None, required=False
    )  # type: ignore[arg-type]
    origin = forms.CharField(label=_("Origin (UN/LOCODE)"), max_length=12, initial="CNNBO")
    destination = forms.CharField(label=_("Destination (UN/LOCODE)"), max_length=12)
    carrier = forms.CharField(label=_("Carrier"), max_length=120, required=False)
    booking_number = forms.CharField(label=_("Booking number"), max_length=40, required=False)
    etd = forms.DateTimeField(label=_("ETD"), required=False, widget=DATETIME)
    order: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Sales order carried"), queryset=None, required=False
    )  # type: ignore[arg-type]
    destination_warehouse: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Destination warehouse"),
        queryset=None,
        required=False,  # type: ignore[arg-type]
    )
    plan: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Loading plan"), queryset=None, required=False
    )  # type: ignore[arg-type]

    def __init__(
        self, *args: Any, parties: Any, orders: Any, warehouses: Any, plans: Any, **kwargs: Any
    ) -> None:
        super().__init__(
            *args,
            querysets={
                "buyer": parties.filter(is_buyer=True),
                "consignee": parties.filter(is_consignee=True),
                "notify_party": parties.filter(is_notify_party=True),
                "forwarder": parties.filter(is_forwarder=True),
                "order": orders,
                "destination_warehouse": warehouses,
                "plan": plans,
            },
            **kwargs,
        )


class BookForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    booking_number = forms.CharField(label=_("Booking number"), max_length=40)
    carrier = forms.CharField(label=_("Carrier"), max_length=120, required=False)


class ContainerForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    container_type = forms.ChoiceField(
        label=_("Type"), choices=[(c, c) for c in ("20GP", "40GP", "40HC", "20RF", "40RH")]
    )
    number = forms.CharField(
        label=_("Container number"),
        max_length=20,
        required=False,
        help_text=_("ISO 6346, e.g. MSKU1234565"),
    )
    seal_numbers = forms.CharField(label=_("Seal numbers"), max_length=200, required=False)

    def __init__(self, *args: Any, types: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if types:
            self.fields["container_type"].choices = [(c, c) for c in types]  # type: ignore[attr-defined]


def _choices(codes: dict[str, str]) -> list[tuple[str, Any]]:
    return [(code, f"{code} — {_(label)}") for code, label in codes.items()]


class EventForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    code = forms.ChoiceField(
        label=_("Event"),
        choices=[
            (f"{kind}:{code}", f"{kind.title()} · {code} — {_(label)}")
            for kind, codes in milestones.CODES.items()
            for code, label in codes.items()
        ],
    )
    classifier = forms.ChoiceField(
        label=_("Classifier"),
        choices=[("ACT", _("Actual")), ("EST", _("Estimated")), ("PLN", _("Planned"))],
    )
    date_time = forms.DateTimeField(label=_("Time"), widget=DATETIME)
    location = forms.CharField(label=_("Location (UN/LOCODE)"), max_length=12, required=False)
    container = forms.CharField(label=_("Container"), max_length=20, required=False)
    empty_indicator = forms.ChoiceField(
        label=_("Empty / laden"),
        choices=[("", "—"), ("EMPTY", _("Empty")), ("LADEN", _("Laden"))],
        required=False,
    )
    vessel = forms.CharField(label=_("Vessel"), max_length=100, required=False)
    voyage = forms.CharField(label=_("Voyage"), max_length=40, required=False)

    def event(self) -> milestones.EventInput:
        kind, code = self.cleaned_data["code"].split(":", 1)
        return milestones.EventInput(
            event_type=kind,
            classifier=self.cleaned_data["classifier"],
            code=code,
            date_time=self.cleaned_data["date_time"],
            location=self.cleaned_data["location"],
            container=self.cleaned_data["container"],
            empty_indicator=self.cleaned_data["empty_indicator"],
            vessel=self.cleaned_data["vessel"],
            voyage=self.cleaned_data["voyage"],
        )


class ImportForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file of events"), help_text=", ".join(milestones.CSV_COLUMNS)
    )


class PlanForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    order: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Cartons of a sales order"), queryset=None, required=False
    )  # type: ignore[arg-type]
    cartons = forms.CharField(
        label=_("Or carton types, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "A, 60, 40, 35, 18, 400, up"}),
        help_text=_("ref, length cm, width cm, height cm, kg, quantity, and “up” for this side up"),
    )
    containers = forms.MultipleChoiceField(
        label=_("Containers to choose from"),
        choices=[(c, c) for c in PLANNABLE],
        initial=["40HC"],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, orders: Any, **kwargs: Any) -> None:
        super().__init__(*args, querysets={"order": orders}, **kwargs)
        self.fields["containers"].widget.attrs["class"] = "form-check-input"

    def clean_cartons(self) -> list[CartonInput]:
        out = []
        for number, raw in enumerate(self.cleaned_data["cartons"].splitlines(), start=1):
            if not raw.strip():
                continue
            parts = [p.strip() for p in raw.split(",")]
            try:
                if len(parts) < 6:
                    raise ValueError
                dims = [Decimal(p) for p in parts[1:5]]
                quantity = int(parts[5])
                if min(dims) <= 0 or max(dims) > 100000 or not 0 < quantity <= 20000:
                    raise ValueError
            except (ValueError, InvalidOperation):
                raise forms.ValidationError(
                    _("Line %(n)s: write ref, length, width, height, kg, quantity."),
                    params={"n": number},
                ) from None
            out.append(
                CartonInput(
                    ref=parts[0][:40] or f"C{number}",
                    length_cm=dims[0],
                    width_cm=dims[1],
                    height_cm=dims[2],
                    weight_kg=dims[3],
                    quantity=quantity,
                    this_side_up=len(parts) > 6 and parts[6].lower() in ("up", "y", "yes", "1"),
                )
            )
        return out

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("order") and not data.get("cartons") and not self.errors:
            raise forms.ValidationError(_("Choose a sales order or enter carton types."))
        return data


class WarehouseForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    code = forms.CharField(label=_("Code"), max_length=20)
    kind = forms.ChoiceField(label=_("Kind"), choices=Warehouse.Kind.choices)
    operator = forms.CharField(label=_("Operator"), max_length=200, required=False)
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2)
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    port = forms.CharField(label=_("Nearest port (UN/LOCODE)"), max_length=12, required=False)
    allow_negative = forms.BooleanField(label=_("Allow negative stock"), required=False)


class AdjustForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Movement"),
        choices=[("adjustment", _("Adjustment")), ("outbound", _("Outbound to a customer"))],
    )
    sku: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("SKU"), queryset=None)  # type: ignore[arg-type]
    quantity = forms.IntegerField(label=_("Quantity"), min_value=-(10**9), max_value=10**9)
    reason = forms.CharField(label=_("Reason or order"), max_length=300, required=False)

    def __init__(self, *args: Any, skus: Any, **kwargs: Any) -> None:
        super().__init__(*args, querysets={"sku": skus}, **kwargs)


class ReceiveForm(StyledFormMixin, QuerysetsMixin, forms.Form):
    warehouse: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Receive into"), queryset=None
    )  # type: ignore[arg-type]

    def __init__(self, *args: Any, warehouses: Any, **kwargs: Any) -> None:
        super().__init__(*args, querysets={"warehouse": warehouses}, **kwargs)
