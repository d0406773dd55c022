"""Bulk product import: preview (checked rows stored), then a background run with progress.

A file with errors imports nothing unless the user chooses to import only its valid rows.
"""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

from django.db import transaction
from django.db.models import F

from seaward.catalog import imports
from seaward.catalog import services as catalog_services
from seaward.catalog.models import Sku
from seaward.catalog.pricing import Tier
from seaward.core.errors import DomainError, IllegalTransition, InvalidInput, gettext_noop
from seaward.core.tenancy import activate
from seaward.fair.models import CatalogImport
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User


@transaction.atomic
def import_preview(*, actor: User | None, data: bytes, file_name: str) -> CatalogImport:
    """Read and check the file; nothing is imported yet."""
    try:
        rows = imports.read_table(data, file_name)
    except imports.ImportFileError as error:
        raise InvalidInput(
            gettext_noop("%(problem)s"), field="file", params={"problem": str(error)}
        ) from None
    checked = imports.check_rows(rows)
    existing = set(
        Sku.objects.owned()
        .filter(code__in=[c.values["sku"] for c in checked])
        .values_list("code", flat=True)
    )
    for row in checked:
        if row.values["sku"] in existing:
            row.errors.append(imports.CellError(row.row, "sku", "This SKU already exists."))
    job = CatalogImport.objects.create(
        file_name=file_name[:200],
        rows=[
            {"row": r.row, "values": r.values, "errors": [asdict(e) for e in r.errors]}
            for r in checked
        ],
        total=len(checked),
    )
    audit_record(actor=actor, action="catalog.import.preview", obj=job, object_repr=file_name)
    return job


@transaction.atomic
def import_start(*, actor: User | None, job: CatalogImport, valid_only: bool) -> CatalogImport:
    job = CatalogImport.objects.owned().select_for_update().get(pk=job.pk)
    if job.status != CatalogImport.Status.PREVIEW:
        raise IllegalTransition(params={"current": job.status, "target": "running"})
    if job.error_count and not valid_only:
        raise InvalidInput(
            gettext_noop(
                "%(count)s rows have errors: fix the file, or import only the valid rows."
            ),
            params={"count": job.error_count},
        )
    job.rows = [r for r in job.rows if not r["errors"]]
    job.total = len(job.rows)
    job.status = CatalogImport.Status.RUNNING
    job.save(update_fields=["rows", "total", "status"])
    audit_record(actor=actor, action="catalog.import.start", obj=job)
    from seaward.fair.tasks import catalog_import_task

    transaction.on_commit(lambda: catalog_import_task.enqueue(job.organization_id, job.pk))
    return job


def import_run(job: CatalogImport) -> int:
    """Create the products row by row (each row its own transaction), counting progress."""
    created = 0
    with activate(job.organization):
        for row in job.rows:
            values = row["values"]
            try:
                with transaction.atomic():
                    product = catalog_services.product_create(
                        actor=None,
                        title=values["title"],
                        hs_code=values["hs_code"],
                        origin_country=values["origin_country"],
                        unit=values["unit"],
                        lead_time_days=values["lead_time_days"],
                    )
                    catalog_services.sku_create(
                        actor=None,
                        product=product,
                        code=values["sku"],
                        moq=values["moq"],
                        unit_cost=Decimal(values["unit_cost"]),
                        tiers=[Tier(c, Decimal(q), Decimal(p)) for c, q, p in values["prices"]],
                    )
                created += 1
            except DomainError:
                pass  # counted as not created; the summary says how many were
            CatalogImport.objects.filter(pk=job.pk).update(done=F("done") + 1)
        CatalogImport.objects.filter(pk=job.pk).update(
            status=CatalogImport.Status.DONE, created=created
        )
    return created
