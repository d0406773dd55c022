"""Sales services against the database: quotations, versions, acceptance, orders."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seaward.core.errors import InvalidInput, NotFound
from seaward.core.tenancy import activate
from seaward.sales import selectors, services
from seaward.sales.models import Quotation, SalesOrder

pytestmark = pytest.mark.django_db


def test_quotation_prices_sku_lines_from_the_quantity_tier(make_quotation, exporter):
    quotation = make_quotation(quantity="600")
    with activate(exporter):
        lines = list(quotation.lines.all())
    assert lines[0].unit_price == Decimal("7.20")  # the 500+ tier
    assert lines[0].description["zh"] == "不锈钢汤锅 24厘米"
    assert lines[0].hs_code == "732393"
    # 600 × 7.20 + 50 × 1.35
    assert quotation.total == Decimal("4387.50")
    assert quotation.number.startswith("QT-")


def test_below_the_moq_is_refused(make_quotation):
    with pytest.raises(InvalidInput) as error:
        make_quotation(quantity="10")
    assert error.value.field == "lines.1.quantity"


def test_a_named_place_must_look_like_a_unlocode(make_quotation):
    with pytest.raises(InvalidInput) as error:
        make_quotation(named_place="Valencia")
    assert error.value.code == "invalid_named_place"


def test_cost_build_up_counts_the_costs_the_incoterm_puts_on_the_seller(make_quotation, exporter):
    quotation = make_quotation()
    with activate(exporter):
        built = selectors.cost_build_up(quotation)
    assert built is not None
    borne = {line.cost: line.borne_by_seller for line in built.lines}
    assert borne["freight"] and borne["insurance"] and not borne["duty"]
    # goods 600 × 38.50 = 23 100 CNY + inland 800 + freight 9 500 + insurance 90
    assert built.total_cost.amount == Decimal("33490.00")
    assert built.revenue.amount == Decimal("34222.50")  # 4 387.50 EUR × 7.8
    assert built.margin.amount == Decimal("732.50")


def test_fob_leaves_freight_and_insurance_to_the_buyer(make_quotation, exporter):
    quotation = make_quotation(incoterm="FOB", named_place="CNNBO")
    with activate(exporter):
        built = selectors.cost_build_up(quotation)
    assert built is not None
    assert built.total_cost.amount == Decimal("23900.00")


def test_drafts_are_invisible_to_the_buyer(make_quotation, buyer_org):
    quotation = make_quotation()
    with activate(buyer_org):
        assert not Quotation.objects.filter(pk=quotation.pk).exists()


def test_sent_quotations_are_visible_to_the_buyer_only(sent_quotation, buyer_org, other_exporter):
    with activate(buyer_org):
        assert list(selectors.quotations_received()) == [sent_quotation]
    with activate(other_exporter):
        assert not Quotation.objects.filter(pk=sent_quotation.pk).exists()


def test_revising_a_sent_quotation_makes_a_new_version(sent_quotation, exporter, owner, buyer_org):
    with activate(exporter):
        new = services.quotation_revise(actor=owner, quotation=sent_quotation)
        versions = list(selectors.quotation_versions(new))
    assert new.version == 2 and new.number == sent_quotation.number and new.state == "draft"
    assert [v.version for v in versions] == [2, 1]
    assert versions[1].state == "superseded"
    with activate(buyer_org):  # the buyer keeps the sent version, not the new draft
        assert list(selectors.quotations_received()) == [versions[1]]


def test_buyer_accepts_and_the_order_is_confirmed(sent_quotation, buyer_org, buyer_user):
    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    assert order.state == "confirmed"
    assert order.total == Decimal("4387.50")
    assert order.deposit_amount + order.balance_amount == order.total
    assert order.deposit_amount == Decimal("1316.25")
    assert order.deposit_due is not None and order.balance_due is not None
    assert order.balance_due > order.deposit_due


def test_a_blocked_party_leaves_the_order_in_draft_with_the_reason(
    sent_quotation, buyer_org, buyer_user, monkeypatch
):
    from seaward.core.errors import Conflict
    from seaward.sales import screening

    def blocked(parties):  # type: ignore[no-untyped-def]
        raise Conflict("Screening hit: %(party)s", params={"party": parties[0].name})

    monkeypatch.setattr(screening, "gate", blocked)
    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    assert order.state == "draft"
    assert "Cocinas Test S.L." in order.draft_reason


def test_buyer_requests_changes(sent_quotation, buyer_org, buyer_user):
    with activate(buyer_org):
        quotation = services.quotation_request_changes(
            actor=buyer_user, quotation=sent_quotation, message="Precio 6.90 por favor"
        )
    assert quotation.state == "changes_requested"
    assert quotation.buyer_message == "Precio 6.90 por favor"


def test_another_exporter_cannot_accept(sent_quotation, other_exporter, outsider):
    with activate(other_exporter), pytest.raises(NotFound):
        services.quotation_accept(actor=outsider, quotation=sent_quotation)


def test_order_walks_its_states(sent_quotation, buyer_org, buyer_user, exporter, owner):
    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    with activate(exporter):
        for state in ("in_production", "ready_to_ship", "shipped", "delivered", "closed"):
            order = services.order_transition(actor=owner, order=order, to=state)
        assert SalesOrder.objects.get(pk=order.pk).state == "closed"


def test_document_numbers_are_consecutive_per_kind(
    sent_quotation, buyer_org, buyer_user, exporter, owner
):
    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    with activate(exporter):
        pi = services.document_issue(actor=owner, order=order, kind="proforma-invoice")
        again = services.document_issue(actor=owner, order=order, kind="proforma-invoice")
        ci = services.document_issue(actor=owner, order=order, kind="commercial-invoice")
    assert pi.pk == again.pk
    assert pi.number.startswith("PI-") and pi.number.endswith("-00001")
    assert ci.number.endswith("-00001") and not ci.receivable_posted
