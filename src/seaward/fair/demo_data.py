"""Demo fair: a hybrid fair in Madrid run by Silk Road Hybrid Fairs (idempotent).

The Ningbo and Shenzhen exporters show their products (Chinese titles) in Hall 7 with a
QR-coded sample each; the Valencia buyer's request in Spanish is matched to them; a
visitor's scan in the hall became a lead and a meeting with the factory; meetings are
booked across Europe/Madrid and Asia/Shanghai, and a few wait for the organizer's
scheduler.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from seaward.catalog import services as catalog_services
from seaward.catalog.models import Product
from seaward.core.tenancy import activate
from seaward.fair import product_profile, scheduler_services, services
from seaward.fair.embedding_store import record_product_vectors
from seaward.fair.models import Event, Exhibitor, LeadKind, Meeting, Sample, ShowProduct, Touch
from seaward.organizations.models import Organization

EVENT_NAME = "Silk Road Hybrid Fair · Madrid 2026"
SHENZHEN_PRODUCTS = [
    # Chinese and English only: the Spanish visitor sees the original with a note.
    (
        {"zh": "便携式蓝牙音箱 防水 IPX7", "en": "Portable Bluetooth speaker, waterproof IPX7"},
        "851822",
    ),
    ({"zh": "LED护眼台灯 可调光 USB充电"}, "940520"),
]
CERTIFICATIONS = {"732393": ["LFGB"], "821191": ["LFGB"], "851822": ["CE", "FCC", "ROHS"]}
SPANISH_REQUEST = (
    "Buscamos ollas y sartenes de acero inoxidable aptas para inducción, con tapa de vidrio, "
    "para nuestras tiendas de menaje en Valencia."
)


def _org(slug: str) -> Organization | None:
    return Organization.objects.filter(slug=slug).first()


@transaction.atomic
def load() -> None:
    organizer = _org("silk-road-fairs")
    ningbo = _org("ningbo-harbor")
    shenzhen = _org("shenzhen-brightwave")
    valencia = _org("cocinas-mediterraneo")
    dubai = _org("gulf-home")
    if None in (organizer, ningbo, shenzhen, valencia, dubai):
        return
    assert organizer and ningbo and shenzhen and valencia and dubai
    if Event.all_objects.filter(organization=organizer, name=EVENT_NAME).exists():
        return
    first_day = date.today() + timedelta(days=14)
    with activate(organizer):
        event = services.event_create(
            actor=None,
            name=EVENT_NAME,
            kind="hybrid",
            time_zone="Europe/Madrid",
            starts_on=first_day,
            ends_on=first_day + timedelta(days=1),
            slots_per_day=16,
            slot_minutes=30,
            tables=20,
            description=(
                "Negotiate online from home, show the goods in the hall abroad: "
                "境内线上对口谈、境外线下商品展."
            ),
        )
        venue = services.venue_add(
            actor=None,
            event=event,
            city="Madrid",
            country="ES",
            hall="IFEMA Hall 7",
            address="Av. del Partenón 5, 28042 Madrid",
        )
        event = services.event_publish(actor=None, event=event)

    with activate(shenzhen):
        for title, hs in SHENZHEN_PRODUCTS:
            if not Product.objects.owned().filter(hs_code=hs).exists():
                catalog_services.product_create(
                    actor=None, title=title, hs_code=hs, origin_country="CN", lead_time_days=30
                )

    booths = {ningbo: "7A12", shenzhen: "7B03"}
    samples: dict[Organization, list[Sample]] = {}
    for exporter, booth in booths.items():
        with activate(exporter):
            exhibitor = services.exhibitor_register(
                actor=None,
                event=event,
                booth_number=booth,
                venue=venue,
                ships_to=["ES", "PT", "FR", "DE", "IT", "AE", "SA"],
                time_zone="Asia/Shanghai",
            )
            samples[exporter] = []
            for product in Product.objects.owned().order_by("id"):
                codes = CERTIFICATIONS.get(product.hs_code, ["CE"])
                product_profile.certifications_set(actor=None, product=product, codes=codes)
                show = services.show_product_add(actor=None, exhibitor=exhibitor, product=product)
                samples[exporter].append(
                    services.sample_add(actor=None, show_product=show, label=f"Hall 7 · {booth}")
                )
                # The worker would do this after the commit; the demo must match right away.
                record_product_vectors(product)

    with activate(valencia):
        services.participant_join(actor=None, event=event, time_zone="Europe/Madrid")
        rfq = services.request_create(
            actor=None,
            event=event,
            text=SPANISH_REQUEST,
            quantity=1000,
            destination_country="ES",
            currency="EUR",
            target_price=Decimal("7.50"),
            language="es",
            deadline=first_day + timedelta(days=30),
        )
        services.request_match(request=rfq)
    with activate(dubai):
        services.participant_join(actor=None, event=event, time_zone="Asia/Dubai")
        gulf_rfq = services.request_create(
            actor=None,
            event=event,
            text="Electric kettles 1.7 L and rice cookers for the GCC market, 220-240 V",
            quantity=2000,
            destination_country="AE",
            currency="USD",
            language="en",
        )
        services.request_match(request=gulf_rfq)

    # A visitor in the hall scans the stock pot's QR code and books a meeting with the factory.
    pot = samples[ningbo][0] if samples[ningbo] else None
    if pot is not None:
        services.touch_record(sample=pot, kind=Touch.Kind.SCAN, language="es")
        lead = services.lead_from_sample(
            sample=pot,
            kind=LeadKind.MEETING,
            name="Javier Ortega",
            company="Hostelería Ortega S.L.",
            email="javier@hosteleria-ortega.example",
            country="ES",
            language="es",
            time_zone="Europe/Madrid",
            quantity=600,
            message="¿Pueden personalizar el logotipo en la tapa?",
            slot=2,
        )
        with activate(ningbo):
            meeting = Meeting.objects.owned().get(lead=lead)
            services.meeting_accept(actor=None, meeting=meeting, slot=2)

    ningbo_booth = Exhibitor.all_objects.get(event=event, organization=ningbo)
    shenzhen_booth = Exhibitor.all_objects.get(event=event, organization=shenzhen)
    with activate(valencia):
        booked = services.meeting_request(
            actor=None,
            exhibitor=ningbo_booth,
            message="Nos interesa la olla de 24 cm y la sartén de 28 cm.",
            priority=1,
            slot=4,
        )
        services.meeting_request(actor=None, exhibitor=shenzhen_booth, priority=3)
    with activate(ningbo):
        services.meeting_accept(actor=None, meeting=booked, slot=4)
    with activate(dubai):
        services.meeting_request(actor=None, exhibitor=ningbo_booth, priority=2)
        services.meeting_request(actor=None, exhibitor=shenzhen_booth, priority=2)
    for exporter in booths:
        with activate(exporter):
            for sample in samples[exporter]:
                services.touch_record(sample=sample, kind=Touch.Kind.VISIT, language="es")
    assert ShowProduct.all_objects.filter(exhibitor__event=event).exists()
    # The organizer has run the scheduler once on the pending requests (not booked yet).
    with activate(organizer):
        scheduler_services.schedule_run(actor=None, event=event, time_limit_s=5.0)
