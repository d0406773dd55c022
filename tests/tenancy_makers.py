"""Makers of one tenant-owned object per URL parameter, for the cross-tenant harness.

Every URL or API path parameter must have a maker here (or be declared shared
reference data): a new endpoint with a new parameter name fails the harness
until its owner says how to make an object of organization A for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MARKER = "ZZCROSSTENANTMARKER"


@dataclass
class World:
    org_a: Any
    owner_a: Any
    org_b: Any
    owner_b: Any
    token_b: str
    cache: dict[str, Any]


Maker = Callable[[World], Any]
MAKERS: dict[str, Maker] = {}

# Routes under these prefixes serve data shared by every organization (reference data);
# their parameters name public codes, not tenant objects.
SHARED_ROUTE_PREFIXES = ("reference/", "/api/v1/reference/")
# Public by design: the secret in the link is the credential.
PUBLIC_URL_NAMES = {
    "invitation_accept",
    "password_reset_confirm",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "health",
    "api_docs",
}


def maker(*names: str) -> Callable[[Maker], Maker]:
    def decorator(function: Maker) -> Maker:
        for name in names:
            MAKERS[name] = function
        return function

    return decorator


def _once(world: World, key: str, build: Callable[[], Any]) -> Any:
    if key not in world.cache:
        world.cache[key] = build()
    return world.cache[key]


@maker("party_id")
def _party(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.organizations import services

    def build() -> int:
        with activate(world.org_a):
            return services.party_create(
                actor=world.owner_a, name=f"{MARKER} party", is_buyer=True, country="ES"
            ).pk

    return _once(world, "party", build)


@maker("membership_id")
def _membership(world: World) -> int:
    from seaward.organizations.models import Membership

    return Membership.objects.get(user=world.owner_a, organization=world.org_a).pk


@maker("invitation_id")
def _invitation(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.organizations import services

    def build() -> int:
        with activate(world.org_a):
            return services.invitation_create(
                actor=world.owner_a, email="zz@example.test", role="sales", base_url="http://t/"
            ).invitation.pk

    return _once(world, "invitation", build)


@maker("token_id")
def _token(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.organizations import services

    def build() -> int:
        with activate(world.org_a):
            return services.api_token_create(user=world.owner_a, name=MARKER).token.pk

    return _once(world, "token", build)


# --- catalog and sales (issue 6) ----------------------------------------------------------------
def _sales_story(world: World) -> dict[str, Any]:
    """Org A's product, sent quotation and confirmed order with its documents issued."""
    from decimal import Decimal

    from seaward.catalog import services as catalog
    from seaward.catalog.pricing import Tier
    from seaward.core.tenancy import activate
    from seaward.organizations import services as organizations
    from seaward.sales import services as sales

    def build() -> dict[str, Any]:
        with activate(world.org_a):
            product = catalog.product_create(
                actor=world.owner_a, title={"en": f"{MARKER} pot"}, origin_country="CN"
            )
            sku = catalog.sku_create(
                actor=world.owner_a,
                product=product,
                code=f"{MARKER}-1",
                tiers=[Tier("EUR", Decimal(1), Decimal("2.50"))],
            )
            buyer = organizations.party_create(
                actor=world.owner_a, name=f"{MARKER} buyer", is_buyer=True, country="ES"
            )
            quotation = sales.quotation_create(
                actor=world.owner_a,
                buyer=buyer,
                currency="EUR",
                incoterm="CIF",
                named_place="ESVLC",
                notes=MARKER,
                lines=[sales.LineInput(quantity=Decimal(10), sku_id=sku.pk)],
            )
            sales.quotation_send(actor=world.owner_a, quotation=quotation)
            sent = sales.quotation_revise(actor=world.owner_a, quotation=quotation)
            sales.quotation_send(actor=world.owner_a, quotation=sent)
            order = sales.quotation_accept(actor=world.owner_a, quotation=sent)
            for kind in ("proforma-invoice", "commercial-invoice", "packing-list"):
                sales.document_issue(actor=world.owner_a, order=order, kind=kind)
            return {"product": product, "sku": sku, "quotation": quotation, "order": order}

    return _once(world, "sales", build)  # type: ignore[no-any-return]


@maker("product_id")
def _product(world: World) -> int:
    return _sales_story(world)["product"].pk  # type: ignore[no-any-return]


@maker("sku_id")
def _sku(world: World) -> int:
    return _sales_story(world)["sku"].pk  # type: ignore[no-any-return]


@maker("quotation_id")
def _quotation(world: World) -> int:
    return _sales_story(world)["quotation"].pk  # type: ignore[no-any-return]


@maker("order_id")
def _order(world: World) -> int:
    return _sales_story(world)["order"].pk  # type: ignore[no-any-return]


@maker("kind")
def _document_kind(world: World) -> str:
    return "proforma-invoice"


def _screening_alert(world: World) -> Any:
    """A list in force and an alert of organization A on a party named with the marker."""
    from seaward.compliance import services as screening
    from seaward.compliance.entities import EntityName, ListEntity, ListSnapshot
    from seaward.compliance.models import Alert, ListEntry
    from seaward.compliance.snapshots import snapshot_store
    from seaward.core.tenancy import activate
    from seaward.organizations.models import Party

    def build() -> Any:
        snapshot_store(
            ListSnapshot(
                "us_bis_dpl",
                "cross-tenant test",
                None,
                (
                    ListEntity(
                        "us_bis_dpl",
                        "DPL-1",
                        "organization",
                        # one letter off: shared list data must not carry A's marker
                        (EntityName(MARKER[:-1] + "X party"),),
                    ),
                ),
            )
        )
        with activate(world.org_a):
            party = _party(world)
            record = screening.screen_party(party=Party.objects.get(pk=party), trigger="manual")
            alert = Alert.objects.filter(party_id=party).first()
            if alert is None:  # the engine's scores moved: an alert all the same
                entry = ListEntry.objects.get(entity_id="DPL-1")
                alert = Alert.objects.create(
                    party_id=party,
                    subject={"name": f"{MARKER} party"},
                    entry=entry,
                    list_id="us_bis_dpl",
                    entity_id="DPL-1",
                    entry_hash=entry.entry_hash,
                    hit_key="cross-tenant",
                    listed_name=entry.primary_name,
                    matched_name=entry.primary_name,
                    score=90,
                    record=record,
                )
            return record.pk, alert.pk

    return _once(world, "screening", build)


@maker("alert_id")
def _alert_id(world: World) -> int:
    return int(_screening_alert(world)[1])


@maker("record_id")
def _record_id(world: World) -> int:
    return int(_screening_alert(world)[0])


# --- ledger ------------------------------------------------------------------------------------
def _ledger_books(world: World) -> dict[str, Any]:
    """Organization A's ledger: an account, an invoice, a receipt, a statement and its line."""

    def build() -> dict[str, Any]:
        from datetime import date
        from decimal import Decimal
        from pathlib import Path

        from seaward.core.money import Money
        from seaward.core.tenancy import activate
        from seaward.ledger import services as ledger
        from seaward.organizations import services as org_services

        with activate(world.org_a):
            buyer = org_services.party_create(
                actor=world.owner_a, name=f"{MARKER} buyer", is_buyer=True, country="AE"
            )
            account = ledger.account_create(
                actor=world.owner_a,
                code="ZZ-USD",
                name=f"{MARKER} account",
                currency="USD",
                bank_account_number="358201100012345",
            )
            receivable = ledger.receivable_post_invoice(
                invoice_number="NH-2026-0018",
                buyer=buyer,
                amount=Money.of("6200.00", "USD"),
                invoice_date=date(2026, 9, 1),
                rate=Decimal("6.7"),
                actor=world.owner_a,
            )
            receipt = ledger.receipt_record(
                account=account,
                received_on=date(2026, 9, 2),
                net_amount=Money.of("100.00", "USD"),
                payer_name=MARKER,
                reference=MARKER,
                rate=Decimal("6.7"),
                actor=world.owner_a,
            )
            demo = Path(ledger.__file__).resolve().parents[1] / "demo_data"
            imported = ledger.statement_import(
                data=(demo / "boc-ningbo-usd-2026-10.sta").read_bytes(),
                file_name=MARKER,
                actor=world.owner_a,
                reconcile=False,
            )
            statement = imported.created[0]
            return {
                "account_id": account.pk,
                "entry_id": receivable.entry_id,
                "receivable_id": receivable.pk,
                "receipt_id": receipt.pk,
                "statement_id": statement.pk,
                "line_id": statement.lines.first().pk,
            }

    return _once(world, "ledger", build)


@maker("account_id", "entry_id", "receivable_id", "receipt_id", "statement_id", "line_id")
def _ledger_object(world: World) -> int:
    raise NotImplementedError  # replaced per name below


for _name in ("account_id", "entry_id", "receivable_id", "receipt_id", "statement_id", "line_id"):
    MAKERS[_name] = lambda world, _name=_name: _ledger_books(world)[_name]


# --- customs (issue 4) --------------------------------------------------------------------------
def _customs_story(world: World) -> dict[str, Any]:
    """Org A's confirmed classification of its SKU and a saved landed-cost estimate."""
    from decimal import Decimal

    from seaward.core.tenancy import activate
    from seaward.customs import services as customs

    def build() -> dict[str, Any]:
        sku = _sales_story(world)["sku"]
        with activate(world.org_a):
            decision = customs.classification_confirm(
                actor=world.owner_a,
                sku=sku,
                code="732393",
                product=customs.ProductText(title=f"{MARKER} stainless steel stock pot"),
            )
            estimate = customs.estimate_save(
                actor=world.owner_a,
                name=MARKER,
                request=customs.CostRequest(
                    destination_port="ESVLC",
                    currency="EUR",
                    incoterm="CIF",
                    transport_mode="sea",
                    on=customs.latest_fx_date(),
                    lines=(customs.CostLine("732393", "CN", Decimal("1000")),),
                ),
            )
            return {"decision_id": decision.pk, "estimate_id": estimate.pk}

    return _once(world, "customs", build)  # type: ignore[no-any-return]


@maker("decision_id")
def _customs_decision(world: World) -> int:
    return _customs_story(world)["decision_id"]  # type: ignore[no-any-return]


@maker("estimate_id")
def _customs_estimate(world: World) -> int:
    return _customs_story(world)["estimate_id"]  # type: ignore[no-any-return]


# --- fair (issue 3) ------------------------------------------------------------------------------
# The booth sample's product page and the visitor's meeting page are public by design: the
# unguessable token in the QR code or link is the credential (like an invitation).
PUBLIC_URL_NAMES.update({"fair_sample_public", "fair_sample_photo", "fair_visitor_meeting"})


def _fair_story(world: World) -> dict[str, Any]:
    """Org A's draft event with its own booth, product on show, sample, lead, request,
    meeting and schedule run (a draft event is its organizer's alone)."""
    from datetime import date

    from seaward.core.tenancy import activate
    from seaward.fair import models as fair

    def build() -> dict[str, Any]:
        product_id = _product(world)
        with activate(world.org_a):
            event = fair.Event.objects.create(
                name=f"{MARKER} fair",
                kind="hybrid",
                time_zone="Europe/Madrid",
                starts_on=date(2026, 12, 1),
                ends_on=date(2026, 12, 2),
            )
            exhibitor = fair.Exhibitor.objects.create(event=event, booth_number="Z1")
            show = fair.ShowProduct.objects.create(exhibitor=exhibitor, product_id=product_id)
            sample = fair.Sample.objects.create(show_product=show, label=MARKER)
            lead = fair.Lead.objects.create(
                event=event, kind="quote", name=MARKER, email="zz@example.test"
            )
            request = fair.SourcingRequest.objects.create(
                event=event, text=MARKER, quantity=10, destination_country="ES"
            )
            meeting = fair.Meeting.objects.create(
                event=event,
                exhibitor=exhibitor,
                exhibitor_organization=world.org_a,
                lead=lead,
                message=MARKER,
            )
            image = fair.ProductImage.objects.create(
                product_id=product_id, content=b"x", thumbnail=MARKER.encode(), width=1, height=1
            )
            job = fair.CatalogImport.objects.create(
                file_name=MARKER,
                rows=[{"row": 2, "values": {"sku": MARKER, "title": {}}, "errors": []}],
            )
            run = fair.ScheduleRun.objects.create(
                event=event,
                requests=1,
                objective=0,
                bound=0,
                status="optimal",
                seconds=0,
                greedy_objective=0,
                greedy_seconds=0,
            )
            return {
                "event_id": event.pk,
                "exhibitor_id": exhibitor.pk,
                "show_id": show.pk,
                "sample_id": sample.pk,
                "lead_id": lead.pk,
                "request_id": request.pk,
                "meeting_id": meeting.pk,
                "run_id": run.pk,
                "image_id": image.pk,
                "import_id": job.pk,
            }

    return _once(world, "fair", build)  # type: ignore[no-any-return]


for _name in (
    "event_id",
    "exhibitor_id",
    "show_id",
    "sample_id",
    "lead_id",
    "request_id",
    "meeting_id",
    "run_id",
    "image_id",
    "import_id",
):
    MAKERS[_name] = lambda world, _name=_name: _fair_story(world)[_name]


# --- logistics (issue 8) ------------------------------------------------------------------------
def _logistics_story(world: World) -> dict[str, Any]:
    """Org A's shipment (Ningbo → Valencia, no reference rows needed), plan and warehouse."""
    from decimal import Decimal

    from seaward.core.tenancy import activate
    from seaward.logistics import services, warehousing
    from seaward.logistics.models import Shipment, ShipmentEvent
    from seaward.organizations import services as organizations

    def build() -> dict[str, Any]:
        with activate(world.org_a):
            buyer = organizations.party_create(
                actor=world.owner_a, name=f"{MARKER} consignee", is_buyer=True, country="ES"
            )
            shipment = Shipment.objects.create(
                number=f"{MARKER}-SHP",
                mode="sea_fcl",
                buyer=buyer,
                origin="CNNBO",
                destination="ESVLC",
                booking_number=MARKER,
                notes=MARKER,
            )
            ShipmentEvent.objects.create(
                shipment=shipment,
                event_type="TRANSPORT",
                classifier="ACT",
                code="DEPA",
                date_time="2026-06-01T00:00:00Z",
                description=MARKER,
                source="manual",
            )
            plan = services.plan_create(
                actor=world.owner_a,
                name=f"{MARKER} plan",
                cartons=[
                    services.CartonInput(
                        ref=MARKER[:10],
                        length_cm=Decimal(60),
                        width_cm=Decimal(40),
                        height_cm=Decimal(40),
                        weight_kg=Decimal(10),
                        quantity=5,
                    )
                ],
                container_types=["20GP"],
            )
            warehouse = warehousing.warehouse_create(
                actor=world.owner_a, name=f"{MARKER} warehouse", code="ZZ1", country="ES"
            )
            return {"shipment": shipment, "plan": plan, "warehouse": warehouse}

    return _once(world, "logistics", build)  # type: ignore[no-any-return]


@maker("shipment_id")
def _shipment(world: World) -> int:
    return _logistics_story(world)["shipment"].pk  # type: ignore[no-any-return]


@maker("plan_id")
def _load_plan(world: World) -> int:
    return _logistics_story(world)["plan"].pk  # type: ignore[no-any-return]


@maker("warehouse_id")
def _warehouse(world: World) -> int:
    return _logistics_story(world)["warehouse"].pk  # type: ignore[no-any-return]


@maker("reservation_id")
def _reservation(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.logistics import warehousing

    def build() -> int:
        warehouse = _logistics_story(world)["warehouse"]
        sku = _sales_story(world)["sku"]
        with activate(world.org_a):
            warehousing.stock_adjust(
                actor=world.owner_a, warehouse=warehouse, sku=sku, quantity=5, reason=MARKER
            )
            return warehousing.reservation_create(
                actor=world.owner_a, warehouse=warehouse, sku=sku, quantity=2, reference=MARKER
            ).pk

    return _once(world, "reservation", build)  # type: ignore[no-any-return]


@maker("action")
def _reservation_action(world: World) -> str:
    return "release"
