"""The screening gate other contexts call before quotations, orders and shipments."""

from __future__ import annotations

import pytest

from seaward.compliance import services
from seaward.compliance.models import Alert, ScreeningRecord
from seaward.compliance.workflow_errors import ScreeningBlocked
from seaward.organizations.models import Party
from tests.compliance.test_workflow_support import (  # noqa: F401  (the sdn_v1 fixture)
    make_party,
    sdn_v1_fixture,
)

pytestmark = pytest.mark.django_db


def test_a_clear_party_passes(active, owner, sdn_v1):
    party = make_party(owner, name="Cocinas Mediterraneo S.L.", country="ES")
    services.screening_gate(parties=[party, None])


def test_an_unreviewed_party_is_refused_by_name(active, owner, sdn_v1):
    clear = make_party(owner, name="Cocinas Mediterraneo S.L.", country="ES")
    party = make_party(owner, name="Blackstone Marine Trading", is_consignee=True)
    with pytest.raises(ScreeningBlocked) as caught:
        services.screening_gate(parties=[clear, party])
    error = caught.value
    assert error.code == "screening_blocked" and error.http_status == 409
    assert "Blackstone Marine Trading" in error.message and "review" in error.message
    assert error.details["party_id"] == party.pk and error.details["status"] == "pending"


def test_a_blocked_party_is_refused_and_a_false_positive_passes(active, owner, sdn_v1):
    blocked = make_party(owner, name="Blackstone Marine Trading")
    services.alert_decide(
        actor=owner, alert=Alert.objects.get(party=blocked), decision="true_match"
    )
    with pytest.raises(ScreeningBlocked, match="blocked") as caught:
        services.screening_gate(parties=[blocked.pk])
    assert caught.value.details["status"] == "blocked"
    cleared = make_party(owner, name="Ocean Star")
    services.alert_decide(
        actor=owner,
        alert=Alert.objects.get(party=cleared),
        decision="false_positive",
        reason="a restaurant, not the tanker",
    )
    services.screening_gate(parties=[cleared])


def test_a_party_never_screened_is_screened_by_the_gate(active, owner, sdn_v1):
    # created without the organizations service (no screening enqueued), like old data
    party = Party.objects.create(name="Blackstone Marine Trading", is_buyer=True, country="AE")
    assert services.party_status(party).status == "unscreened"
    with pytest.raises(ScreeningBlocked):
        services.screening_gate(parties=[party])
    assert ScreeningRecord.objects.get(party=party).trigger == "gate"


def test_a_party_changed_behind_the_screening_is_screened_again(active, owner, sdn_v1):
    party = make_party(owner, name="Harmless Kitchens", country="ES")
    services.screening_gate(parties=[party])
    Party.objects.filter(pk=party.pk).update(name="Blackstone Marine Trading")
    party.refresh_from_db()
    with pytest.raises(ScreeningBlocked):
        services.screening_gate(parties=[party])


def test_contact_true_match_blocks_its_party(active, owner, sdn_v1):
    party = make_party(owner, name="Harmless Imports", contacts=["Dmitry Khoroshev"])
    services.alert_decide(actor=owner, alert=Alert.objects.get(party=party), decision="true_match")
    with pytest.raises(ScreeningBlocked):
        services.screening_gate(parties=[party])


def test_with_no_lists_loaded_parties_pass(active, owner):
    party = make_party(owner, name="Blackstone Marine Trading")
    services.screening_gate(parties=[party])
    assert ScreeningRecord.objects.get(party=party).lists == []
