# ruff: noqa: F811  (the shared `fair` fixture is imported, then requested by name)
"""Fair pages through the HTTP client: the public QR page, booths, requests, meetings,
the scheduler and the funnel."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from seaward.core.tenancy import activate
from tests.fair.test_services_fair import Fair, _buyer_meeting, fair  # noqa: F401

pytestmark = pytest.mark.django_db


def _public(fair: Fair, query: str = "") -> str:
    return f"/fair/s/{fair.sample.token}/{query}"


def test_the_qr_page_speaks_the_visitors_language_and_counts_the_scan(fair: Fair) -> None:
    from seaward.fair.models import Touch

    response = Client().get(_public(fair, "?src=qr"), HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    body = response.content.decode()
    assert response.status_code == 200
    assert "不锈钢汤锅 带玻璃盖" in body  # no Spanish title: the original, with a note
    assert 'data-testid="original-language-note"' in body
    assert "LFGB" in body
    assert Touch.all_objects.filter(kind="scan").count() == 1


def test_the_qr_page_shows_the_title_in_the_visitors_language_when_there_is_one(
    fair: Fair,
) -> None:
    response = Client().get(_public(fair), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert "Stainless steel stock pot with glass lid" in body
    assert 'data-testid="original-language-note"' not in body


def test_a_visitor_books_a_meeting_and_becomes_a_lead(fair: Fair) -> None:
    from seaward.fair.models import Lead, Meeting

    client = Client()
    response = client.post(
        _public(fair),
        {
            "kind": "meeting",
            "name": "Javier Ortega",
            "email": "javier@example.test",
            "country": "es",
            "slot": "1",
            "time_zone": "Europe/Madrid",
            "message": "¿Logotipo?",
        },
        HTTP_ACCEPT_LANGUAGE="es",
    )
    meeting = Meeting.all_objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fair/visit/{meeting.visitor_token}/"
    lead = Lead.all_objects.get()
    assert (lead.organization, lead.language, lead.country) == (fair.exporter, "es", "ES")
    assert client.get(response["Location"]).status_code == 200


def test_a_bad_visitor_form_writes_nothing(fair: Fair) -> None:
    from seaward.fair.models import Lead

    response = Client().post(_public(fair), {"kind": "quote", "name": "", "email": "x"})
    assert response.status_code == 200
    assert Lead.all_objects.count() == 0


def test_the_visitor_form_is_csrf_protected(fair: Fair) -> None:
    from seaward.fair.models import Lead

    response = Client(enforce_csrf_checks=True).post(
        _public(fair), {"kind": "quote", "name": "A", "email": "a@example.test"}
    )
    assert response.status_code == 403
    assert Lead.all_objects.count() == 0


def test_unknown_or_draft_tokens_are_not_found(fair: Fair) -> None:
    from seaward.fair.models import Event

    assert Client().get("/fair/s/nope/").status_code == 404
    Event.all_objects.filter(pk=fair.event.pk).update(status="draft")
    assert Client().get(_public(fair)).status_code == 404


def test_the_exporter_sees_its_booth_qr_and_leads(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair import services

    services.lead_from_sample(sample=fair.sample, kind="quote", name="Ana", email="a@example.test")
    client.force_login(fair.seller)
    booth = client.get(f"/fair/events/{fair.event.pk}/booth/")
    assert booth.status_code == 200 and fair.sample.token in booth.content.decode()
    svg = client.get(f"/fair/samples/{fair.sample.pk}/qr.svg")
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    assert "Ana" in client.get("/fair/leads/").content.decode()


def test_the_buyer_posts_a_request_and_sees_recommendations(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair.models import SourcingRequest

    client.force_login(fair.buyer_user)
    response = client.post(
        f"/fair/events/{fair.event.pk}/requests/new/",
        {
            "text": "olla de acero inoxidable",
            "quantity": "500",
            "currency": "EUR",
            "destination_country": "ES",
        },
    )
    rfq = SourcingRequest.all_objects.get()
    assert response.status_code == 302 and response["Location"] == f"/fair/requests/{rfq.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200


def test_meeting_accept_page_shows_both_time_zones(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    meeting = _buyer_meeting(fair, slot=0)
    client.force_login(fair.seller)
    response = client.post(f"/fair/meetings/{meeting.pk}/", {"slot": "0"})
    assert response.status_code == 302
    body = client.get(f"/fair/meetings/{meeting.pk}/").content.decode()
    # slot 0 is 09:00 in Madrid, the organizer's zone: 16:00 or 17:00 in Shanghai
    assert '09:00</strong> <span class="text-secondary">(Europe/Madrid)' in body
    assert re.search(r"1[67]:00</strong> <span class=\"text-secondary\">\(Asia/Shanghai\)", body)
    ics = client.get(f"/fair/meetings/{meeting.pk}/invite.ics")
    assert ics.status_code == 200 and b"BEGIN:VCALENDAR" in ics.content


def test_the_buyer_cannot_accept_its_own_request_through_the_page(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair.models import Meeting

    meeting = _buyer_meeting(fair, slot=0)
    client.force_login(fair.buyer_user)
    client.post(f"/fair/meetings/{meeting.pk}/", {"slot": "0"})
    assert Meeting.all_objects.get().status == "requested"


def test_the_organizer_runs_the_scheduler_and_sees_the_funnel(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    _buyer_meeting(fair)
    client.force_login(fair.organizer_user)
    assert client.post(f"/fair/events/{fair.event.pk}/scheduler/").status_code == 302
    page = client.get(f"/fair/events/{fair.event.pk}/scheduler/").content.decode()
    assert "Greedy baseline" in page and "optimal" in page
    assert client.get(f"/fair/events/{fair.event.pk}/funnel/").status_code == 200


def test_the_exporter_cannot_open_the_organizers_scheduler(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    client.force_login(fair.seller)
    assert client.get(f"/fair/events/{fair.event.pk}/scheduler/").status_code == 404


def test_event_pages_render_for_each_side(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    for user in (fair.organizer_user, fair.seller, fair.buyer_user):
        client.force_login(user)
        assert client.get("/fair/events/").status_code == 200
        assert client.get(f"/fair/events/{fair.event.pk}/").status_code == 200
        assert client.get("/fair/requests/").status_code == 200
        assert client.get("/fair/meetings/").status_code == 200


def test_the_organizer_creates_and_publishes_an_event(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair.models import Event

    client.force_login(fair.organizer_user)
    response = client.post(
        "/fair/events/new/",
        {
            "name": "Dubai online week",
            "kind": "online",
            "time_zone": "Asia/Dubai",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-03",
            "day_starts_at": "10:00",
            "slot_minutes": "20",
            "slots_per_day": "12",
        },
    )
    event = Event.all_objects.get(name="Dubai online week")
    assert response.status_code == 302
    client.post(f"/fair/events/{event.pk}/publish/")
    event.refresh_from_db()
    assert event.status == "published"
    with activate(fair.organizer):
        assert Event.objects.owned().count() == 2


def test_the_exporter_uploads_a_photo_that_the_visitor_sees(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from seaward.fair.models import ProductImage
    from tests.fair.test_services_fair import _png

    client.force_login(fair.seller)
    upload = SimpleUploadedFile("pot.png", _png(800, 600), content_type="image/png")
    response = client.post(
        f"/fair/products/{fair.pot.pk}/certifications/", {"section": "image", "image": upload}
    )
    assert response.status_code == 302
    image = ProductImage.all_objects.get()
    assert client.get(f"/fair/images/{image.pk}/thumb.jpg")["Content-Type"] == "image/jpeg"
    assert Client().get(f"/fair/s/{fair.sample.token}/photo.jpg").status_code == 200
    bad = SimpleUploadedFile("x.png", b"nope", content_type="image/png")
    page = client.post(
        f"/fair/products/{fair.pot.pk}/certifications/", {"section": "image", "image": bad}
    )
    assert page.status_code == 200 and "not a readable image" in page.content.decode()
    assert ProductImage.all_objects.count() == 1


def test_bulk_import_pages_preview_and_start(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    from seaward.fair.models import CatalogImport
    from tests.fair.test_services_fair import CSV_BAD

    client.force_login(fair.seller)
    upload = SimpleUploadedFile("p.csv", CSV_BAD.encode(), content_type="text/csv")
    response = client.post("/catalog/import/", {"file": upload})
    job = CatalogImport.all_objects.get()
    assert response.status_code == 302 and response["Location"] == f"/catalog/import/{job.pk}/"
    preview = client.get(response["Location"]).content.decode()
    assert 'column <span class="mono">origin_country</span>' in preview
    client.post(f"/catalog/import/{job.pk}/", {"valid_only": "1"})
    job.refresh_from_db()
    assert job.status == "running" and job.total == 2  # the on-commit task runs in the worker
    progress = client.get(f"/catalog/import/{job.pk}/", HTTP_HX_REQUEST="true")
    assert b'id="import-progress"' in progress.content and b"<html" not in progress.content
