"""Screening counterparties: on creation and change, alerts, dedupe, decisions, delta."""

from __future__ import annotations

import pytest

from seaward.compliance import services
from seaward.compliance.models import Alert, PartyScreening, ScreeningRecord
from seaward.compliance.workflow_errors import AlertAlreadyDecided, DecisionInvalid
from seaward.organizations import services as org_services
from seaward.organizations.models import AuditEntry
from tests.compliance.test_workflow_support import (
    ALT_V2,
    SDN_V2,
    import_sdn,
    make_party,
    sdn_v1_fixture,  # noqa: F401  (the sdn_v1 fixture)
)

pytestmark = pytest.mark.django_db


def test_a_near_match_opens_one_alert_with_an_explanation(active, owner, sdn_v1):
    party = make_party(owner, name="Blackstone Marine Trading", is_consignee=True)
    alerts = list(Alert.objects.filter(party=party))
    assert len(alerts) == 1
    alert = alerts[0]
    assert (alert.list_id, alert.entity_id, alert.status) == ("us_ofac_sdn", "1001", "open")
    assert alert.score >= active.screening_threshold
    assert "name" in alert.explanation and alert.entry.snapshot_id == sdn_v1.pk
    record = ScreeningRecord.objects.filter(party=party).first()
    assert record.lists[0]["snapshot"] == sdn_v1.pk
    assert services.party_status(party).status == "pending"


def test_an_unrelated_party_is_clear_and_screened(active, owner, sdn_v1):
    party = make_party(owner, name="Cocinas Mediterraneo S.L.", country="ES")
    assert not Alert.objects.filter(party=party).exists()
    assert services.party_status(party).status == "clear"
    assert PartyScreening.objects.get(party=party).snapshots == {"us_ofac_sdn": sdn_v1.pk}


def test_contacts_are_screened_as_persons(active, owner, sdn_v1):
    party = make_party(owner, name="Harmless Imports", contacts=["Dmitry Khoroshev"])
    alert = Alert.objects.get(party=party)
    assert alert.contact is not None and alert.entity_id == "1002"
    assert alert.subject["role"] == "contact"


def test_a_change_of_name_rescreens_and_withdraws_what_no_longer_matches(active, owner, sdn_v1):
    party = make_party(owner, name="Blackstone Marine Trading")
    alert = Alert.objects.get(party=party)
    org_services.party_update(actor=owner, party=party, name="Bluewater Kitchens")
    services.party_screen_enqueue(party)
    alert.refresh_from_db()
    assert alert.status == Alert.Status.WITHDRAWN
    assert services.party_status(party).status == "clear"


def test_a_save_that_changes_nothing_screened_makes_no_new_record(active, owner, sdn_v1):
    party = make_party(owner, name="Cocinas Mediterraneo S.L.", country="ES")
    count = ScreeningRecord.objects.count()
    org_services.party_update(actor=owner, party=party, notes="call on Mondays")
    services.party_screen_enqueue(party)
    assert ScreeningRecord.objects.count() == count


def test_decisions_persist_and_the_same_hit_does_not_alert_again(active, owner, sdn_v1):
    party = make_party(owner, name="Blackstone Marine Trading")
    alert = Alert.objects.get(party=party)
    services.alert_decide(
        actor=owner, alert=alert, decision="false_positive", reason="Kitchenware buyer in Dubai"
    )
    services.screen_party(party=party, trigger="manual")
    services.screen_party(party=party, trigger="manual")
    assert Alert.objects.filter(party=party).count() == 1
    assert services.party_status(party).status == "clear"
    entry = AuditEntry.objects.get(action="screening.alert_decide")
    assert entry.before["status"] == "open"
    assert entry.after["status"] == "false_positive"
    assert entry.after["reason"] == "Kitchenware buyer in Dubai"
    assert entry.actor == owner


def test_a_changed_list_entry_alerts_again(active, owner, sdn_v1, tmp_path):
    party = make_party(owner, name="Blackstone Marine Trading")
    first = Alert.objects.get(party=party)
    services.alert_decide(actor=owner, alert=first, decision="false_positive", reason="other firm")
    import_sdn(tmp_path / "v2", sdn=SDN_V2, alt=ALT_V2)  # entry 1001 changed: delta run
    alerts = Alert.objects.filter(party=party).order_by("pk")
    assert alerts.count() == 2
    second = alerts.last()
    assert second.status == "open" and second.entry_hash != first.entry_hash
    assert second.entry.snapshot.status == "active"
    assert ScreeningRecord.objects.filter(party=party, trigger="list_update").exists()


def test_true_match_blocks_and_decisions_are_final(active, owner, sdn_v1):
    party = make_party(owner, name="Blackstone Marine Trading")
    alert = Alert.objects.get(party=party)
    services.alert_decide(actor=owner, alert=alert, decision="true_match")
    assert services.party_status(party).status == "blocked"
    with pytest.raises(AlertAlreadyDecided):
        services.alert_decide(actor=owner, alert=alert, decision="false_positive", reason="x")


@pytest.mark.parametrize(
    ("decision", "reason", "field"),
    [
        ("false_positive", "   ", "reason"),
        ("maybe", "unsure", "decision"),
        ("false_positive", "x" * 2001, "reason"),
    ],
)
def test_bad_decisions_change_nothing(active, owner, sdn_v1, decision, reason, field):
    party = make_party(owner, name="Blackstone Marine Trading")
    alert = Alert.objects.get(party=party)
    with pytest.raises(DecisionInvalid) as caught:
        services.alert_decide(actor=owner, alert=alert, decision=decision, reason=reason)
    assert caught.value.field == field
    alert.refresh_from_db()
    assert alert.status == "open" and alert.reason == ""
    assert not AuditEntry.objects.filter(action="screening.alert_decide").exists()


def test_delta_rescreening_only_uses_added_and_changed_entries(active, owner, sdn_v1, tmp_path):
    golden = make_party(owner, name="Golden Lotus Import Export", country="CN")
    vessel_buyer = make_party(owner, name="Ocean Star")
    assert not Alert.objects.filter(party=golden).exists()
    vessel_alert = Alert.objects.get(party=vessel_buyer)
    outcome = import_sdn(tmp_path / "v2", sdn=SDN_V2, alt=ALT_V2)
    # 1004 was added: the party that matches it now has an alert
    assert Alert.objects.get(party=golden).entity_id == "1004"
    # 1003 was removed: its open alert is withdrawn
    vessel_alert.refresh_from_db()
    assert vessel_alert.status == Alert.Status.WITHDRAWN
    record = ScreeningRecord.objects.filter(party=golden, trigger="list_update").get()
    assert record.delta_of_id == outcome.snapshot.pk
    assert record.lists[0]["delta_entries"] == 2  # 1004 added, 1001 changed
    state = PartyScreening.objects.get(party=golden)
    assert state.snapshots == {"us_ofac_sdn": outcome.snapshot.pk}
    assert services.party_screening_is_current(golden)


def test_other_organizations_do_not_see_alerts(active, owner, sdn_v1, other_exporter):
    from seaward.core.tenancy import activate

    make_party(owner, name="Blackstone Marine Trading")
    with activate(other_exporter):
        assert not Alert.objects.exists()
    assert Alert.objects.count() == 1


def test_deleting_a_party_keeps_its_screening_records(active, owner, sdn_v1):
    party = make_party(owner, name="Blackstone Marine Trading")
    record = ScreeningRecord.objects.filter(party=party).first()
    org_services.party_delete(actor=owner, party=party)
    record.refresh_from_db()
    assert record.party_id is None
    assert record.subjects[0]["name"] == "Blackstone Marine Trading"
