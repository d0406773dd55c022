"""The pure double-entry core: the balance rule, FX entries, revaluation, realized FX."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.ledger import fxgains, postings
from seaward.ledger.errors import InvalidPosting, UnbalancedEntry
from seaward.ledger.postings import Leg, Purpose, Rate, Settled, system_code

HOME = "CNY"
D = Decimal
DAY = date(2026, 1, 10)


def test_invoice_entry_balances_in_its_currency_at_the_invoice_rate():
    entry = postings.invoice_entry(
        on=DAY, amount=D("10000.00"), currency="USD", rate=Rate(D("7.1"), "ECB", DAY), home=HOME
    )
    receivable, revenue = entry.legs
    assert receivable.account == "receivable:USD" and receivable.functional == D("71000.00")
    assert revenue.amount == D("-10000.00") and revenue.functional == D("-71000.00")
    assert postings.imbalances(entry.legs) == {"USD": (0, 0)}


def test_validate_refuses_an_entry_unbalanced_in_one_currency():
    legs = (
        Leg("bank:USD", "USD", D("100"), D("710")),
        Leg("revenue:USD", "USD", D("-99"), D("-710")),
    )
    with pytest.raises(UnbalancedEntry) as error:
        postings.validate(postings.Entry(DAY, legs), HOME)
    assert error.value.details["difference"] == "1"


def test_validate_refuses_balancing_usd_against_cny():
    legs = (
        Leg("bank:USD", "USD", D("100"), D("710")),
        Leg("revenue:CNY", "CNY", D("-710"), D("-710")),
    )
    with pytest.raises(UnbalancedEntry):
        postings.validate(postings.Entry(DAY, legs), HOME)


def test_validate_refuses_functional_imbalance_and_bad_decimals():
    unbalanced_functional = (
        Leg("bank:USD", "USD", D("100"), D("710")),
        Leg("revenue:USD", "USD", D("-100"), D("-700")),
    )
    with pytest.raises(UnbalancedEntry):
        postings.validate(postings.Entry(DAY, unbalanced_functional), HOME)
    too_precise = (
        Leg("bank:JPY", "JPY", D("100.5"), D("5")),
        Leg("revenue:JPY", "JPY", D("-100.5"), D("-5")),
    )
    with pytest.raises(InvalidPosting):
        postings.validate(postings.Entry(DAY, too_precise), HOME)
    home_mismatch = (
        Leg("bank:CNY", "CNY", D("100"), D("99")),
        Leg("revenue:CNY", "CNY", D("-100"), D("-99")),
    )
    with pytest.raises(InvalidPosting):
        postings.validate(postings.Entry(DAY, home_mismatch), HOME)


def test_reversal_cancels_every_leg():
    entry = postings.invoice_entry(
        on=DAY, amount=D("5"), currency="EUR", rate=Rate(D("7.9")), home=HOME
    )
    back = postings.reverse(entry, DAY + timedelta(days=1))
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for leg in entry.legs + back.legs:
        totals[leg.account] += leg.functional
    assert set(totals.values()) == {D(0)}
    assert back.kind == "reversal"


def test_receipt_with_sha_charges_books_charges_and_realized_gain():
    # given an invoice of 10,000 USD booked at 7.00; 9,965 arrive at 7.10 after 35 USD charges
    entry = postings.receipt_entry(
        on=DAY,
        bank_account="bank:USD",
        currency="USD",
        net=D("9965.00"),
        charges=D("35.00"),
        allocations=[Settled(D("10000.00"), D("70000.00"))],
        unapplied=D(0),
        rate=Rate(D("7.10")),
        home=HOME,
    )
    by_account = {leg.account: leg for leg in entry.legs}
    assert by_account["bank:USD"].functional == D("70751.50")
    assert by_account["bank_charges:USD"].functional == D("248.50")
    assert by_account["receivable:USD"].functional == D("-70000.00")
    # the gain is the invoice valued at the receipt rate minus its invoice-date value
    assert by_account["fx_realized:USD"].functional == D("-1000.00")
    assert by_account["fx_realized:USD"].amount == 0


def test_settlement_through_the_clearing_pair_splits_realized_fx_and_spread():
    figures = fxgains.settlement_figures(
        amount=D("1000.00"),
        balance=D("1000.00"),
        carrying_balance=D("7050.00"),
        bank_rate=D("7.08"),
        mid_rate=D("7.12"),
        home=HOME,
    )
    assert figures == fxgains.SettlementFigures(D("7080.00"), D("7050.00"), D("70.00"), D("40.00"))
    entry = postings.settlement_entry(
        on=DAY,
        source_account="bank:USD",
        target_account="bank:CNY",
        currency="USD",
        amount=D("1000.00"),
        figures=figures,
        bank_rate=Rate(D("7.08"), "bank"),
        home=HOME,
    )
    assert postings.imbalances(entry.legs) == {"USD": (0, 0), "CNY": (0, 0)}
    clearing = [leg for leg in entry.legs if leg.account.startswith("fx_clearing")]
    assert sum(leg.functional for leg in clearing) == 0


def test_carrying_share_of_the_whole_takes_everything():
    assert fxgains.carrying_share(D("3"), D("10.00"), D("3"), HOME) == D("10.00")
    thirds = [
        fxgains.carrying_share(D("3") - i, D("10.00") - D("3.33") * i, D(1), HOME) for i in range(3)
    ]
    assert thirds == [D("3.33"), D("3.34"), D("3.34")] or sum(thirds) == D("10.00")


def test_revaluation_entry_moves_only_functional_values():
    entry = postings.revaluation_entry(
        on=DAY,
        positions=[
            postings.Position("receivable:USD", "USD", D("10000"), D("70000")),
            postings.Position("bank:CNY", "CNY", D("5"), D("5")),
        ],
        rates={"USD": Rate(D("7.2"), "ECB", DAY)},
        home=HOME,
    )
    assert entry is not None
    assert all(leg.amount == 0 for leg in entry.legs)
    assert {leg.account: leg.functional for leg in entry.legs} == {
        "receivable:USD": D("2000.0"),
        "fx_unrealized:USD": D("-2000.0"),
    }


# --- the classic double-count bugs, reproduced with naive arithmetic ---------------------------
INVOICE, BOOKED, PERIOD_END, PAID = D("10000"), D("7.00"), D("7.20"), D("7.30")
TRUE_GAIN = INVOICE * (PAID - BOOKED)  # 3,000 CNY


def _our_gain() -> tuple[Decimal, Decimal]:
    """(total FX gain, gain booked in the second period) with reversal at period start."""
    reval = fxgains.revaluation_adjustment(INVOICE, INVOICE * BOOKED, PERIOD_END, HOME)
    reversal = -reval
    # after the reversal the receivable is carried at its invoice-date value again
    realized = fxgains.realized_difference(INVOICE, INVOICE * BOOKED, PAID, HOME)
    return reval + reversal + realized, reversal + realized


def test_revaluation_then_payment_counts_the_gain_once():
    total, second_period = _our_gain()
    assert total == TRUE_GAIN
    assert second_period == INVOICE * (PAID - PERIOD_END)


def test_the_classic_bugs_would_count_it_twice_or_lose_it():
    reval = fxgains.revaluation_adjustment(INVOICE, INVOICE * BOOKED, PERIOD_END, HOME)
    # bug 1: revaluation never reversed, payment measured against the invoice-date rate
    not_reversed = reval + fxgains.realized_difference(INVOICE, INVOICE * BOOKED, PAID, HOME)
    # bug 2: revaluation reversed, but payment measured against the revalued carrying value
    reversed_twice = (
        reval - reval + fxgains.realized_difference(INVOICE, INVOICE * PERIOD_END, PAID, HOME)
    )
    assert not_reversed == TRUE_GAIN + reval != _our_gain()[0]
    assert reversed_twice == TRUE_GAIN - reval != _our_gain()[0]


# --- hypothesis: random trade sequences ----------------------------------------------------------
rates = st.decimals(min_value=D("6.5"), max_value=D("7.5"), places=4)
amounts = st.decimals(min_value=D("1.00"), max_value=D("50000.00"), places=2)


class Books:
    """A tiny in-memory ledger that applies pure entries the way the database does."""

    def __init__(self) -> None:
        self.accounts: dict[str, list[Decimal]] = defaultdict(lambda: [D(0), D(0)])
        self.invoices: list[list[Decimal]] = []  # [open amount, open carrying]
        self.day = DAY
        self.invoice_value = D(0)
        self.charges_value = D(0)

    def post(self, entry: postings.Entry | None) -> None:
        if entry is None:
            return
        for currency, (amount, functional) in postings.imbalances(entry.legs).items():
            assert amount == 0 and functional == 0, (currency, entry)
        for leg in entry.legs:
            self.accounts[leg.account][0] += leg.amount
            self.accounts[leg.account][1] += leg.functional
        self.day += timedelta(days=1)

    def revalue(self, rate: Decimal, *, reverse: bool = True) -> None:
        positions = [
            postings.Position(code, "USD", *self.accounts[code])
            for code in ("receivable:USD", "bank:USD")
            if self.accounts[code] != [0, 0]
        ]
        entry = postings.revaluation_entry(
            on=self.day, positions=positions, rates={"USD": Rate(rate)}, home=HOME
        )
        self.post(entry)
        if entry is not None and reverse:
            self.post(postings.reverse(entry, self.day))

    def fx(self, purpose: Purpose) -> Decimal:
        return -self.accounts[system_code(purpose, "USD")][1]


operations = st.lists(
    st.one_of(
        st.tuples(st.just("invoice"), amounts, rates),
        st.tuples(st.just("receipt"), st.integers(0, 9), st.integers(1, 100), rates),
        st.tuples(st.just("settle"), st.integers(1, 100), rates, rates),
        st.tuples(st.just("revalue"), rates),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(operations, rates)
def test_random_trade_keeps_entries_balanced_and_fx_adds_up(ops, final_rate):
    books = Books()
    for op in ops:
        if op[0] == "invoice":
            _, amount, rate = op
            entry = postings.invoice_entry(
                on=books.day, amount=amount, currency="USD", rate=Rate(rate), home=HOME
            )
            books.post(entry)
            books.invoices.append([amount, entry.legs[0].functional])
            books.invoice_value += entry.legs[0].functional
        elif op[0] == "receipt" and books.invoices:
            _, index, percent, rate = op
            invoice = books.invoices[index % len(books.invoices)]
            part = (invoice[0] * percent / 100).quantize(D("0.01"))
            if part <= 0:
                continue
            charges = min(D("35.00"), (part / 10).quantize(D("0.01")))
            carrying = fxgains.carrying_share(invoice[0], invoice[1], part, HOME)
            entry = postings.receipt_entry(
                on=books.day,
                bank_account="bank:USD",
                currency="USD",
                net=part - charges,
                charges=charges,
                allocations=[Settled(part, carrying)],
                unapplied=D(0),
                rate=Rate(rate),
                home=HOME,
            )
            books.post(entry)
            invoice[0] -= part
            invoice[1] -= carrying
            books.charges_value += sum(
                leg.functional for leg in entry.legs if leg.account == "bank_charges:USD"
            )
        elif op[0] == "settle":
            _, percent, bank_rate, mid = op
            balance, carrying = books.accounts["bank:USD"]
            amount = (balance * percent / 100).quantize(D("0.01"))
            if amount <= 0:
                continue
            figures = fxgains.settlement_figures(
                amount=amount,
                balance=balance,
                carrying_balance=carrying,
                bank_rate=bank_rate,
                mid_rate=mid,
                home=HOME,
            )
            books.post(
                postings.settlement_entry(
                    on=books.day,
                    source_account="bank:USD",
                    target_account="bank:CNY",
                    currency="USD",
                    amount=amount,
                    figures=figures,
                    bank_rate=Rate(bank_rate),
                    home=HOME,
                )
            )
        elif op[0] == "revalue":
            books.revalue(op[1])
    # the last period end is revalued and not yet reversed: that gain is unrealized
    books.revalue(final_rate, reverse=False)
    realized = books.fx(Purpose.FX_REALIZED)
    unrealized = books.fx(Purpose.FX_UNREALIZED)
    spread = books.accounts["fx_spread:USD"][1]
    proceeds_at_mid = books.accounts["bank:CNY"][1] + spread
    open_at_final = books.accounts["receivable:USD"][1] + books.accounts["bank:USD"][1]
    settlement_value = proceeds_at_mid + books.charges_value + open_at_final
    assert realized + unrealized == settlement_value - books.invoice_value
    # and every open position is carried at the final rate after the last revaluation
    for code in ("receivable:USD", "bank:USD"):
        balance, carrying = books.accounts[code]
        assert carrying == fxgains.functional_value(balance, final_rate, HOME)
    assert sum(leg[1] for leg in books.accounts.values()) == 0


def test_entries_are_frozen():
    entry = postings.invoice_entry(
        on=DAY, amount=D("1"), currency="USD", rate=Rate(D("7")), home=HOME
    )
    with pytest.raises(AttributeError):
        entry.legs[0].amount = D("2")  # type: ignore[misc]
    assert replace(entry.legs[0], amount=D("2")).amount == D("2")
