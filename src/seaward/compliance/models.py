"""Restricted-party screening: list snapshots (shared), screenings and alerts (tenant-owned).

List snapshots are shared reference data: every organization screens against the same
published lists. What an organization screened, the alerts it got and the decisions its
reviewers took are its own (``TenantModel``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel

LIST_LABELS = {
    "us_ofac_sdn": _("OFAC Specially Designated Nationals (SDN)"),
    "us_ofac_cons": _("OFAC consolidated non-SDN lists"),
    "un_sc": _("UN Security Council consolidated list"),
    "us_bis_dpl": _("US BIS Denied Persons List"),
    "us_trade_csl": _("US Consolidated Screening List"),
}


class ListSnapshot(models.Model):
    """One publication of one restricted-party list, as loaded; one active per list."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    list_id = models.CharField(_("list"), max_length=40, db_index=True)
    source = models.CharField(_("source"), max_length=300)
    published = models.DateField(_("publication date"), null=True, blank=True)
    entity_count = models.PositiveIntegerField(_("entries"), default=0)
    name_count = models.PositiveIntegerField(_("names"), default=0)
    counts = models.JSONField(_("counts by type"), default=dict)
    checksum = models.CharField(_("content checksum"), max_length=64)
    file_checksum = models.CharField(_("file checksum"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now)
    loaded_by = models.CharField(_("loaded by"), max_length=200, blank=True)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["list_id", "-loaded_at", "-id"]
        verbose_name = _("list snapshot")
        verbose_name_plural = _("list snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["list_id"],
                condition=Q(status="active"),
                name="one_active_snapshot_per_list",
            )
        ]

    def __str__(self) -> str:
        published = self.published.isoformat() if self.published else "undated"
        return f"{self.list_id} {published} #{self.pk}"

    @property
    def list_label(self) -> Any:
        return LIST_LABELS.get(self.list_id, self.list_id)

    def version_label(self) -> str:
        published = self.published.isoformat() if self.published else "undated"
        return f"{self.list_id} · {published} · #{self.pk} · {self.checksum[:12]}"


class ListEntry(models.Model):
    """One listed entity of a snapshot, with the facts the engine scores against."""

    snapshot = models.ForeignKey(ListSnapshot, on_delete=models.CASCADE, related_name="entries")
    entity_id = models.CharField(_("entity id"), max_length=80)
    entity_type = models.CharField(_("type"), max_length=20)
    primary_name = models.CharField(_("name"), max_length=1000)
    names = models.JSONField(_("names"), default=list)  # [[text, strong, kind], …]
    countries = models.JSONField(_("countries"), default=list)
    birth_dates = models.JSONField(_("birth dates"), default=list)
    identifiers = models.JSONField(_("identifiers"), default=list)  # [[kind, value, country]]
    programs = models.JSONField(_("programs"), default=list)
    remarks = models.TextField(_("remarks"), blank=True)
    entry_hash = models.CharField(_("entry hash"), max_length=64)

    class Meta:
        ordering = ["snapshot", "entity_id"]
        verbose_name = _("list entry")
        verbose_name_plural = _("list entries")
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "entity_id"], name="one_entry_per_id")
        ]

    def __str__(self) -> str:
        return f"{self.snapshot.list_id}:{self.entity_id} {self.primary_name}"

    @property
    def list_id(self) -> str:
        return self.snapshot.list_id

    def aliases(self) -> list[dict[str, Any]]:
        return [
            {"text": text, "strong": strong, "kind": kind} for text, strong, kind in self.names[1:]
        ]


class ListDiff(models.Model):
    """What a snapshot changed against the one it superseded (all added for a first load)."""

    snapshot = models.OneToOneField(ListSnapshot, on_delete=models.CASCADE, related_name="diff")
    previous = models.ForeignKey(
        ListSnapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added = models.JSONField(default=list)
    changed = models.JSONField(default=list)
    removed = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("list diff")
        verbose_name_plural = _("list diffs")

    def __str__(self) -> str:
        return f"{self.snapshot}: +{len(self.added)} ~{len(self.changed)} -{len(self.removed)}"


class ScreeningRecord(TenantModel):
    """One screening run: what was checked, when, against which list versions, what it found."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Counterparty")
        ADHOC = "adhoc", _("Ad-hoc")

    class Trigger(models.TextChoices):
        CREATED = "created", _("Counterparty created")
        CHANGED = "changed", _("Counterparty changed")
        LIST_UPDATE = "list_update", _("List update (delta)")
        MANUAL = "manual", _("Re-screened on request")
        GATE = "gate", _("Checked before a transaction")
        ADHOC = "adhoc", _("Ad-hoc check")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    trigger = models.CharField(_("trigger"), max_length=20, choices=Trigger.choices)
    # A deleted party keeps its screening history: the record names what was checked.
    party = models.ForeignKey(
        "organizations.Party",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subjects = models.JSONField(default=list)  # [{kind, id, name, country, type, …}]
    hits = models.JSONField(default=list)  # [{subject, list, entity_id, score, alert, …}]
    lists = models.JSONField(default=list)  # [{snapshot, list_id, source, published, …}]
    threshold = models.PositiveSmallIntegerField(_("alert threshold"))
    delta_of = models.ForeignKey(
        ListSnapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    alert_count = models.PositiveIntegerField(default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("screened at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("screening record")
        verbose_name_plural = _("screening records")

    def __str__(self) -> str:
        names = ", ".join(str(s.get("name", "")) for s in self.subjects[:3])
        return f"{self.get_kind_display()} {names} @ {self.created_at:%Y-%m-%d %H:%M}"


class PartyScreening(TenantModel):
    """How current a party's screening is: the record content and list versions it covers."""

    party = models.OneToOneField(
        "organizations.Party", on_delete=models.CASCADE, related_name="screening"
    )
    fingerprint = models.CharField(max_length=64)
    snapshots = models.JSONField(default=dict)  # {list_id: snapshot id checked against}
    screened_at = models.DateTimeField(default=timezone.now)
    last_record = models.ForeignKey(
        ScreeningRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("party screening")
        verbose_name_plural = _("party screenings")

    def __str__(self) -> str:
        return f"{self.party_id} @ {self.screened_at:%Y-%m-%d %H:%M}"


class Alert(TenantModel):
    """A hit at or above the organization's threshold, waiting for (or with) a decision."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        TRUE_MATCH = "true_match", _("True match (blocked)")
        FALSE_POSITIVE = "false_positive", _("False positive")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    DECISIONS: ClassVar[tuple[str, ...]] = (Status.TRUE_MATCH, Status.FALSE_POSITIVE)

    party = models.ForeignKey("organizations.Party", on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(
        "organizations.PartyContact",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    subject = models.JSONField(default=dict)  # the party or contact as it was screened
    entry = models.ForeignKey(ListEntry, on_delete=models.PROTECT, related_name="+")
    list_id = models.CharField(_("list"), max_length=40)
    entity_id = models.CharField(_("entity id"), max_length=80)
    entry_hash = models.CharField(max_length=64)
    hit_key = models.CharField(max_length=64)
    listed_name = models.CharField(_("listed name"), max_length=1000)
    matched_name = models.CharField(_("matched name"), max_length=1000)
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    explanation = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    record = models.ForeignKey(
        ScreeningRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("raised at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("screening alert")
        verbose_name_plural = _("screening alerts")
        constraints = [
            models.UniqueConstraint(fields=["organization", "hit_key"], name="one_alert_per_hit")
        ]
        indexes = [models.Index(fields=["organization", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.subject.get('name', '')} ~ {self.listed_name} ({self.score})"

    @property
    def list_label(self) -> Any:
        return LIST_LABELS.get(self.list_id, self.list_id)

    @property
    def badge(self) -> str:
        """The Bootstrap colour of the status."""
        return {
            "open": "warning",
            "true_match": "danger",
            "false_positive": "success",
        }.get(self.status, "secondary")

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
