"""The ledger's part of the demo: the Ningbo exporter is paid, settles and reconciles.

Idempotent: each step looks for what it would create. Rates come from the ECB data
loaded by ``seaward demo``; without it, the rates below stand in as user-entered rates.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from seaward.core.errors import DomainError
from seaward.core.money import Money
from seaward.core.tenancy import activate
from seaward.ledger import services
from seaward.ledger.models import Account, Receipt, Receivable, Revaluation, Settlement
from seaward.organizations.models import Organization, Party, User

STATEMENT = Path(__file__).resolve().parent / "demo_data" / "boc-ningbo-usd-2026-10.sta"
FALLBACK_RATES = {"USD": Decimal("6.65"), "EUR": Decimal("7.43")}
GULF = "Gulf Home Trading LLC"
COCINAS = "Cocinas Mediterráneo S.L."
INVOICES = [
    # number, buyer, currency, amount, invoice date, due date
    ("NH-2026-0009", COCINAS, "EUR", "3200.00", date(2026, 7, 20), date(2026, 8, 19)),
    ("NH-2026-0012", GULF, "USD", "10000.00", date(2026, 8, 28), date(2026, 10, 12)),
    ("NH-2026-0015", COCINAS, "EUR", "8500.00", date(2026, 9, 4), date(2026, 10, 19)),
    ("NH-2026-0018", GULF, "USD", "6200.00", date(2026, 9, 10), date(2026, 10, 25)),
    ("NH-2026-0021", GULF, "USD", "4350.00", date(2026, 9, 18), date(2026, 11, 2)),
    ("NH-2026-0024", GULF, "USD", "12800.00", date(2026, 10, 15), date(2026, 11, 29)),
]


def _user_rate(currency: str, on: date) -> Decimal | None:
    """None when the ECB knows the day's rate (it is then used), else a stand-in rate.

    The stand-in drifts by up to ±1.5 % over a month, so FX results are not all zero.
    """
    try:
        services.reference_rate(currency, on)
    except DomainError:
        drift = Decimal(on.toordinal() % 31 - 15) / 1000
        return (FALLBACK_RATES[currency] * (1 + drift)).quantize(Decimal("0.0001"))
    return None


def _account(actor: User, code: str, name: str, currency: str, number: str = "") -> Account:
    found = Account.objects.filter(code=code).first()
    if found is not None:
        return found
    bank = Party.objects.filter(is_bank=True).first()
    return services.account_create(
        actor=actor, code=code, name=name, currency=currency, bank_account_number=number, bank=bank
    )


def demo_ledger() -> None:
    organization = Organization.objects.filter(slug="ningbo-harbor").first()
    actor = User.objects.filter(email="finance@ningbo.demo").first()
    if organization is None or actor is None:
        return
    with activate(organization), transaction.atomic():
        _story(actor)


def _story(actor: User) -> None:
    usd = _account(
        actor, "BOC-USD", "Bank of China Ningbo · USD collection", "USD", "358201100012345"
    )
    _account(actor, "BOC-EUR", "Bank of China Ningbo · EUR collection", "EUR", "358201100012399")
    cny = _account(actor, "BOC-CNY", "Bank of China Ningbo · CNY basic", "CNY", "358201100010001")
    for number, buyer_name, currency, amount, issued, due in INVOICES:
        buyer = Party.objects.filter(name=buyer_name).first()
        if buyer is None or Receivable.objects.filter(invoice_number=number).exists():
            continue
        services.receivable_post_invoice(
            invoice_number=number,
            buyer=buyer,
            amount=Money.of(amount, currency),
            invoice_date=issued,
            due_date=due,
            rate=_user_rate(currency, issued),
            actor=actor,
            source="demo",
        )
    period_end = date(2026, 9, 30)
    if not Revaluation.objects.filter(period_end=period_end).exists():
        rates = {c: r for c in ("USD", "EUR") if (r := _user_rate(c, period_end)) is not None}
        services.revaluation_run(period_end=period_end, user_rates=rates, actor=actor)
    first = Receivable.objects.filter(invoice_number="NH-2026-0012").first()
    if first is not None and not Receipt.objects.filter(reference="NH-2026-0012").exists():
        # the buyer sent 10,000 USD; intermediary banks kept 35 (SHA); 9,965 arrived
        services.receipt_record(
            account=usd,
            received_on=date(2026, 10, 12),
            net_amount=Money.of("9965.00", "USD"),
            charges=Decimal("35.00"),
            charge_bearer="SHA",
            payer=first.buyer,
            allocations=[(first, first.open_amount)],
            reference="NH-2026-0012",
            rate=_user_rate("USD", date(2026, 10, 12)),
            actor=actor,
        )
    if not Settlement.objects.exists():
        settled_on = date(2026, 10, 26)
        mid = _user_rate("USD", settled_on) or services.reference_rate("USD", settled_on).value
        services.settlement_post(
            source_account=usd,
            target_account=cny,
            amount=Money.of("5000.00", "USD"),
            bank_rate=(mid - Decimal("0.0300")).quantize(Decimal("0.0001")),
            mid_rate=mid,
            settled_on=settled_on,
            reference="JIEHUI 5000.00",
            actor=actor,
        )
    services.statement_import(data=STATEMENT.read_bytes(), file_name=STATEMENT.name, actor=actor)
