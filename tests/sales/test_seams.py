"""The seams to compliance (screening gate) and the ledger (invoice receivables)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from seaward.core.errors import Conflict
from seaward.core.tenancy import activate
from seaward.sales import ledger_seam, screening, services


def test_the_gate_passes_while_compliance_has_no_services(monkeypatch):
    monkeypatch.setattr(screening, "COMPLIANCE_SERVICES", "seaward.no_such_context.services")
    assert not screening.is_wired()
    screening.gate(["anyone"])  # no error: nothing to ask yet


def test_the_gate_asks_compliance_about_every_named_party(monkeypatch):
    import importlib

    if not screening.is_wired():
        pytest.skip("compliance services not present")
    module = importlib.import_module(screening.COMPLIANCE_SERVICES)
    seen: list[object] = []
    monkeypatch.setattr(module, "screening_gate", lambda *, parties: seen.extend(parties))
    screening.gate(["buyer", None, "notify"])
    assert seen == ["buyer", "notify"]


def test_the_ledger_seam_is_silent_without_a_ledger(monkeypatch):
    monkeypatch.setattr(ledger_seam, "LEDGER_SERVICES", "seaward.no_such_context.services")
    assert (
        ledger_seam.post_invoice_receivable(actor=None, document=None, amount=0, due=None) is False
    )


@pytest.mark.django_db
def test_a_refused_confirmation_is_a_conflict_naming_the_party(
    sent_quotation, buyer_org, buyer_user, exporter, owner, monkeypatch
):
    def blocked(parties):  # type: ignore[no-untyped-def]
        raise Conflict("Blocked: %(party)s", code="screening_blocked", params={"party": "X"})

    monkeypatch.setattr(screening, "gate", blocked)
    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    assert order.state == "draft"
    with activate(exporter), pytest.raises(Conflict) as error:
        services.order_confirm(actor=owner, order=order)
    assert error.value.code == "screening_blocked"
    order.refresh_from_db()
    assert order.state == "draft"


@pytest.mark.django_db
def test_an_expired_quotation_cannot_be_accepted(sent_quotation, buyer_org, buyer_user):
    from seaward.sales.errors import QuotationExpired
    from seaward.sales.models import Quotation

    Quotation.all_objects.filter(pk=sent_quotation.pk).update(
        valid_until=timezone.localdate() - timedelta(days=1)
    )
    with activate(buyer_org), pytest.raises(QuotationExpired):
        services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
