"""Per-organization document numbers: no gaps, no duplicates, even under concurrent requests.

The sequence row is locked (``select_for_update``) inside the caller's transaction, so a
number is consumed only when the document that carries it is committed: a rolled-back
request gives its number back and the next one takes it.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from seaward.organizations.models import Organization
from seaward.sales.models import DocumentSequence

PREFIXES = {
    "quotation": "QT",
    "order": "SO",
    "proforma-invoice": "PI",
    "commercial-invoice": "CI",
    "packing-list": "PL",
    "certificate-of-origin": "CO",
}


def next_number(organization: Organization, kind: str, year: int) -> str:
    """The next number of ``kind`` for ``organization`` in ``year``, e.g. ``CI-2026-00007``."""
    key = f"{kind}-{year}"
    with transaction.atomic():
        try:
            with transaction.atomic():
                DocumentSequence.all_objects.get_or_create(organization=organization, key=key)
        except IntegrityError:
            pass  # another request created the row first; lock it below
        sequence = DocumentSequence.all_objects.select_for_update().get(
            organization=organization, key=key
        )
        value = sequence.next_value
        sequence.next_value = value + 1
        sequence.save(update_fields=["next_value"])
    return f"{PREFIXES[kind]}-{year}-{value:05d}"
