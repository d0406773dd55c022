"""Fair: events, exhibitors, products on show, booth samples, leads, sourcing requests,
matches, meetings and schedules.

Who owns what (see docs/adr/0006-fair-web-layer.md): the organizer owns its event and
venues; an exhibitor owns its registration, its products on show, samples, leads and the
product vectors; a buyer owns its sourcing requests and their matches; a meeting is owned
by whoever asked for it and shared with the other party and the event's organizer. A
*published* event is open to every signed-in organization (it is an announcement); a
draft is its organizer's alone.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel
from seaward.organizations.models import validate_country, validate_time_zone


def new_token() -> str:
    """An unguessable public token (QR codes, visitor links)."""
    return secrets.token_urlsafe(12)


class EventKind(models.TextChoices):
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (online + hall abroad)")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class Event(TenantModel):
    """A fair run by an organizer; dates and slots are in the organizer's time zone."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    description = models.TextField(_("description"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    day_starts_at = models.TimeField(_("meetings start at"), default="09:00")
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    slots_per_day = models.PositiveSmallIntegerField(
        _("slots per day"), default=16, validators=[MinValueValidator(1), MaxValueValidator(48)]
    )
    tables = models.PositiveSmallIntegerField(
        _("meeting tables in the hall"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1000)],
        help_text=_("Hybrid events: tables per slot. Empty: online meetings only."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="fair_event_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class Venue(TenantModel):
    """A hall abroad where samples are shown (hybrid events)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="venues")
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, validators=[validate_country])
    hall = models.CharField(_("hall"), max_length=80, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        ordering = ["city", "hall"]
        verbose_name = _("venue")

    def __str__(self) -> str:
        return f"{self.city} {self.hall}".strip()


class Exhibitor(TenantModel):
    """An exporter's registration to an event (owned by the exporter, seen by the organizer)."""

    shared_via = ("event__organization",)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="exhibitors")
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="exhibitors"
    )
    booth_number = models.CharField(_("booth"), max_length=20, blank=True)
    ships_to = models.JSONField(
        _("ships to"),
        default=list,
        blank=True,
        help_text=_("Country codes you deliver to; empty means anywhere."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Shanghai", validators=[validate_time_zone]
    )
    available_slots = models.JSONField(
        _("available slots"), default=list, blank=True, help_text=_("Empty means every slot.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["booth_number", "id"]
        verbose_name = _("exhibitor")
        constraints = [
            models.UniqueConstraint(fields=["event", "organization"], name="fair_one_exhibitor")
        ]

    def __str__(self) -> str:
        return f"{self.organization} @ {self.event}"


class Participant(TenantModel):
    """A buyer organization taking part in an event: its time zone and availability."""

    shared_via = ("event__organization",)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    available_slots = models.JSONField(_("available slots"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "organization"], name="fair_one_participant")
        ]


class ShowProduct(TenantModel):
    """A catalog product an exhibitor puts on show at an event."""

    shared_via = ("exhibitor__event__organization",)

    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="products")
    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("product on show")
        constraints = [
            models.UniqueConstraint(fields=["exhibitor", "product"], name="fair_product_once")
        ]


class Sample(TenantModel):
    """A physical sample in a booth abroad; its QR code opens the public product page."""

    show_product = models.ForeignKey(ShowProduct, on_delete=models.CASCADE, related_name="samples")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    label = models.CharField(_("label"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("sample")


class ProductCertification(TenantModel):
    """A certification a product holds (CE, FCC, RoHS, UL, FDA …)."""

    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, related_name="fair_certifications"
    )
    code = models.CharField(_("certification"), max_length=20)
    number = models.CharField(_("certificate number"), max_length=80, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["product", "code"], name="fair_certification_once")
        ]


class ProductImage(TenantModel):
    """A validated product photo (re-encoded, metadata dropped) with its thumbnail."""

    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="+")
    content = models.BinaryField()
    thumbnail = models.BinaryField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]


class ProductGreen(TenantModel):
    """Green attributes of a product: materials, eco-labels, carbon footprint if known."""

    product = models.OneToOneField("catalog.Product", on_delete=models.CASCADE, related_name="+")
    materials = models.CharField(_("materials"), max_length=300, blank=True)
    eco_labels = models.CharField(_("eco-labels"), max_length=200, blank=True)
    carbon_kg_co2e = models.DecimalField(
        _("carbon footprint (kg CO2e per unit)"),
        max_digits=12,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    recycled_share_percent = models.PositiveSmallIntegerField(
        _("recycled content (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )


class ProductVector(TenantModel):
    """One embedded text of a product (float32 bytes), so matching never re-embeds it."""

    product = models.ForeignKey("catalog.Product", on_delete=models.CASCADE, related_name="+")
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()
    model_name = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "text_hash"], name="fair_vector_once")
        ]
        indexes = [models.Index(fields=["text_hash"])]


class Touch(TenantModel):
    """A visit to a public product page, or a QR scan of a sample (the funnel's top)."""

    shared_via = ("event__organization",)

    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        SCAN = "scan", _("Scan")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    sample = models.ForeignKey(Sample, null=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class LeadKind(models.TextChoices):
    QUOTE = "quote", _("Quote request")
    MEETING = "meeting", _("Meeting request")
    RFQ = "rfq", _("Sourcing request match")


class Lead(TenantModel):
    """A prospective buyer for the exporter, from a scan, a form or a match."""

    shared_via = ("buyer_organization",)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    show_product = models.ForeignKey(
        ShowProduct, null=True, blank=True, on_delete=models.SET_NULL, related_name="leads"
    )
    sample = models.ForeignKey(Sample, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(_("kind"), max_length=10, choices=LeadKind.choices)
    name = models.CharField(_("name"), max_length=200)
    company = models.CharField(_("company"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    buyer_organization = models.ForeignKey(
        "organizations.Organization", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lead")

    def __str__(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name


class RfqStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SourcingRequest(TenantModel):
    """A buyer's request for quotation (RFQ), posted to an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requests")
    text = models.TextField(_("what you are looking for"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    quantity = models.PositiveIntegerField(
        _("quantity"), validators=[MinValueValidator(1), MaxValueValidator(10**9)]
    )
    target_price = models.DecimalField(
        _("target unit price"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    destination_country = models.CharField(
        _("destination country"), max_length=2, validators=[validate_country]
    )
    required_certifications = models.JSONField(
        _("required certifications"), default=list, blank=True
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=RfqStatus.choices, default=RfqStatus.OPEN)
    matched_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sourcing request")


class RfqMatch(TenantModel):
    """One ranked match of a sourcing request to a product on show (seen by both sides)."""

    shared_via = ("exhibitor__organization",)

    request = models.ForeignKey(SourcingRequest, on_delete=models.CASCADE, related_name="matches")
    show_product = models.ForeignKey(ShowProduct, on_delete=models.CASCADE, related_name="+")
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    explanation = models.JSONField(default=dict)

    class Meta:
        ordering = ["request", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["request", "show_product"], name="fair_match_once")
        ]


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    HELD = "held", _("Held")


BOOKED = [MeetingStatus.ACCEPTED, MeetingStatus.HELD]


class Meeting(TenantModel):
    """A 1:1 meeting between an exhibitor and a buyer (an organization or a visitor's lead)."""

    shared_via = ("exhibitor_organization", "buyer_organization", "event__organization")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="meetings")
    exhibitor_organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+"
    )
    buyer_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    lead = models.ForeignKey(Lead, null=True, blank=True, on_delete=models.SET_NULL)
    buyer_time_zone = models.CharField(max_length=64, default="UTC")
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.REQUESTED
    )
    priority = models.PositiveSmallIntegerField(
        default=2, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    message = models.TextField(_("message"), blank=True)
    slot = models.IntegerField(null=True, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    table = models.PositiveSmallIntegerField(null=True, blank=True)
    video_url = models.URLField(blank=True)
    visitor_token = models.CharField(max_length=32, unique=True, default=new_token)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("meeting")
        constraints = [
            # No double booking: one booked meeting per party and slot, one per table and slot.
            models.UniqueConstraint(
                fields=["event", "exhibitor", "slot"],
                condition=Q(status__in=BOOKED),
                name="fair_exhibitor_not_double_booked",
            ),
            models.UniqueConstraint(
                fields=["event", "buyer_organization", "slot"],
                condition=Q(status__in=BOOKED, buyer_organization__isnull=False),
                name="fair_buyer_not_double_booked",
            ),
            models.UniqueConstraint(
                fields=["event", "lead", "slot"],
                condition=Q(status__in=BOOKED, lead__isnull=False),
                name="fair_visitor_not_double_booked",
            ),
            models.UniqueConstraint(
                fields=["event", "table", "slot"],
                condition=Q(status__in=BOOKED, table__isnull=False),
                name="fair_table_not_double_booked",
            ),
        ]


class ScheduleRun(TenantModel):
    """One run of the organizer's scheduler: the optimizer beside the greedy baseline."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    requests = models.PositiveIntegerField()
    objective = models.PositiveIntegerField()
    bound = models.PositiveIntegerField()
    status = models.CharField(max_length=12)
    seconds = models.FloatField()
    greedy_objective = models.PositiveIntegerField()
    greedy_seconds = models.FloatField()
    assignments = models.JSONField(default=list)
    applied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class CatalogImport(TenantModel):
    """A bulk product import: the checked rows kept for the preview, then its progress."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    file_name = models.CharField(max_length=200)
    rows = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r["errors"])

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 100
