"""Export every row one organization owns, as JSON or as one CSV file per table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.core.serializers import serialize
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from seaward.core.errors import NotFound
from seaward.core.tenancy import TenantModel


def tenant_models() -> list[type[models.Model]]:
    """Every concrete model that carries an organization through ``TenantModel``."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TenantModel) and not model._meta.abstract
    ]


def _tables(organization: Any) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    from seaward.organizations.models import Membership

    yield (
        "organizations.organization",
        [{"pk": organization.pk, **json.loads(serialize("json", [organization]))[0]["fields"]}],
    )
    yield (
        "organizations.membership",
        [
            {"user_email": m.user.email, "role": m.role, "since": m.created_at.isoformat()}
            for m in Membership.objects.filter(organization=organization).select_related("user")
        ],
    )
    for model in tenant_models():
        rows = model.all_objects.filter(organization=organization).order_by("pk")  # type: ignore[attr-defined]
        yield (
            model._meta.label_lower,
            [{"pk": item["pk"], **item["fields"]} for item in json.loads(serialize("json", rows))],
        )


def export_organization(
    *, slug: str, fmt: str, output: Path | None, stream: IO[str]
) -> Path | None:
    """Write the organization's data; returns the path written, or None for stdout."""
    from seaward.organizations.models import Organization

    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise NotFound("No organization with the short name %(slug)s.", params={"slug": slug})
    tables = dict(_tables(organization))
    if fmt == "json":
        text = json.dumps(
            {"organization": slug, "tables": tables},
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=2,
        )
        if output is None:
            stream.write(text + "\n")
            return None
        output.write_text(text, encoding="utf-8")
        return output
    folder = output or Path(f"export-{slug}")
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = sorted({key for row in rows for key in row})
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {
                        k: json.dumps(v, cls=DjangoJSONEncoder, ensure_ascii=False)
                        if isinstance(v, dict | list)
                        else v
                        for k, v in row.items()
                    }
                )
    return folder
