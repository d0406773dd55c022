"""The ledger pages as a person uses them: post, receive, settle, import, confirm."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from seaward.core.tenancy import activate
from seaward.ledger.models import Account, Receipt, Receivable, Settlement, StatementLine
from seaward.organizations import services as org_services

DEMO = (
    Path(__file__).resolve().parents[2] / "src/seaward/ledger/demo_data/boc-ningbo-usd-2026-10.sta"
)
pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer(exporter, owner):  # type: ignore[no-untyped-def]
    with activate(exporter):
        return org_services.party_create(
            actor=owner, name="Gulf Home Trading LLC", is_buyer=True, country="AE"
        )


def test_the_money_journey_in_the_browser(owner_client, exporter, buyer):
    # given two bank accounts
    for code, currency, number in (("BOC-USD", "USD", "358201100012345"), ("BOC-CNY", "CNY", "")):
        response = owner_client.post(
            "/ledger/accounts/",
            {"code": code, "name": code, "currency": currency, "bank_account_number": number},
        )
        assert response.status_code == 302
    # an invoice receivable
    response = owner_client.post(
        "/ledger/receivables/",
        {
            "invoice_number": "NH-2026-0018",
            "buyer": buyer.pk,
            "currency": "USD",
            "amount": "6200.00",
            "invoice_date": "2026-09-10",
            "rate": "6.70",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    with activate(exporter):
        usd = Account.objects.get(code="BOC-USD")
        cny = Account.objects.get(code="BOC-CNY")
        invoice = Receivable.objects.get()
    # a receipt with intermediary charges (a bad form re-renders with the error)
    bad = owner_client.post("/ledger/receipts/", {"account": usd.pk, "received_on": "2026-10-01"})
    assert bad.status_code == 200 and b"invalid-feedback" in bad.content
    response = owner_client.post(
        "/ledger/receipts/",
        {
            "account": usd.pk,
            "received_on": "2026-10-21",
            "net_amount": "6180.00",
            "charges": "20.00",
            "charge_bearer": "SHA",
            "payer": buyer.pk,
            "invoice": invoice.pk,
            "rate": "6.68",
        },
    )
    assert response.status_code == 302
    with activate(exporter):
        invoice.refresh_from_db()
        assert invoice.status == "paid"
    # a settlement into CNY
    response = owner_client.post(
        "/ledger/settlements/",
        {
            "source_account": usd.pk,
            "target_account": cny.pk,
            "amount": "5000.00",
            "bank_rate": "6.64",
            "mid_rate": "6.67",
            "settled_on": "2026-10-26",
        },
    )
    assert response.status_code == 302
    with activate(exporter):
        assert Settlement.objects.get().realized == -50  # 5,000 × (6.67 − 6.68)
    # a revaluation with a user-entered rate
    response = owner_client.post(
        "/ledger/revaluations/", {"period_end": "2026-10-31", "rates": "USD=6.60"}
    )
    assert response.status_code == 302
    # an unbalanced file is refused until confirmed, then imported
    unbalanced = DEMO.read_bytes().replace(b"USD15615,00", b"USD15600,00")
    response = owner_client.post(
        "/ledger/statements/", {"file": SimpleUploadedFile("s.sta", unbalanced)}
    )
    assert response.status_code == 200 and b"-15.00" in response.content
    response = owner_client.post(
        "/ledger/statements/",
        {"file": SimpleUploadedFile("s.sta", unbalanced), "confirm_unbalanced": "on"},
    )
    assert response.status_code == 302
    with activate(exporter):
        line = StatementLine.objects.get(position=2)
        statement_id = line.statement_id
    # the 6,180 line matches the receipt recorded by hand: confirm it with one click (HTMX)
    assert line.status == "suggested" or line.status == "matched"
    if line.status == "suggested":
        response = owner_client.post(
            f"/ledger/statement-lines/{line.pk}/confirm/", HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200 and b"line-" in response.content
    with activate(exporter):
        assert Receipt.objects.count() == 1
    for path in (
        "/money/",
        "/ledger/accounts/",
        f"/ledger/accounts/{usd.pk}/",
        "/ledger/receivables/",
        f"/ledger/receivables/{invoice.pk}/",
        "/ledger/receipts/",
        "/ledger/settlements/",
        "/ledger/statements/",
        f"/ledger/statements/{statement_id}/",
        f"/ledger/entries/{invoice.entry_id}/",
        "/",
    ):
        assert owner_client.get(path).status_code == 200, path
    page = owner_client.get("/money/").content.decode()
    assert "<svg" in page and "<script" not in page.split("</head>")[1]


def test_roles_without_money_see_nothing_and_sales_cannot_post(client, exporter, make_member):
    viewer = make_member(exporter, "viewer")
    client.force_login(viewer)
    assert client.get("/money/").status_code == 403
    sales = make_member(exporter, "sales")
    client.force_login(sales)
    assert client.get("/money/").status_code == 200
    refused = client.post("/ledger/accounts/", {"code": "X", "name": "X", "currency": "USD"})
    assert refused.status_code == 403
