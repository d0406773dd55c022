"""The seam to restricted-party screening (compliance context).

Order confirmation calls :func:`gate` with the buyer, consignee and notify party. The
compliance context provides ``seaward.compliance.services.screening_gate(parties=…)``,
which raises a ``DomainError`` naming the blocked party. Until that module exists the
gate passes and says so (see docs/adr/0015-sales-seams.md): the import is made
at call time so the gate starts screening as soon as compliance lands, without a change
here.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from typing import Any

COMPLIANCE_SERVICES = "seaward.compliance.services"


def is_wired() -> bool:
    """True when the compliance context provides the screening gate."""
    try:
        return importlib.util.find_spec(COMPLIANCE_SERVICES) is not None and hasattr(
            importlib.import_module(COMPLIANCE_SERVICES), "screening_gate"
        )
    except ImportError:
        return False


def gate(parties: Sequence[Any]) -> None:
    """Raise the compliance context's domain error when one of ``parties`` is blocked."""
    if not is_wired():
        return
    module = importlib.import_module(COMPLIANCE_SERVICES)
    module.screening_gate(parties=[party for party in parties if party is not None])
