"""Incoterms® 2020 engine: who arranges and pays each cost, where risk passes.

Built from the shipped facts table ``incoterms/incoterms2020_facts.csv`` (compiled
for the project, not ICC text). For each of the 11 rules and each cost component —
export clearance, loading, main carriage, insurance, unloading, import clearance,
duties and taxes — :func:`responsibilities` says which party arranges and pays it,
with the table's wording kept as the trace. :func:`check_transport` rejects a
sea-and-inland-waterway rule (FAS, FOB, CFR, CIF) with another mode and warns when
containerised goods under such a rule are handed over at a terminal (ICC advises
FCA / CPT / CIP there, because the seller loses control of the box before it is on
board while still bearing the risk).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from seaward.customs.landed_cost_errors import IncotermModeMismatch, UnknownIncoterm
from seaward.reference import datafiles

FACTS_FILE = "incoterms/incoterms2020_facts.csv"


class Party(StrEnum):
    SELLER = "seller"
    BUYER = "buyer"
    NONE = "none"


class Component(StrEnum):
    EXPORT_CLEARANCE = "export_clearance"
    LOADING = "loading"
    MAIN_CARRIAGE = "main_carriage"
    INSURANCE = "insurance"
    UNLOADING = "unloading"
    IMPORT_CLEARANCE = "import_clearance"
    DUTIES_AND_TAXES = "duties_and_taxes"


class TransportMode(StrEnum):
    SEA = "sea"
    INLAND_WATERWAY = "inland_waterway"
    AIR = "air"
    ROAD = "road"
    RAIL = "rail"
    MULTIMODAL = "multimodal"


WATER_MODES = frozenset({TransportMode.SEA, TransportMode.INLAND_WATERWAY})

_COLUMNS = {
    Component.EXPORT_CLEARANCE: "export_clearance_by",
    Component.LOADING: "loading_at_origin_by",
    Component.MAIN_CARRIAGE: "main_carriage_contracted_and_paid_by",
    Component.INSURANCE: "insurance_obligation",
    Component.UNLOADING: "unloading_at_destination_by",
    Component.IMPORT_CLEARANCE: "import_clearance_by",
    Component.DUTIES_AND_TAXES: "import_duties_and_taxes_by",
}

# where risk passes, as a machine word; the table's sentence stays in ``risk_text``
_RISK_POINTS = {
    "EXW": "at_sellers_disposal_at_named_place",
    "FCA": "handed_to_buyers_carrier_at_named_place",
    "CPT": "handed_to_first_carrier_at_origin",
    "CIP": "handed_to_first_carrier_at_origin",
    "DAP": "at_destination_ready_for_unloading",
    "DPU": "at_destination_unloaded",
    "DDP": "at_destination_cleared_ready_for_unloading",
    "FAS": "alongside_vessel_at_port_of_shipment",
    "FOB": "on_board_vessel_at_port_of_shipment",
    "CFR": "on_board_vessel_at_port_of_shipment",
    "CIF": "on_board_vessel_at_port_of_shipment",
}
CONTAINER_ALTERNATIVE = {"FAS": "FCA", "FOB": "FCA", "CFR": "CPT", "CIF": "CIP"}


@dataclass(frozen=True)
class Responsibility:
    """Who arranges and pays one cost component under a rule."""

    component: Component
    party: Party  # NONE: neither party is obliged (only insurance)
    text: str  # the facts table's wording
    conditional: bool  # the wording carries a condition ("unless...", "if ...")


@dataclass(frozen=True)
class IncotermRule:
    code: str
    name: str
    group: str
    sea_only: bool
    named_place_is: str
    risk_passes: str
    risk_text: str
    responsibilities: tuple[Responsibility, ...]
    row: int  # line of the facts file, for traces

    def party_for(self, component: Component) -> Party:
        return next(r.party for r in self.responsibilities if r.component == component)

    @property
    def risk_in_main_carriage(self) -> Party:
        """Who bears the risk while the goods are in main carriage (D rules: the seller)."""
        return Party.SELLER if self.group == "D" else Party.BUYER

    def payer(self, component: Component) -> Party:
        """Who pays a component in a landed cost; unobliged insurance falls to the risk bearer."""
        party = self.party_for(component)
        if party is Party.NONE:
            return self.risk_in_main_carriage
        return party

    def trace(self, component: Component | None = None) -> dict[str, str]:
        out = {"file": FACTS_FILE, "row": str(self.row), "key": self.code}
        if component is not None:
            out["field"] = _COLUMNS[component]
            out["value"] = next(r.text for r in self.responsibilities if r.component == component)
        return out


def _party(text: str) -> tuple[Party, bool]:
    head = text.strip().split(" ", 1)[0].rstrip(",").lower()
    conditional = any(word in text for word in (" unless ", " if ", "otherwise"))
    return Party(head), conditional


@lru_cache(maxsize=1)
def rules() -> dict[str, IncotermRule]:
    """The 11 Incoterms 2020 rules keyed by code, read from the shipped facts table."""
    out: dict[str, IncotermRule] = {}
    with datafiles.open_text(FACTS_FILE) as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            responsibilities = []
            for component, column in _COLUMNS.items():
                party, conditional = _party(row[column])
                responsibilities.append(Responsibility(component, party, row[column], conditional))
            code = row["code"].strip().upper()
            out[code] = IncotermRule(
                code=code,
                name=row["name"],
                group=row["group"],
                sea_only=row["transport_mode"].strip() != "any",
                named_place_is=row["named_place_is"],
                risk_passes=_RISK_POINTS[code],
                risk_text=row["delivery_and_risk_transfer_point"],
                responsibilities=tuple(responsibilities),
                row=reader.line_num,
            )
    return out


def rule(code: str, *, field: str = "incoterm") -> IncotermRule:
    """The rule for a code (case-insensitive); UnknownIncoterm names the field."""
    found = rules().get(code.strip().upper()) if isinstance(code, str) else None
    if found is None:
        known = ", ".join(rules())
        raise UnknownIncoterm(f"unknown Incoterms 2020 rule {code!r} (one of {known})", field=field)
    return found


def transport_mode(value: str, *, field: str = "transport_mode") -> TransportMode:
    try:
        return TransportMode(str(value).strip().lower())
    except ValueError:
        modes = ", ".join(m.value for m in TransportMode)
        raise IncotermModeMismatch(
            f"unknown transport mode {value!r} (one of {modes})", field=field
        ) from None


def check_transport(
    incoterm: IncotermRule,
    mode: TransportMode,
    *,
    containerised: bool = False,
    handover_at_terminal: bool | None = None,
    field: str = "incoterm",
) -> list[str]:
    """Raise if a sea-only rule meets a non-water mode; return warnings otherwise.

    ``handover_at_terminal`` defaults to ``containerised``: containers are
    normally handed to the carrier at a terminal, not over the ship's rail.
    """
    if incoterm.sea_only and mode not in WATER_MODES:
        better = CONTAINER_ALTERNATIVE[incoterm.code]
        raise IncotermModeMismatch(
            f"{incoterm.code} is for sea and inland waterway transport only, not {mode.value}; "
            f"use {better} (any mode)",
            field=field,
        )
    warnings = []
    at_terminal = containerised if handover_at_terminal is None else handover_at_terminal
    if incoterm.sea_only and containerised and at_terminal:
        better = CONTAINER_ALTERNATIVE[incoterm.code]
        warnings.append(
            f"{incoterm.code} with containerised goods handed over at a terminal: "
            f"ICC advises {better} — under {incoterm.code} the seller keeps the risk until the "
            f"container is on board although the carrier already holds it"
        )
    return warnings


def table() -> list[dict[str, str]]:
    """The responsibility matrix as plain rows (rule x component -> party), for display."""
    rows = []
    for item in rules().values():
        row = {"code": item.code, "risk_passes": item.risk_passes}
        row.update({r.component.value: r.party.value for r in item.responsibilities})
        rows.append(row)
    return rows
