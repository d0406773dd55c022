"""Demo sales: quotations and orders of the Ningbo exporter in several states (idempotent).

Cocinas Mediterráneo (Valencia) buys in EUR, CIF Valencia ESVLC; Gulf Home (Dubai) in USD,
FOB Ningbo CNNBO. Rates are entered on the quotations so the margins show even before the
reference FX rates are loaded.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from seaward.catalog.models import Sku
from seaward.core.tenancy import activate
from seaward.organizations.models import Organization, Party, User
from seaward.sales import services
from seaward.sales.models import Quotation

D = Decimal
SPAIN = dict(
    currency="EUR",
    incoterm="CIF",
    named_place="ESVLC",
    named_place_name="Valencia",
    payment_terms="tt",
    deposit_percent=D(30),
    fx_rate=D("7.82"),
    language="es",
    costs={"inland": D(1200), "export_clearance": D(450), "freight": D(14500), "insurance": D(180)},
    packing="Export cartons, 5-ply, on pallets",
)
GULF = dict(
    currency="USD",
    incoterm="FOB",
    named_place="CNNBO",
    named_place_name="Ningbo",
    payment_terms="lc_sight",
    deposit_percent=D(0),
    fx_rate=D("7.12"),
    language="en",
    costs={"inland": D(1200), "export_clearance": D(450)},
    packing="Export cartons, shrink-wrapped",
)


def _lines(codes: dict[str, int]) -> list[services.LineInput]:
    skus = {sku.code: sku.pk for sku in Sku.objects.owned().filter(code__in=codes)}
    return [
        services.LineInput(quantity=D(q), sku_id=skus[c]) for c, q in codes.items() if c in skus
    ]


@transaction.atomic
def load() -> None:
    exporter = Organization.objects.filter(slug="ningbo-harbor").first()
    if exporter is None:
        return
    seller = User.objects.filter(email="sales@ningbo.demo").first()
    buyer_user = User.objects.filter(email="buyer@valencia.demo").first()
    with activate(exporter):
        if Quotation.objects.owned().exists():
            return
        spain = Party.objects.owned().filter(name="Cocinas Mediterráneo S.L.").first()
        notify = Party.objects.owned().filter(name="Transportes Levante Aduanas S.L.").first()
        gulf = Party.objects.owned().filter(name="Gulf Home Trading LLC").first()
        if spain is None or gulf is None or not Sku.objects.owned().exists():
            return
        today = timezone.localdate()

        def quote(buyer: Party, spec: dict, codes: dict[str, int], **extra: object) -> Quotation:
            return services.quotation_create(
                actor=seller,
                buyer=buyer,
                lines=_lines(codes),
                valid_until=today + timedelta(days=30),
                lead_time_days=35,
                **{**spec, **extra},
            )

        # 1. Spain: a draft being prepared.
        quote(spain, SPAIN, {"NH-SP24": 600, "NH-FP28": 1000}, consignee=spain, notify_party=notify)
        # 2. Spain: sent, waiting in the buyer's portal.
        sent = quote(
            spain,
            SPAIN,
            {"NH-EK17": 1000, "NH-HB60": 600},
            consignee=spain,
            notify_party=notify,
            notes="Plug type F (Schuko), CE marked.",
        )
        services.quotation_send(actor=seller, quotation=sent)
        # 3. Spain: sent, changes asked, revised into version 2 and sent again.
        first = quote(spain, SPAIN, {"NH-KS05": 400, "NH-RC18": 300}, consignee=spain)
        first = services.quotation_send(actor=seller, quotation=first)
        spain_org = spain.linked_organization
        if spain_org is not None:
            with activate(spain_org):
                services.quotation_request_changes(
                    actor=buyer_user,
                    quotation=first,
                    message="¿Podrían mejorar el precio de la arrocera para 300 unidades?",
                )
        second = services.quotation_revise(actor=seller, quotation=first)
        services.quotation_send(actor=seller, quotation=second)
        # 4. Spain: accepted by the buyer → order confirmed, documents issued, in production.
        won = quote(
            spain, SPAIN, {"NH-SP24": 1200, "NH-FP28": 2000}, consignee=spain, notify_party=notify
        )
        won = services.quotation_send(actor=seller, quotation=won)
        if spain_org is not None:
            with activate(spain_org):
                order = services.quotation_accept(
                    actor=buyer_user, quotation=won, buyer_reference="CM-PO-2026-118"
                )
        else:
            order = services.quotation_accept(actor=seller, quotation=won)
        for kind in ("proforma-invoice",):
            services.document_issue(actor=seller, order=order, kind=kind)
        order = services.order_transition(actor=seller, order=order, to="in_production")
        # 5. Gulf Home: FOB Ningbo in USD, accepted and shipped with container and seal.
        gulf_quote = quote(gulf, GULF, {"NH-EK17": 3000, "NH-RC18": 600})
        gulf_quote = services.quotation_send(actor=seller, quotation=gulf_quote)
        shipped = services.quotation_accept(
            actor=seller, quotation=gulf_quote, buyer_reference="GH-7781"
        )
        services.order_transition(actor=seller, order=shipped, to="in_production")
        services.order_transition(actor=seller, order=shipped, to="ready_to_ship")
        services.order_transition(
            actor=seller,
            order=shipped,
            to="shipped",
            container_number="MSKU1234565",
            seal_number="ML-CN 4471203",
        )
        for kind in ("proforma-invoice", "commercial-invoice", "packing-list"):
            services.document_issue(actor=seller, order=shipped, kind=kind)
        # 6. Gulf Home: sent then withdrawn.
        lost = quote(gulf, GULF, {"NH-HB60": 1000})
        lost = services.quotation_send(actor=seller, quotation=lost)
        services.quotation_withdraw(actor=seller, quotation=lost)
