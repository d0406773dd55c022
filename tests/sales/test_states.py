"""State machines: every legal move is listed once; every other move is refused (409)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from seaward.core.errors import IllegalTransition
from seaward.core.tenancy import activate
from seaward.sales import services
from seaward.sales.states import (
    ORDER_MOVES,
    QUOTATION_MOVES,
    OrderState,
    QuotationState,
    check_order_move,
    check_quotation_move,
)

ILLEGAL_ORDER_MOVES = [
    (current, target)
    for current in OrderState
    for target in OrderState
    if target not in ORDER_MOVES[current]
]
ILLEGAL_QUOTATION_MOVES = [
    (current, target)
    for current in QuotationState
    for target in QuotationState
    if target not in QUOTATION_MOVES[current]
]


@pytest.mark.parametrize(("current", "target"), ILLEGAL_ORDER_MOVES)
def test_illegal_order_move_is_refused(current, target):
    with pytest.raises(IllegalTransition) as error:
        check_order_move(current, target)
    assert error.value.http_status == 409
    assert error.value.details["allowed"] == sorted(ORDER_MOVES[current])


@pytest.mark.parametrize(("current", "target"), ILLEGAL_QUOTATION_MOVES)
def test_illegal_quotation_move_is_refused(current, target):
    with pytest.raises(IllegalTransition):
        check_quotation_move(current, target)


def test_the_happy_path_of_an_order_is_legal():
    path = [
        "draft",
        "confirmed",
        "in_production",
        "ready_to_ship",
        "shipped",
        "delivered",
        "closed",
    ]
    for current, target in pairwise(path):
        check_order_move(current, target)


def test_an_unknown_state_is_an_illegal_move():
    with pytest.raises(IllegalTransition):
        check_order_move("confirmed", "teleported")


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["shipped", "delivered", "closed", "draft", "confirmed"])
def test_order_service_refuses_illegal_moves_and_changes_nothing(
    target, sent_quotation, buyer_org, buyer_user, exporter, owner
):
    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    assert order.state == "confirmed"
    with activate(exporter):
        with pytest.raises(IllegalTransition):
            services.order_transition(actor=owner, order=order, to=target)
        order.refresh_from_db()
    assert order.state == "confirmed"


@pytest.mark.django_db
def test_a_draft_cannot_be_accepted(make_quotation, exporter, owner):
    quotation = make_quotation()
    with activate(exporter), pytest.raises(IllegalTransition):
        services.quotation_accept(actor=owner, quotation=quotation)


@pytest.mark.django_db
def test_an_accepted_quotation_cannot_be_revised(
    sent_quotation, buyer_org, buyer_user, exporter, owner
):
    with activate(buyer_org):
        services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    sent_quotation.refresh_from_db()
    with activate(exporter), pytest.raises(IllegalTransition):
        services.quotation_revise(actor=owner, quotation=sent_quotation)


@pytest.mark.django_db
def test_a_sent_quotation_cannot_be_edited(sent_quotation, exporter, owner, buyer_party):
    from seaward.sales.errors import QuotationNotEditable

    with activate(exporter), pytest.raises(QuotationNotEditable):
        services.quotation_update(
            actor=owner,
            quotation=sent_quotation,
            buyer=buyer_party,
            lines=[],
            currency="EUR",
            incoterm="CIF",
            named_place="ESVLC",
        )
