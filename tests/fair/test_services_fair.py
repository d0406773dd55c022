"""Services of the fair against the database: events, booths, leads, matching, meetings,
the scheduler and the funnel. The embedding model is replaced by a hashed stand-in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from seaward.core.errors import IllegalTransition, InvalidInput
from seaward.core.tenancy import activate
from tests.fair.conftest import hashed_embedder

pytestmark = pytest.mark.django_db


@dataclass
class Fair:
    organizer: Any
    organizer_user: Any
    exporter: Any
    seller: Any
    buyer: Any
    buyer_user: Any
    event: Any
    venue: Any
    exhibitor: Any
    pot: Any
    show: Any
    sample: Any
    lamp: Any


@pytest.fixture
def fair(make_org, make_member, monkeypatch) -> Fair:  # type: ignore[no-untyped-def]
    from seaward.catalog import services as catalog
    from seaward.catalog.pricing import Tier
    from seaward.core import embeddings
    from seaward.fair import product_profile, services
    from seaward.organizations.models import Organization

    monkeypatch.setattr(embeddings, "embed", hashed_embedder)
    organizer = make_org("Silk Fairs", kind=Organization.Kind.FAIR_ORGANIZER, country="CN")
    organizer_user = make_member(organizer, "owner")
    exporter = make_org("Ningbo Pots", country="CN", time_zone="Asia/Shanghai")
    seller = make_member(exporter, "owner", language="en", time_zone="Asia/Shanghai")
    buyer = make_org(
        "Cocinas", kind=Organization.Kind.BUYER, country="ES", time_zone="Europe/Madrid"
    )
    buyer_user = make_member(buyer, "owner", language="es", time_zone="Europe/Madrid")
    with activate(organizer):
        event = services.event_create(
            actor=organizer_user,
            name="Madrid hybrid fair",
            kind="hybrid",
            time_zone="Europe/Madrid",
            starts_on=date.today() + timedelta(days=10),
            ends_on=date.today() + timedelta(days=11),
            slots_per_day=4,
            tables=1,
        )
        venue = services.venue_add(
            actor=organizer_user, event=event, city="Madrid", country="ES", hall="Hall 7"
        )
        event = services.event_publish(actor=organizer_user, event=event)
    with activate(exporter):
        pot = catalog.product_create(
            actor=seller,
            title={"zh": "不锈钢汤锅 带玻璃盖", "en": "Stainless steel stock pot with glass lid"},
            origin_country="CN",
        )
        catalog.sku_create(
            actor=seller,
            product=pot,
            code="SP",
            moq=100,
            tiers=[Tier("EUR", Decimal(1), Decimal(8))],
        )
        lamp = catalog.product_create(
            actor=seller, title={"zh": "LED台灯 可调光"}, origin_country="CN"
        )
        catalog.sku_create(actor=seller, product=lamp, code="LAMP", moq=5000)
        exhibitor = services.exhibitor_register(
            actor=seller, event=event, booth_number="7A", venue=venue, ships_to=["ES", "FR"]
        )
        show = services.show_product_add(actor=seller, exhibitor=exhibitor, product=pot)
        services.show_product_add(actor=seller, exhibitor=exhibitor, product=lamp)
        product_profile.certifications_set(actor=seller, product=pot, codes=["lfgb", "CE"])
        sample = services.sample_add(actor=seller, show_product=show, label="shelf B")
    return Fair(
        organizer,
        organizer_user,
        exporter,
        seller,
        buyer,
        buyer_user,
        event,
        venue,
        exhibitor,
        pot,
        show,
        sample,
        lamp,
    )


def test_only_a_fair_organizer_creates_events(exporter, owner):  # type: ignore[no-untyped-def]
    from seaward.fair import services
    from seaward.fair.models import Event

    with activate(exporter), pytest.raises(InvalidInput):
        services.event_create(
            actor=owner,
            name="x",
            kind="online",
            time_zone="UTC",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 1, 1),
        )
    assert Event.all_objects.count() == 0


def test_publishing_twice_is_an_illegal_transition(fair: Fair) -> None:
    from seaward.fair import services

    with activate(fair.organizer), pytest.raises(IllegalTransition):
        services.event_publish(actor=fair.organizer_user, event=fair.event)


def test_a_draft_event_is_closed_to_exhibitors(fair: Fair, make_org) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair import services
    from seaward.fair.web_errors import EventNotOpen

    with activate(fair.organizer):
        draft = services.event_create(
            actor=None,
            name="draft",
            kind="online",
            time_zone="UTC",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 1, 1),
        )
    with activate(make_org("Other")), pytest.raises(EventNotOpen):
        services.exhibitor_register(actor=None, event=draft)


def test_registering_twice_is_refused(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.web_errors import AlreadyRegistered

    with activate(fair.exporter), pytest.raises(AlreadyRegistered):
        services.exhibitor_register(actor=fair.seller, event=fair.event)


def test_products_on_show_are_embedded_in_the_background_and_stored_once(
    fair: Fair, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from seaward.catalog import services as catalog
    from seaward.fair import services
    from seaward.fair.embedding_store import StoredEmbedder, record_product_vectors
    from seaward.fair.models import ProductVector

    with activate(fair.exporter):
        kettle = catalog.product_create(actor=None, title={"zh": "电热水壶"}, origin_country="CN")
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            services.show_product_add(actor=None, exhibitor=fair.exhibitor, product=kettle)
    assert len(callbacks) == 1  # the embedding task, run by the immediate backend
    stored = set(ProductVector.all_objects.filter(product=kettle).values_list("pk", flat=True))
    assert stored
    record_product_vectors(kettle)
    assert (
        set(ProductVector.all_objects.filter(product=kettle).values_list("pk", flat=True)) == stored
    )
    embedder = StoredEmbedder.for_products([kettle.pk])
    embedder(["电热水壶"])
    assert embedder.misses == 0


def test_a_scanned_sample_becomes_a_lead_and_a_meeting_request(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.models import Lead, Meeting, MeetingStatus

    lead = services.lead_from_sample(
        sample=fair.sample,
        kind="meeting",
        name="Javier",
        email="javier@example.test",
        language="es-ES",
        time_zone="Europe/Madrid",
        slot=1,
    )
    with activate(fair.exporter):
        assert Lead.objects.owned().get() == lead
        meeting = Meeting.objects.get(lead=lead)
        assert meeting.status == MeetingStatus.REQUESTED and meeting.slot == 1
    with activate(fair.buyer):
        assert not Lead.objects.exists()
        assert not Meeting.objects.exists()


def test_a_lead_with_a_bad_email_writes_nothing(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.models import Lead, Meeting

    with pytest.raises(InvalidInput):
        services.lead_from_sample(
            sample=fair.sample, kind="meeting", name="X", email="not-an-email"
        )
    assert Lead.all_objects.count() == 0 and Meeting.all_objects.count() == 0


def test_matching_applies_hard_constraints_and_explains(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.models import RfqMatch

    with activate(fair.buyer):
        rfq = services.request_create(
            actor=fair.buyer_user,
            event=fair.event,
            text="olla de acero inoxidable con tapa de vidrio",
            quantity=500,
            destination_country="ES",
            required_certifications=["LFGB"],
        )
        # the immediate backend matched on commit; run again to inspect the result directly
        matches = services.request_match(request=rfq)
    assert [m.show_product.product_id for m in matches] == [fair.pot.pk]
    codes = matches[0].explanation["codes"]
    assert {"moq_met", "certifications_met", "ships_to_destination"} <= set(codes)
    # the lamp was excluded: MOQ 5000 > 500 and no LFGB
    assert matches[0].explanation["excluded"]
    with activate(fair.exporter):
        assert RfqMatch.objects.filter(request=rfq).count() == 1  # shared with the exhibitor


def test_a_request_to_a_destination_the_exhibitor_does_not_serve_matches_nothing(
    fair: Fair,
) -> None:
    from seaward.fair import services

    with activate(fair.buyer):
        rfq = services.request_create(
            actor=None, event=fair.event, text="stock pot", quantity=500, destination_country="US"
        )
        assert services.request_match(request=rfq) == []


def test_a_blank_request_writes_nothing(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.models import SourcingRequest

    with activate(fair.buyer), pytest.raises(InvalidInput):
        services.request_create(
            actor=None, event=fair.event, text="  ", quantity=5, destination_country="ES"
        )
    assert SourcingRequest.all_objects.count() == 0


def _buyer_meeting(fair: Fair, slot: int | None = None) -> Any:
    from seaward.fair import services

    with activate(fair.buyer):
        services.participant_join(actor=None, event=fair.event, time_zone="Europe/Madrid")
        return services.meeting_request(
            actor=fair.buyer_user, exhibitor=fair.exhibitor, message="hola", slot=slot
        )


def test_accepting_books_the_slot_and_shows_it_in_both_zones(fair: Fair) -> None:
    from seaward.fair import services

    meeting = _buyer_meeting(fair, slot=0)
    with activate(fair.exporter):
        meeting = services.meeting_accept(actor=fair.seller, meeting=meeting)
    madrid = meeting.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Madrid"))
    shanghai = meeting.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    assert madrid.hour == 9 and madrid.minute == 0
    assert shanghai.hour in (16, 17)  # 7 h ahead in summer, 8 h in winter
    assert meeting.video_url.startswith("https://")


def test_the_requester_cannot_accept_its_own_request(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.web_errors import NotTheOtherParty

    meeting = _buyer_meeting(fair, slot=0)
    with activate(fair.buyer), pytest.raises(NotTheOtherParty):
        services.meeting_accept(actor=fair.buyer_user, meeting=meeting)


def test_no_double_booking(fair: Fair, make_org) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair import services
    from seaward.fair.web_errors import SlotUnavailable
    from seaward.organizations.models import Organization

    first = _buyer_meeting(fair, slot=2)
    other = make_org("Second buyer", kind=Organization.Kind.BUYER, country="FR")
    with activate(other):
        second = services.meeting_request(actor=None, exhibitor=fair.exhibitor, slot=2)
    with activate(fair.exporter):
        services.meeting_accept(actor=None, meeting=first, slot=2)
        with pytest.raises(SlotUnavailable):
            services.meeting_accept(actor=None, meeting=second, slot=2)
        services.meeting_accept(actor=None, meeting=second, slot=3)


def test_a_declined_meeting_cannot_be_accepted_or_held(fair: Fair) -> None:
    from seaward.fair import services

    meeting = _buyer_meeting(fair, slot=0)
    with activate(fair.exporter):
        services.meeting_decline(actor=None, meeting=meeting)
        with pytest.raises(IllegalTransition):
            services.meeting_accept(actor=None, meeting=meeting, slot=0)
        with pytest.raises(IllegalTransition):
            services.meeting_mark_held(actor=None, meeting=meeting)


def test_a_requested_meeting_cannot_be_marked_held(fair: Fair) -> None:
    from seaward.fair import services

    meeting = _buyer_meeting(fair)
    with activate(fair.exporter), pytest.raises(IllegalTransition):
        services.meeting_mark_held(actor=None, meeting=meeting)


def test_the_scheduler_books_requested_meetings_without_clashes(fair: Fair, make_org) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair import scheduler_services, services
    from seaward.fair.models import BOOKED, Meeting, ScheduleRun
    from seaward.organizations.models import Organization

    _buyer_meeting(fair)
    for n in range(3):
        other = make_org(f"Buyer {n}", kind=Organization.Kind.BUYER, country="FR")
        with activate(other):
            services.meeting_request(actor=None, exhibitor=fair.exhibitor, priority=1 + n % 3)
    with activate(fair.organizer):
        run = scheduler_services.schedule_run(
            actor=fair.organizer_user, event=fair.event, time_limit_s=5
        )
        assert run.objective >= run.greedy_objective and run.bound >= run.objective
        booked = scheduler_services.schedule_apply(actor=fair.organizer_user, run=run)
        with pytest.raises(IllegalTransition):
            scheduler_services.schedule_apply(
                actor=fair.organizer_user, run=ScheduleRun.objects.get()
            )
    meetings = Meeting.all_objects.filter(status__in=BOOKED)
    assert booked == meetings.count() == 4  # one exhibitor, 8 slots, one table per slot
    assert len({m.slot for m in meetings}) == 4


def test_funnel_counts_scans_leads_and_meetings(fair: Fair) -> None:
    from seaward.fair import selectors, services

    services.touch_record(sample=fair.sample, kind="scan", language="es")
    services.touch_record(sample=fair.sample, kind="visit", language="es")
    services.lead_from_sample(sample=fair.sample, kind="quote", name="A", email="a@example.test")
    _buyer_meeting(fair)
    funnel = selectors.event_funnel(fair.event)
    assert (funnel.visits, funnel.scans, funnel.leads, funnel.meetings_requested) == (2, 1, 1, 1)
    assert funnel.meetings_held == 0 and funnel.quotes == 0


def test_ics_invitation_names_the_time_in_utc(fair: Fair) -> None:
    from seaward.fair import services
    from seaward.fair.ics import meeting_ics

    meeting = _buyer_meeting(fair, slot=1)
    with activate(fair.exporter):
        meeting = services.meeting_accept(actor=None, meeting=meeting)
    ics = meeting_ics(meeting).decode()
    assert "BEGIN:VEVENT" in ics and f"DTSTART:{meeting.starts_at:%Y%m%dT%H%M%S}Z" in ics


def test_reindex_command_rebuilds_every_product_on_show(fair: Fair, capsys) -> None:  # type: ignore[no-untyped-def]
    import argparse
    import json

    from seaward.fair import reindex_cli
    from seaward.fair.models import ProductVector

    ProductVector.all_objects.all().delete()
    parser = argparse.ArgumentParser()
    reindex_cli.register(parser.add_subparsers())
    args = parser.parse_args(["reindex", "--event", str(fair.event.pk)])
    assert args.func(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["products"] == 2
    assert ProductVector.all_objects.filter(product=fair.pot).exists()
    assert ProductVector.all_objects.filter(product=fair.lamp).exists()


def _png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_photo_is_validated_reencoded_and_thumbnailed(fair: Fair) -> None:
    from seaward.fair import product_profile

    with activate(fair.exporter):
        image = product_profile.product_image_add(
            actor=None, product=fair.pot, data=_png(1200, 800)
        )
    assert bytes(image.thumbnail)[:2] == b"\xff\xd8"  # JPEG
    assert (image.width, image.height) == (1200, 800)


@pytest.mark.parametrize(
    "data", [b"not an image at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, _png(120, 80)]
)
def test_a_bad_photo_is_refused_and_nothing_is_stored(fair: Fair, data: bytes) -> None:
    from seaward.fair import product_profile
    from seaward.fair.images import BadImage
    from seaward.fair.models import ProductImage

    with activate(fair.exporter), pytest.raises(BadImage):
        product_profile.product_image_add(actor=None, product=fair.pot, data=data)
    assert ProductImage.all_objects.count() == 0


def test_green_attributes_are_validated(fair: Fair) -> None:
    from seaward.fair import product_profile

    with activate(fair.exporter):
        green = product_profile.product_green_set(
            actor=None,
            product=fair.pot,
            materials="304 stainless steel",
            carbon_kg_co2e=Decimal("2.4"),
        )
        assert green.materials == "304 stainless steel"
        with pytest.raises(InvalidInput):
            product_profile.product_green_set(
                actor=None, product=fair.pot, recycled_share_percent=150
            )


CSV_OK = (
    "sku,title_zh,title_en,origin_country,hs_code,moq,unit_cost,prices\n"
    "NEW-1,不锈钢炒锅,Steel wok,CN,7323.93,200,30.5,EUR 200 6.90; USD 1000 7.20\n"
    "NEW-2,蒸锅,,CN,732393,100,,\n"
)
CSV_BAD = CSV_OK + "SP,砧板,,CHN,73,0,x,EUR two 3\n"


def test_bulk_import_previews_then_imports_with_progress(
    fair: Fair, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from seaward.catalog.models import Sku
    from seaward.fair import catalog_import

    with activate(fair.exporter):
        job = catalog_import.import_preview(
            actor=None, data=CSV_OK.encode(), file_name="products.csv"
        )
        assert job.total == 2 and job.error_count == 0
        assert not Sku.objects.owned().filter(code__startswith="NEW-").exists()
        with django_capture_on_commit_callbacks(execute=True):
            catalog_import.import_start(actor=None, job=job, valid_only=False)
        job.refresh_from_db()
        assert (job.status, job.done, job.created) == ("done", 2, 2)
        wok = Sku.objects.owned().get(code="NEW-1")
        assert wok.product.hs_code == "732393" and wok.price_tiers.count() == 2


def test_a_file_with_errors_names_row_and_column_and_imports_nothing_by_default(
    fair: Fair, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from seaward.catalog.models import Sku
    from seaward.fair import catalog_import

    with activate(fair.exporter):
        job = catalog_import.import_preview(actor=None, data=CSV_BAD.encode(), file_name="p.csv")
        bad = next(r for r in job.rows if r["errors"])
        columns = {e["column"] for e in bad["errors"]}
        assert bad["row"] == 4
        assert {"sku", "origin_country", "hs_code", "moq", "unit_cost", "prices"} <= columns
        with pytest.raises(InvalidInput):
            catalog_import.import_start(actor=None, job=job, valid_only=False)
        assert not Sku.objects.owned().filter(code__startswith="NEW-").exists()
        with django_capture_on_commit_callbacks(execute=True):
            catalog_import.import_start(actor=None, job=job, valid_only=True)
        assert Sku.objects.owned().filter(code__startswith="NEW-").count() == 2
        with pytest.raises(IllegalTransition):
            catalog_import.import_start(actor=None, job=job, valid_only=True)


def test_an_excel_file_is_read_and_a_broken_one_refused(fair: Fair) -> None:
    import io

    from openpyxl import Workbook

    from seaward.fair import catalog_import

    book = Workbook()
    sheet = book.active
    sheet.append(["SKU", "Title_EN", "Origin_Country", "MOQ"])
    sheet.append(["XL-1", "Bamboo cutting board", "CN", 500])
    buffer = io.BytesIO()
    book.save(buffer)
    with activate(fair.exporter):
        job = catalog_import.import_preview(actor=None, data=buffer.getvalue(), file_name="p.xlsx")
        assert job.rows[0]["values"]["moq"] == 500 and not job.rows[0]["errors"]
        with pytest.raises(InvalidInput):
            catalog_import.import_preview(actor=None, data=b"PK\x03\x04junk", file_name="p.xlsx")
        with pytest.raises(InvalidInput):
            catalog_import.import_preview(actor=None, data=b"name\nx\n", file_name="p.csv")
