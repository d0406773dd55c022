"""Forms of the fair pages (parse input; the services hold the rules)."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin
from seaward.fair.models import EventKind, LeadKind
from seaward.fair.selectors import SlotTime

CERTIFICATION_CHOICES = [
    (c, c) for c in ("CE", "FCC", "ROHS", "UL", "FDA", "LFGB", "GS", "CCC", "REACH", "ISO9001")
]


def _revalidate(form: forms.Form) -> None:
    """Validate again after choices were set: the styling mixin validated a bound form early."""
    form._errors = None  # type: ignore[attr-defined]  # reset the cached validation
    for name, field in form.fields.items():
        css = field.widget.attrs.get("class", "").replace(" is-invalid", "")
        if form.is_bound and name in form.errors:
            css += " is-invalid"
        field.widget.attrs["class"] = css


def _zone_choices() -> list[tuple[str, str]]:
    return [(z, z) for z in sorted(zoneinfo.available_timezones()) if "/" in z]


class EventForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_zone_choices)
    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    day_starts_at = forms.TimeField(
        label=_("Meetings start at"),
        initial="09:00",
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    slot_minutes = forms.IntegerField(
        label=_("Slot length (minutes)"), min_value=10, max_value=240, initial=30
    )
    slots_per_day = forms.IntegerField(
        label=_("Slots per day"), min_value=1, max_value=48, initial=16
    )
    tables = forms.IntegerField(
        label=_("Meeting tables in the hall"), min_value=0, max_value=1000, required=False
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VenueForm(StyledFormMixin, forms.Form):
    city = forms.CharField(
        label=_("City"),
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("City"), "aria-label": _("City")}),
    )
    country = forms.CharField(
        label=_("Country (ISO code)"),
        max_length=2,
        min_length=2,
        widget=forms.TextInput(
            attrs={"placeholder": _("Country (ISO code)"), "aria-label": _("Country (ISO code)")}
        ),
    )
    hall = forms.CharField(
        label=_("Hall"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Hall"), "aria-label": _("Hall")}),
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)


class ExhibitorForm(StyledFormMixin, forms.Form):
    booth_number = forms.CharField(label=_("Booth number"), max_length=20, required=False)
    venue = forms.TypedChoiceField(label=_("Venue"), coerce=int, required=False, empty_value=None)
    ships_to = forms.CharField(
        label=_("Ships to (country codes, comma separated; empty: anywhere)"),
        required=False,
        max_length=600,
    )
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=_zone_choices)

    def __init__(self, *args: Any, venues: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["venue"].choices = [("", "—"), *venues]  # type: ignore[attr-defined]
        _revalidate(self)

    def countries(self) -> list[str]:
        raw = self.cleaned_data.get("ships_to") or ""
        return [c.strip().upper() for c in raw.replace(";", ",").split(",") if c.strip()]


class ShowProductForm(StyledFormMixin, forms.Form):
    product = forms.TypedChoiceField(label=_("Product"), coerce=int)

    def __init__(self, *args: Any, products: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = products  # type: ignore[attr-defined]
        _revalidate(self)


class CertificationsForm(StyledFormMixin, forms.Form):
    codes = forms.MultipleChoiceField(
        label=_("Certifications"),
        choices=CERTIFICATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class GreenForm(StyledFormMixin, forms.Form):
    materials = forms.CharField(label=_("Materials"), max_length=300, required=False)
    eco_labels = forms.CharField(label=_("Eco-labels"), max_length=200, required=False)
    carbon_kg_co2e = forms.DecimalField(
        label=_("Carbon footprint (kg CO2e per unit)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=3,
    )
    recycled_share_percent = forms.IntegerField(
        label=_("Recycled content (%)"), required=False, min_value=0, max_value=100
    )


class ImageForm(StyledFormMixin, forms.Form):
    image = forms.FileField(label=_("Photo (JPEG, PNG or WebP, up to 8 MB)"))


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Products file (CSV UTF-8 or Excel .xlsx, up to 5 MB)"))


def slot_choices(slots: list[SlotTime], zones: list[str]) -> list[tuple[int, str]]:
    """Each slot labelled in every zone given (the viewer's first)."""
    labels = []
    for s in slots:
        parts = [f"{s.local(z):%a %d %b %H:%M} ({z})" for z in dict.fromkeys(zones)]
        labels.append((s.index, " · ".join(parts)))
    return labels


class PublicLeadForm(StyledFormMixin, forms.Form):
    """The booth visitor's form: a quote request or a meeting with the factory."""

    kind = forms.ChoiceField(
        choices=[(LeadKind.QUOTE, _("Request a quote")), (LeadKind.MEETING, _("Book a meeting"))],
        widget=forms.HiddenInput,
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    country = forms.CharField(label=_("Country (ISO code)"), max_length=2, required=False)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=10**9, required=False)
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    slot = forms.TypedChoiceField(
        label=_("Preferred time"), coerce=int, required=False, empty_value=None
    )
    time_zone = forms.CharField(
        max_length=64, required=False, widget=forms.HiddenInput(attrs={"class": "js-visitor-tz"})
    )

    def __init__(self, *args: Any, slots: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [("", "—"), *slots]  # type: ignore[attr-defined]
        _revalidate(self)

    def clean_time_zone(self) -> str:
        zone = self.cleaned_data.get("time_zone") or ""
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return ""
        return zone


class RequestForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("What are you looking for? (any language)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=10**9)
    target_price = forms.DecimalField(
        label=_("Target unit price"), required=False, min_value=0, max_digits=16, decimal_places=4
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, min_length=3, initial="EUR")
    destination_country = forms.CharField(
        label=_("Destination country (ISO code)"), max_length=2, min_length=2
    )
    required_certifications = forms.MultipleChoiceField(
        label=_("Required certifications"),
        choices=CERTIFICATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class MeetingRequestForm(StyledFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        coerce=int,
        initial=2,
        choices=[(1, _("Must meet")), (2, _("Would like to meet")), (3, _("If there is time"))],
    )
    slot = forms.TypedChoiceField(
        label=_("Preferred time"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, slots: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [("", "—"), *slots]  # type: ignore[attr-defined]
        _revalidate(self)


class AcceptForm(StyledFormMixin, forms.Form):
    slot = forms.TypedChoiceField(label=_("Time"), coerce=int)

    def __init__(self, *args: Any, slots: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = slots  # type: ignore[attr-defined]
        _revalidate(self)


class ParticipantForm(StyledFormMixin, forms.Form):
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=_zone_choices)
