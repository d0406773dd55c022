"""The audit log service: who did what to which object."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from seaward.core.tenancy import require_organization
from seaward.organizations.models import AuditEntry, User


def _jsonable(value: Any) -> Any:
    """Before/after snapshots as JSON: Decimals as strings so no precision is lost."""
    return json.loads(json.dumps(value, default=str))


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of a model instance, as a JSON-safe dict."""
    return _jsonable({name: getattr(obj, name) for name in fields})


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    object_repr: str | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record an action of ``actor`` in the active organization's audit log."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
        object_repr = object_repr or str(obj)[:300]
    return AuditEntry.objects.create(
        organization=require_organization(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=str(actor)[:200] if actor is not None else "system",
        action=action,
        object_type=object_type or "",
        object_id="" if object_id is None else str(object_id),
        object_repr=object_repr or "",
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
    )
