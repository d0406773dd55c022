"""Incoterms 2020 engine: the responsibility table and the transport checks."""

from __future__ import annotations

import pytest

from seaward.customs.incoterms import (
    Component,
    Party,
    TransportMode,
    check_transport,
    rule,
    rules,
    table,
    transport_mode,
)
from seaward.customs.landed_cost_errors import IncotermModeMismatch, UnknownIncoterm

S, B, N = Party.SELLER, Party.BUYER, Party.NONE
# export clearance, loading, main carriage, insurance, unloading, import clearance, duties
EXPECTED = {
    "EXW": (B, B, B, N, B, B, B),
    "FCA": (S, S, B, N, B, B, B),
    "FAS": (S, S, B, N, B, B, B),
    "FOB": (S, S, B, N, B, B, B),
    "CFR": (S, S, S, N, B, B, B),
    "CIF": (S, S, S, S, B, B, B),
    "CPT": (S, S, S, N, B, B, B),
    "CIP": (S, S, S, S, B, B, B),
    "DAP": (S, S, S, N, B, B, B),
    "DPU": (S, S, S, N, S, B, B),
    "DDP": (S, S, S, N, B, S, S),
}


def test_all_eleven_rules_are_loaded():
    assert sorted(rules()) == sorted(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_responsibility_matrix(code):
    item = rule(code)
    got = tuple(item.party_for(c) for c in Component)
    assert got == EXPECTED[code]


def test_sea_only_rules_are_exactly_fas_fob_cfr_cif():
    assert {c for c, r in rules().items() if r.sea_only} == {"FAS", "FOB", "CFR", "CIF"}


def test_risk_points():
    assert rule("FOB").risk_passes == "on_board_vessel_at_port_of_shipment"
    assert rule("CIF").risk_passes == rule("FOB").risk_passes  # risk before the cost point
    assert rule("DPU").risk_passes == "at_destination_unloaded"
    assert rule("EXW").risk_in_main_carriage is Party.BUYER
    assert rule("DAP").risk_in_main_carriage is Party.SELLER


def test_unobliged_insurance_falls_to_the_risk_bearer():
    assert rule("FOB").payer(Component.INSURANCE) is Party.BUYER
    assert rule("DAP").payer(Component.INSURANCE) is Party.SELLER
    assert rule("CIP").payer(Component.INSURANCE) is Party.SELLER


def test_conditional_wording_is_kept():
    unloading = next(r for r in rule("CFR").responsibilities if r.component == Component.UNLOADING)
    assert unloading.conditional and "unless" in unloading.text
    assert rule("FCA").trace(Component.LOADING)["file"] == "incoterms/incoterms2020_facts.csv"


@pytest.mark.parametrize("code", ["FAS", "FOB", "CFR", "CIF"])
@pytest.mark.parametrize("mode", [TransportMode.AIR, TransportMode.ROAD, TransportMode.RAIL,
                                  TransportMode.MULTIMODAL])  # fmt: skip
def test_sea_only_rule_with_other_mode_is_rejected(code, mode):
    with pytest.raises(IncotermModeMismatch) as err:
        check_transport(rule(code), mode)
    assert err.value.field == "incoterm"


@pytest.mark.parametrize("mode", [TransportMode.SEA, TransportMode.INLAND_WATERWAY])
def test_sea_only_rule_with_water_mode_is_fine(mode):
    assert check_transport(rule("FOB"), mode) == []


def test_fca_advised_over_fob_for_containers_at_a_terminal():
    warnings = check_transport(rule("FOB"), TransportMode.SEA, containerised=True)
    assert len(warnings) == 1 and "FCA" in warnings[0]
    assert "CIP" in check_transport(rule("CIF"), TransportMode.SEA, containerised=True)[0]
    # loaded over the ship's rail (break bulk at the quay): no advice
    assert check_transport(rule("FOB"), TransportMode.SEA, containerised=True,
                           handover_at_terminal=False) == []  # fmt: skip
    assert check_transport(rule("FCA"), TransportMode.SEA, containerised=True) == []


def test_any_mode_rules_accept_air():
    for code in ("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP"):
        assert check_transport(rule(code), TransportMode.AIR) == []


def test_unknown_rule_and_mode():
    with pytest.raises(UnknownIncoterm):
        rule("DAT")  # Incoterms 2010, replaced by DPU
    assert rule(" fob ").code == "FOB"
    with pytest.raises(IncotermModeMismatch):
        transport_mode("teleport")


def test_table_rows():
    rows = {r["code"]: r for r in table()}
    assert rows["DDP"]["duties_and_taxes"] == "seller"
    assert rows["EXW"]["export_clearance"] == "buyer"
