"""The screening API through the HTTP client, as a machine would use it."""

from __future__ import annotations

import json

import pytest

from seaward.compliance.models import Alert, ScreeningRecord
from seaward.core.tenancy import activate
from seaward.organizations import services as org_services
from tests.compliance.test_workflow_support import (  # noqa: F401  (the sdn_v1 fixture)
    make_party,
    sdn_v1_fixture,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, owner, exporter):  # type: ignore[no-untyped-def]
    with activate(exporter):
        token = org_services.api_token_create(user=owner, name="t").plaintext

    def call(method: str, path: str, body: object = None, **extra: object):  # type: ignore[no-untyped-def]
        kwargs: dict[str, object] = {"HTTP_AUTHORIZATION": f"Bearer {token}", **extra}
        if body is not None:
            kwargs.update(content_type="application/json", data=json.dumps(body))
        return getattr(client, method)(f"/api/v1{path}", **kwargs)

    return call


@pytest.fixture
def alerted(active, owner, sdn_v1):  # type: ignore[no-untyped-def]
    return make_party(owner, name="Blackstone Marine Trading", is_consignee=True)


def test_queue_detail_and_decision(api, alerted):
    queue = api("get", "/screening/alerts").json()
    assert queue["count"] == 1
    alert_id = queue["items"][0]["id"]
    detail = api("get", f"/screening/alerts/{alert_id}").json()
    assert detail["entry"]["primary_name"] == "BLACKSTONE MARINE TRADING FZE"
    assert detail["subject"]["name"] == "Blackstone Marine Trading"
    assert "name" in detail["explanation"]
    response = api(
        "post",
        f"/screening/alerts/{alert_id}/decision",
        {"decision": "false_positive", "reason": "different company"},
    )
    assert response.status_code == 200 and response.json()["status"] == "false_positive"
    again = api("post", f"/screening/alerts/{alert_id}/decision", {"decision": "true_match"})
    assert again.status_code == 409 and again.json()["code"] == "alert_already_decided"
    assert api("get", "/screening/alerts").json()["count"] == 0
    assert api("get", "/screening/alerts?status=false_positive").json()["count"] == 1


def test_false_positive_without_reason_is_refused(api, alerted):
    alert = Alert.objects.get()
    response = api("post", f"/screening/alerts/{alert.pk}/decision", {"decision": "false_positive"})
    assert response.status_code == 422
    assert response.json()["field"] == "reason"
    alert.refresh_from_db()
    assert alert.status == "open"


def test_gate_names_the_party(api, alerted):
    response = api("post", "/screening/gate", {"party_ids": [alerted.pk]})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "screening_blocked"
    assert "Blackstone Marine Trading" in body["message"]
    assert body["details"]["party_id"] == alerted.pk
    assert api("post", "/screening/gate", {"party_ids": [987654]}).status_code == 404


def test_party_status_and_rescreen(api, alerted):
    status = api("get", f"/screening/parties/{alerted.pk}").json()
    assert status["status"] == "pending" and status["open_alerts"] == 1
    record = api("post", f"/screening/parties/{alerted.pk}/rescreen").json()
    assert record["trigger"] == "manual" and record["lists"][0]["list_id"] == "us_ofac_sdn"
    assert Alert.objects.count() == 1  # the same hit does not alert twice


def test_adhoc_check_and_record(api, sdn_v1):
    response = api(
        "post",
        "/screening/check",
        {"name": "KHOROSHEV, Dmitry", "type": "person", "birth_date": "1993", "country": "RU"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["hits"][0]["entity_id"] == "1002" and body["hits"][0]["alert"] is True
    assert body["lists"][0]["snapshot"] == sdn_v1.pk
    again = api("get", f"/screening/records/{body['id']}").json()
    assert again["subjects"][0]["name"] == "KHOROSHEV, Dmitry"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   ...  "}, "name"),
        ({"name": "x" * 5000}, "name"),
        ({"name": "Ann Lee", "birth_date": "1999-02-31"}, "birth_date"),
        ({"name": "Ann Lee", "country": "Atlantis"}, "country"),
        ({"name": "Ann Lee", "type": "robot"}, "type"),
        ({"name": "Ann\x00Lee"}, "name"),
    ],
)
def test_bad_check_input_is_a_clear_422_and_records_nothing(api, sdn_v1, body, field):
    response = api("post", "/screening/check", body)
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert not ScreeningRecord.all_objects.exists()


def test_a_ten_megabyte_name_is_refused(api, sdn_v1):
    response = api("post", "/screening/check", {"name": "A" * (10 * 1024 * 1024)})
    assert response.status_code in (400, 413, 422)
    assert not ScreeningRecord.all_objects.exists()


def test_wrong_encoding_body_is_refused(api, sdn_v1, client):
    response = api(
        "post",
        "/screening/check",
        None,
        content_type="application/json",
        data='{"name": "M\xfcller"}'.encode("latin-1"),
    )
    assert 400 <= response.status_code < 500
    assert not ScreeningRecord.all_objects.exists()


def test_lists_and_diff(api, sdn_v1):
    snapshots = api("get", "/screening/lists").json()["items"]
    assert snapshots[0]["id"] == sdn_v1.pk and snapshots[0]["added"] == 3
    diff = api("get", f"/screening/lists/diff?snapshot={sdn_v1.pk}").json()
    assert sorted(diff["added"]) == ["1001", "1002", "1003"]


def test_viewer_cannot_decide(client, exporter, make_member, alerted):
    viewer = make_member(exporter, "viewer")
    client.force_login(viewer)
    alert = Alert.objects.get()
    response = client.post(
        f"/api/v1/screening/alerts/{alert.pk}/decision",
        data=json.dumps({"decision": "true_match"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    alert.refresh_from_db()
    assert alert.status == "open"
