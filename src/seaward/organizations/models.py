"""Organizations (tenants), users, memberships, invitations, API tokens, parties, audit."""

from __future__ import annotations

from typing import Any, ClassVar

import pycountry
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel
from seaward.organizations.roles import Role


def validate_country(value: str) -> None:
    if value and pycountry.countries.get(alpha_2=value) is None:
        raise ValidationError(_("Unknown country code: %(code)s"), params={"code": value})


def validate_time_zone(value: str) -> None:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("Unknown time zone: %(zone)s"), params={"zone": value}) from None


class Organization(models.Model):
    class Kind(models.TextChoices):
        EXPORTER = "exporter", _("Exporter")
        BUYER = "buyer", _("Buyer")
        FAIR_ORGANIZER = "fair_organizer", _("Fair organizer")
        SERVICE_PROVIDER = "service_provider", _("Service provider")

    name = models.CharField(_("name"), max_length=200)
    legal_name = models.CharField(_("legal name"), max_length=300, blank=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, validators=[validate_country])
    city = models.CharField(_("city"), max_length=120, blank=True)
    home_currency = models.CharField(_("home currency"), max_length=3, default="CNY")
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    default_language = models.CharField(
        _("default language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    screening_threshold = models.PositiveSmallIntegerField(
        _("screening alert threshold"),
        # The matching engine's calibrated default (compliance.matching.DEFAULT_ALERT_THRESHOLD).
        default=80,
        help_text=_("Hits scoring at or above this (0–100) open an alert."),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: follow the browser."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    last_organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    REQUIRED_FIELDS: ClassVar[list[str]] = ["email"]  # type: ignore[misc]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.email or self.username


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")
        ]
        ordering = ["organization__name"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"


class Invitation(TenantModel):
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class ApiToken(models.Model):
    """A personal API token: acts for its user in the organization it was created in."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} (sw_{self.prefix}_…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Party(TenantModel):
    """A counterparty in an organization's address book."""

    name = models.CharField(_("name"), max_length=300)
    legal_name = models.CharField(_("legal name"), max_length=300, blank=True)
    is_buyer = models.BooleanField(_("buyer"), default=False)
    is_consignee = models.BooleanField(_("consignee"), default=False)
    is_notify_party = models.BooleanField(_("notify party"), default=False)
    is_bank = models.BooleanField(_("bank"), default=False)
    is_forwarder = models.BooleanField(_("forwarder"), default=False)
    is_supplier = models.BooleanField(_("supplier"), default=False)
    country = models.CharField(_("country"), max_length=2, validators=[validate_country])
    address_line1 = models.CharField(_("address"), max_length=300, blank=True)
    address_line2 = models.CharField(_("address (line 2)"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=30, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    tax_id = models.CharField(_("tax / VAT id"), max_length=60, blank=True)
    swift_bic = models.CharField(_("SWIFT/BIC"), max_length=11, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    linked_organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organization on Seaward"),
        help_text=_("The party's own organization, when it uses Seaward (e.g. a buyer)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    ROLE_FIELDS: ClassVar[tuple[str, ...]] = (
        "is_buyer",
        "is_consignee",
        "is_notify_party",
        "is_bank",
        "is_forwarder",
        "is_supplier",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        indexes = [models.Index(fields=["organization", "name"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_buyer=True)
                | Q(is_consignee=True)
                | Q(is_notify_party=True)
                | Q(is_bank=True)
                | Q(is_forwarder=True)
                | Q(is_supplier=True),
                name="party_has_a_role",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def role_labels(self) -> list[Any]:
        return [role_label(f) for f in self.ROLE_FIELDS if getattr(self, f)]


def role_label(field_name: str) -> Any:
    """The translated label of one of the party's role flags."""
    field = Party._meta.get_field(field_name)
    assert isinstance(field, models.BooleanField)
    return field.verbose_name


class PartyContact(TenantModel):
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AuditEntry(TenantModel):
    """Who did what to which object of an organization; before/after where it matters."""

    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "-created_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor_label} {self.action} {self.object_type}#{self.object_id}"
