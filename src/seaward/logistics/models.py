"""Logistics: shipments, containers, milestone events, loading plans, overseas warehouses.

Every model is tenant-owned by the exporter. A shipment is shared with the buyer's own
organization (``buyer_organization``) so the buyer portal can follow it, read-only.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel
from seaward.logistics import milestones


class ShipmentMode(models.TextChoices):
    SEA_FCL = "sea_fcl", _("Sea, full container (FCL)")
    SEA_LCL = "sea_lcl", _("Sea, less than container (LCL)")
    AIR = "air", _("Air")
    RAIL = "rail", _("Rail")
    EXPRESS = "express", _("Express courier")


class ShipmentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    BOOKED = "booked", _("Booked")
    RELEASED = "released", _("Released")
    IN_TRANSIT = "in_transit", _("In transit")
    ARRIVED = "arrived", _("Arrived")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class Shipment(TenantModel):
    number = models.CharField(_("number"), max_length=30)
    mode = models.CharField(_("mode"), max_length=10, choices=ShipmentMode.choices)
    state = models.CharField(
        _("state"), max_length=12, choices=ShipmentState.choices, default=ShipmentState.DRAFT
    )
    buyer = models.ForeignKey(
        "organizations.Party", on_delete=models.PROTECT, related_name="+", verbose_name=_("buyer")
    )
    consignee = models.ForeignKey(
        "organizations.Party",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("consignee"),
    )
    notify_party = models.ForeignKey(
        "organizations.Party",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("notify party"),
    )
    forwarder = models.ForeignKey(
        "organizations.Party",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("forwarder"),
    )
    buyer_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    carrier = models.CharField(_("carrier"), max_length=120, blank=True)
    booking_number = models.CharField(_("booking number"), max_length=40, blank=True)
    bl_number = models.CharField(_("bill of lading number"), max_length=40, blank=True)
    origin = models.CharField(_("origin (UN/LOCODE)"), max_length=5)
    origin_name = models.CharField(_("origin"), max_length=120, blank=True)
    destination = models.CharField(_("destination (UN/LOCODE)"), max_length=5)
    destination_name = models.CharField(_("destination"), max_length=120, blank=True)
    distance_km = models.DecimalField(
        _("sea distance (km)"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    transit_days = models.DecimalField(
        _("transit estimate (days)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    etd = models.DateTimeField(_("ETD"), null=True, blank=True)
    eta = models.DateTimeField(_("ETA"), null=True, blank=True)
    destination_warehouse = models.ForeignKey(
        "logistics.Warehouse",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("destination warehouse"),
    )
    orders = models.ManyToManyField(
        "sales.SalesOrder", blank=True, related_name="+", verbose_name=_("sales orders")
    )
    released_at = models.DateTimeField(null=True, blank=True)
    departed_at = models.DateTimeField(null=True, blank=True)
    arrived_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    shared_via: ClassVar[tuple[str, ...]] = ("buyer_organization",)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="shipment_number_per_org"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "booking_number"]),
            models.Index(fields=["organization", "bl_number"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.origin}→{self.destination}"


class ShipmentContainer(TenantModel):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="containers")
    container_type = models.CharField(_("container type"), max_length=8)
    number = models.CharField(_("container number"), max_length=11, blank=True)
    seal_numbers = models.CharField(_("seal numbers"), max_length=200, blank=True)
    plan = models.ForeignKey(
        "logistics.LoadPlan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan_index = models.PositiveSmallIntegerField(default=0)

    shared_via: ClassVar[tuple[str, ...]] = ("shipment__buyer_organization",)

    class Meta:
        ordering = ["shipment", "id"]
        verbose_name = _("container")
        verbose_name_plural = _("containers")

    def __str__(self) -> str:
        return f"{self.container_type} {self.number or '—'}"


class ShipmentLine(TenantModel):
    """A sales-order line (or part of one) and its cartons, carried by the shipment."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    order = models.ForeignKey(
        "sales.SalesOrder", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    order_line = models.ForeignKey(
        "sales.QuotationLine", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sku = models.ForeignKey(
        "catalog.Sku", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sku_code = models.CharField(_("SKU"), max_length=60, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    cartons = models.PositiveIntegerField(_("cartons"), default=0)

    shared_via: ClassVar[tuple[str, ...]] = ("shipment__buyer_organization",)

    class Meta:
        ordering = ["shipment", "id"]
        verbose_name = _("shipment line")
        verbose_name_plural = _("shipment lines")

    def __str__(self) -> str:
        return f"{self.sku_code} × {self.quantity}"


class ShipmentEvent(TenantModel):
    """One DCSA Track & Trace event (shipment, transport or equipment; PLN / EST / ACT)."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        CSV = "csv", _("Imported from a file")
        API = "api", _("Posted through the API")
        DEMO = "demo", _("Demo data")

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    event_type = models.CharField(_("event type"), max_length=10)
    classifier = models.CharField(_("classifier"), max_length=3)
    code = models.CharField(_("code"), max_length=4)
    date_time = models.DateTimeField(_("time"))
    location = models.CharField(_("location (UN/LOCODE)"), max_length=5, blank=True)
    container = models.CharField(_("container"), max_length=11, blank=True)
    empty_indicator = models.CharField(_("empty / laden"), max_length=5, blank=True)
    vessel = models.CharField(_("vessel"), max_length=100, blank=True)
    voyage = models.CharField(_("voyage"), max_length=40, blank=True)
    description = models.CharField(_("description"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    shared_via: ClassVar[tuple[str, ...]] = ("shipment__buyer_organization",)

    class Meta:
        ordering = ["date_time", "id"]
        verbose_name = _("milestone event")
        verbose_name_plural = _("milestone events")

    def __str__(self) -> str:
        return f"{self.classifier} {self.code} {self.date_time:%Y-%m-%d}"

    @property
    def label(self) -> Any:
        return _(milestones.label(self.event_type, self.code))


class LoadPlan(TenantModel):
    """A stored container loading plan: the cartons asked for and the planner's answer."""

    name = models.CharField(_("name"), max_length=120)
    order = models.ForeignKey(
        "sales.SalesOrder", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    container_choice = models.JSONField(_("container types offered"), default=list)
    cartons = models.JSONField(_("cartons"), default=list)
    result = models.JSONField(_("plan"), default=dict)
    container_count = models.PositiveSmallIntegerField(default=0)
    volume_utilization = models.FloatField(default=0.0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("loading plan")
        verbose_name_plural = _("loading plans")

    def __str__(self) -> str:
        return self.name


class Warehouse(TenantModel):
    class Kind(models.TextChoices):
        OWN = "own", _("Own warehouse")
        THIRD_PARTY = "3pl", _("Third-party (3PL)")

    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(_("code"), max_length=20)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices, default=Kind.THIRD_PARTY)
    operator = models.CharField(_("operator"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2)
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    port = models.CharField(_("nearest port (UN/LOCODE)"), max_length=5, blank=True)
    allow_negative = models.BooleanField(
        _("allow negative stock"),
        default=False,
        help_text=_("Only for warehouses that ship before the goods are booked in."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="warehouse_code_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class StockLevel(TenantModel):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE, related_name="levels")
    sku = models.ForeignKey("catalog.Sku", on_delete=models.PROTECT, related_name="+")
    on_hand = models.IntegerField(_("on hand"), default=0)
    reserved = models.IntegerField(_("reserved"), default=0)
    in_transit = models.IntegerField(_("in transit"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["warehouse", "sku__code"]
        verbose_name = _("stock level")
        verbose_name_plural = _("stock levels")
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "sku"], name="one_stock_row_per_sku")
        ]

    def __str__(self) -> str:
        return f"{self.warehouse.code} {self.sku.code}: {self.on_hand}"

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


class StockMovement(TenantModel):
    """One line of the append-only stock ledger."""

    class Kind(models.TextChoices):
        INBOUND = "inbound", _("Inbound")
        OUTBOUND = "outbound", _("Outbound")
        ADJUSTMENT = "adjustment", _("Adjustment")
        RESERVE = "reserve", _("Reservation")
        UNRESERVE = "unreserve", _("Reservation released")
        DISPATCH = "dispatch", _("Dispatched to the warehouse")

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="movements")
    sku = models.ForeignKey("catalog.Sku", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    quantity = models.IntegerField(_("quantity"))
    on_hand_delta = models.IntegerField(default=0)
    reserved_delta = models.IntegerField(default=0)
    in_transit_delta = models.IntegerField(default=0)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    shipment = models.ForeignKey(
        Shipment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    order = models.ForeignKey(
        "sales.SalesOrder", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reservation = models.ForeignKey(
        "logistics.Reservation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # When the goods moved: now, or a stock history being loaded (demo, migration from a 3PL).
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="adjustment") | ~Q(reason=""), name="adjustment_has_reason"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.quantity}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("Stock movements are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("Stock movements are append-only.")


class Reservation(TenantModel):
    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        FULFILLED = "fulfilled", _("Shipped")
        RELEASED = "released", _("Released")

    warehouse = models.ForeignKey(Warehouse, on_delete=models.PROTECT, related_name="reservations")
    sku = models.ForeignKey("catalog.Sku", on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(_("quantity"))
    reference = models.CharField(_("for (order or customer)"), max_length=120, blank=True)
    order = models.ForeignKey(
        "sales.SalesOrder", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")

    def __str__(self) -> str:
        return f"{self.sku_id} × {self.quantity} ({self.state})"
