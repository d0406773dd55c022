"""The screening pages through the HTTP client, as a person would use them."""

from __future__ import annotations

import pytest

from seaward.compliance.models import Alert, ScreeningRecord
from seaward.organizations.models import AuditEntry
from tests.compliance.test_workflow_support import (
    ALT_V2,
    SDN_V2,
    import_sdn,
    make_party,
    sdn_v1_fixture,  # noqa: F401  (the sdn_v1 fixture)
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(active, owner, sdn_v1):  # type: ignore[no-untyped-def]
    party = make_party(owner, name="Blackstone Marine Trading", is_consignee=True)
    return Alert.objects.get(party=party)


def test_queue_lists_open_alerts_and_filters(owner_client, alert):
    page = owner_client.get("/screening/alerts/").content.decode()
    assert "Blackstone Marine Trading" in page and "BLACKSTONE MARINE TRADING FZE" in page
    fragment = owner_client.get("/screening/alerts/?status=open&q=nothing", HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()
    assert "Blackstone" not in fragment.content.decode()


def test_alert_page_shows_both_records_and_the_explanation(owner_client, alert):
    page = owner_client.get(f"/screening/alerts/{alert.pk}/").content.decode()
    assert "Your counterparty, as screened" in page
    assert "BLACKSTONE SHIPPING TRADING" in page  # the listed entry's alias
    assert 'data-testid="explanation"' in page and "Name similarity" in page
    assert 'data-testid="decision-form"' in page


def test_deciding_a_false_positive_in_the_browser(owner_client, alert):
    response = owner_client.post(
        f"/screening/alerts/{alert.pk}/",
        {"decision": "false_positive", "reason": "Kitchenware retailer, Dubai since 1998"},
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.status == "false_positive"
    assert AuditEntry.objects.filter(action="screening.alert_decide").count() == 1


def test_a_false_positive_without_reason_shows_the_error_by_the_field(owner_client, alert):
    response = owner_client.post(f"/screening/alerts/{alert.pk}/", {"decision": "false_positive"})
    assert response.status_code == 200
    assert 'data-field-error="reason"' in response.content.decode()
    alert.refresh_from_db()
    assert alert.status == "open"


def test_a_viewer_sees_but_cannot_decide(client, exporter, make_member, alert):
    client.force_login(make_member(exporter, "viewer"))
    page = client.get(f"/screening/alerts/{alert.pk}/").content.decode()
    assert 'data-testid="decision-form"' not in page
    response = client.post(f"/screening/alerts/{alert.pk}/", {"decision": "true_match"})
    assert response.status_code == 403
    alert.refresh_from_db()
    assert alert.status == "open"


def test_party_status_page_and_rescreen(owner_client, alert):
    url = f"/screening/parties/{alert.party_id}/"
    page = owner_client.get(url).content.decode()
    assert "Waiting for review" in page
    count = ScreeningRecord.objects.count()
    assert owner_client.post(url).status_code == 302
    assert ScreeningRecord.objects.count() == count + 1
    assert Alert.objects.count() == 1


def test_adhoc_check_page_and_certificate(owner_client, sdn_v1):
    response = owner_client.post(
        "/screening/check/",
        {"name": "Dmitry Khoroshev", "type": "person", "birth_date": "1993"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "KHOROSHEV, Dmitry Yuryevich" in body
    record = ScreeningRecord.all_objects.get()
    certificate = owner_client.get(f"/screening/records/{record.pk}/certificate/")
    text = certificate.content.decode()
    assert "Restricted-party screening certificate" in text
    assert f"#{sdn_v1.pk}" in text and sdn_v1.checksum[:12] in text
    assert "Dmitry Khoroshev" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "This field is required"),
        ({"name": "Ann Lee", "birth_date": "31/12/1990"}, "YYYY"),
        ({"name": "Ann Lee", "country": "Narnia"}, "unknown country"),
        ({"name": "x" * 1001}, "at most 1000"),
    ],
)
def test_bad_check_input_shows_a_clear_error(owner_client, sdn_v1, data, message):
    response = owner_client.post("/screening/check/", data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ScreeningRecord.all_objects.exists()


def test_lists_page_shows_snapshots_and_a_diff(owner_client, sdn_v1, tmp_path):
    new = import_sdn(tmp_path / "v2", sdn=SDN_V2, alt=ALT_V2).snapshot
    page = owner_client.get("/screening/lists/").content.decode()
    assert "OFAC Specially Designated Nationals" in page
    diff = owner_client.get(f"/screening/lists/?snapshot={new.pk}").content.decode()
    assert "GOLDEN LOTUS IMPORT EXPORT LLC" in diff  # added
    assert "OCEAN STAR" in diff  # removed
    assert owner_client.get("/screening/lists/?snapshot=abc").status_code == 200


def test_navigation_has_the_screening_entries(owner_client):
    page = owner_client.get("/").content.decode()
    assert 'href="/screening/alerts/"' in page and 'href="/screening/check/"' in page
