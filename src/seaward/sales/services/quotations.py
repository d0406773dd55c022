"""Quotation services: drafting, versions, sending, the buyer's acceptance or change request."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pycountry
from django.db import transaction
from django.utils import timezone

from seaward.catalog.errors import NoPriceForQuantity
from seaward.catalog.models import Sku
from seaward.catalog.selectors import sku_price
from seaward.catalog.texts import base_language, clean_texts
from seaward.core.errors import DomainError, NotFound, gettext_noop
from seaward.core.money import normalize_currency
from seaward.core.tenancy import activate, require_organization
from seaward.organizations.audit import audit_record
from seaward.organizations.models import Party, User
from seaward.sales.costing import INCOTERMS
from seaward.sales.errors import (
    InvalidNamedPlace,
    QuotationEmpty,
    QuotationExpired,
    QuotationNotEditable,
)
from seaward.sales.models import Quotation, QuotationLine, SalesOrder
from seaward.sales.numbering import next_number
from seaward.sales.pricing import PaymentTerms, document_total
from seaward.sales.services.common import (
    LineInput,
    checked_amount,
    clean_text,
    invalid,
    is_buyer_side,
    require_owner,
)
from seaward.sales.services.orders import confirm_order
from seaward.sales.states import (
    QuotationState,
    check_quotation_move,
)

DOCUMENT_LANGUAGES = ("en", "zh", "es", "bilingual")
MAX_LINES = 500
MAX_QUANTITY = Decimal(10) ** 9
_LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


# --- header validation ----------------------------------------
def _named_place(code: str) -> tuple[str, str]:
    """A UN/LOCODE and its name; the format is checked here, existence in reference data."""
    compact = (code or "").strip().upper().replace(" ", "")
    if not _LOCODE.match(compact) or pycountry.countries.get(alpha_2=compact[:2]) is None:
        raise InvalidNamedPlace(field="named_place", params={"value": code[:20]})
    try:
        from seaward.reference import selectors as reference

        if reference.dataset("unlocode") is None:
            return compact, ""  # reference data not loaded yet: the format check must do
        return compact, reference.location(compact).name
    except DomainError:
        raise InvalidNamedPlace(field="named_place", params={"value": compact}) from None
    except ImportError:  # pragma: no cover - the reference app ships with sales
        return compact, ""


def _fx(on: date, currency: str, home: str) -> tuple[Decimal | None, date | None, str]:
    """The rate of the quote date from the reference app: (rate, date used, source)."""
    if currency == home:
        return Decimal(1), on, "identity"
    try:
        from seaward.reference import selectors as reference

        quote = reference.fx_rate(on, currency, home)
    except DomainError:
        return None, None, "unavailable"
    return quote.rate, quote.date, quote.source


def _document_language(language: str, buyer: Party) -> str:
    if language:
        wanted = language if language == "bilingual" else base_language(language)
        if wanted not in DOCUMENT_LANGUAGES:
            raise invalid(
                gettext_noop("Unknown document language: %(value)s."),
                "language",
                value=language[:20],
            )
        return wanted
    if buyer.linked_organization is not None:
        return base_language(buyer.linked_organization.default_language)
    contact = buyer.contacts.exclude(language="").first()
    if contact is not None and base_language(contact.language) in DOCUMENT_LANGUAGES:
        return base_language(contact.language)
    return "en"


def _party(party: Party | None, field_name: str) -> Party | None:
    if party is None:
        return None
    if not party.is_owned_by_active():
        raise invalid(gettext_noop("Unknown party."), field_name)
    return party


def _header(fields: dict[str, Any], buyer: Party) -> dict[str, Any]:
    organization = require_organization()
    header: dict[str, Any] = {}
    header["currency"] = normalize_currency(fields.get("currency") or "")
    incoterm = str(fields.get("incoterm") or "").strip().upper()
    if incoterm not in INCOTERMS:
        raise invalid(gettext_noop("Unknown Incoterm: %(value)s."), "incoterm", value=incoterm[:8])
    header["incoterm"] = incoterm
    header["named_place"], found_name = _named_place(str(fields.get("named_place") or ""))
    header["named_place_name"] = clean_text(
        fields.get("named_place_name") or found_name, "named_place_name", 120
    )
    terms = str(fields.get("payment_terms") or PaymentTerms.TT)
    if terms not in PaymentTerms.__members__.values():
        raise invalid(
            gettext_noop("Unknown payment terms: %(value)s."), "payment_terms", value=terms[:20]
        )
    header["payment_terms"] = terms
    deposit = checked_amount(
        fields.get("deposit_percent", Decimal(0)) or Decimal(0), "deposit_percent"
    )
    assert deposit is not None
    if deposit > 100:
        raise invalid(gettext_noop("The deposit is a percentage from 0 to 100."), "deposit_percent")
    header["deposit_percent"] = deposit if terms == PaymentTerms.TT else Decimal(0)
    days = int(fields.get("payment_days") or 0)
    if not 0 <= days <= 365:
        raise invalid(gettext_noop("Payment days must be from 0 to 365."), "payment_days")
    header["payment_days"] = days
    today = timezone.localdate()
    quote_date = fields.get("quote_date") or today
    valid_until = fields.get("valid_until") or quote_date + timedelta(days=30)
    if valid_until < quote_date or valid_until > quote_date + timedelta(days=730):
        raise invalid(
            gettext_noop("The quotation must be valid from its date for up to two years."),
            "valid_until",
        )
    header["quote_date"], header["valid_until"] = quote_date, valid_until
    lead = int(fields.get("lead_time_days") or 0)
    if not 0 <= lead <= 3650:
        raise invalid(gettext_noop("Lead time must be from 0 to 3650 days."), "lead_time_days")
    header["lead_time_days"] = lead
    header["packing"] = clean_text(fields.get("packing", ""), "packing", 300)
    header["notes"] = clean_text(fields.get("notes", ""), "notes", 4000)
    header["language"] = _document_language(str(fields.get("language") or ""), buyer)
    header["home_currency"] = organization.home_currency
    costs = fields.get("costs") or {}
    for name, column in Quotation.COST_FIELDS.items():
        header[column] = checked_amount(costs.get(name, Decimal(0)) or Decimal(0), f"costs.{name}")
    rate = fields.get("fx_rate")
    if rate not in (None, ""):
        user_rate = checked_amount(rate, "fx_rate")
        if not user_rate:
            raise invalid(
                gettext_noop("%(field)s must be zero or more."), "fx_rate", field="fx_rate"
            )
        header["fx_rate"], header["fx_date"], header["fx_source"] = user_rate, quote_date, "user"
    else:
        header["fx_rate"], header["fx_date"], header["fx_source"] = _fx(
            quote_date, header["currency"], organization.home_currency
        )
    return header


def _lines(lines: Sequence[LineInput], currency: str) -> list[QuotationLine]:
    if len(lines) > MAX_LINES:
        raise invalid(gettext_noop("At most %(limit)s lines."), "lines", limit=MAX_LINES)
    built = []
    for position, line in enumerate(lines, start=1):
        where = f"lines.{position}"
        quantity = Decimal(str(line.quantity))
        if not quantity.is_finite() or not 0 < quantity < MAX_QUANTITY:
            raise invalid(
                gettext_noop("Line %(line)s: the quantity must be more than zero."),
                f"{where}.quantity",
                line=position,
            )
        item = QuotationLine(position=position, quantity=quantity)
        price = checked_amount(line.unit_price, f"{where}.unit_price", allow_none=True)
        if line.sku_id is not None:
            sku = Sku.objects.owned().select_related("product").filter(pk=line.sku_id).first()
            if sku is None:
                raise invalid(
                    gettext_noop("Line %(line)s: unknown SKU."), f"{where}.sku_id", line=position
                )
            if quantity < sku.moq:
                raise invalid(
                    gettext_noop("Line %(line)s: %(sku)s has a minimum order of %(moq)s."),
                    f"{where}.quantity",
                    line=position,
                    sku=sku.code,
                    moq=sku.moq,
                )
            if price is None:
                price = sku_price(sku, currency=currency, quantity=quantity)
            if price is None:
                raise NoPriceForQuantity(
                    field=f"{where}.unit_price",
                    params={"sku": sku.code, "currency": currency, "quantity": quantity},
                )
            product = sku.product
            description = {language: sku.label_in(language) for language in product.title} or {
                "en": sku.code
            }
            item.sku, item.sku_code, item.description = sku, sku.code, description
            item.hs_code, item.origin_country, item.unit = (
                product.hs_code,
                product.origin_country,
                product.unit,
            )
            item.unit_cost = sku.unit_cost
            item.units_per_carton = sku.units_per_carton
            item.carton_length_cm, item.carton_width_cm = sku.carton_length_cm, sku.carton_width_cm
            item.carton_height_cm = sku.carton_height_cm
            item.carton_net_kg, item.carton_gross_kg = sku.carton_net_kg, sku.carton_gross_kg
        else:
            description = clean_texts(line.description)
            if not description or any(len(t) > 1000 or "\x00" in t for t in description.values()):
                raise invalid(
                    gettext_noop("Line %(line)s: describe the goods."),
                    f"{where}.description",
                    line=position,
                )
            if price is None:
                raise invalid(
                    gettext_noop("Line %(line)s: enter a unit price."),
                    f"{where}.unit_price",
                    line=position,
                )
            item.description = description
            item.unit = clean_text(line.unit or "pcs", f"{where}.unit", 8) or "pcs"
            item.hs_code = re.sub(r"[^0-9]", "", line.hs_code or "")[:12]
            item.unit_cost = checked_amount(
                line.unit_cost or Decimal(0), f"{where}.unit_cost"
            ) or Decimal(0)
        item.unit_price = price
        built.append(item)
    return built


def _save_lines(quotation: Quotation, lines: list[QuotationLine]) -> None:
    for line in lines:
        line.quotation = quotation
        line.organization_id = quotation.organization_id
    QuotationLine.objects.bulk_create(lines)
    quotation.total = document_total(
        [(line.quantity, line.unit_price) for line in lines], quotation.currency
    ).amount
    quotation.save(update_fields=["total"])


# --- quotations ----------------------------------------
@transaction.atomic
def quotation_create(
    *,
    actor: User | None,
    buyer: Party,
    lines: Sequence[LineInput] = (),
    consignee: Party | None = None,
    notify_party: Party | None = None,
    **fields: Any,
) -> Quotation:
    """Draft a quotation for ``buyer`` in the active organization."""
    organization = require_organization()
    _party(buyer, "buyer_id")
    header = _header(fields, buyer)
    built = _lines(lines, header["currency"])
    quotation = Quotation(
        buyer=buyer,
        consignee=_party(consignee, "consignee_id"),
        notify_party=_party(notify_party, "notify_party_id"),
        number=next_number(organization, "quotation", header["quote_date"].year),
        created_by=actor if actor and actor.is_authenticated else None,
        **header,
    )
    quotation.save()
    _save_lines(quotation, built)
    audit_record(
        actor=actor,
        action="quotation.create",
        obj=quotation,
        after={"total": quotation.total, "currency": quotation.currency},
    )
    return quotation


@transaction.atomic
def quotation_update(
    *,
    actor: User | None,
    quotation: Quotation,
    buyer: Party,
    lines: Sequence[LineInput],
    consignee: Party | None = None,
    notify_party: Party | None = None,
    **fields: Any,
) -> Quotation:
    """Change a draft: its header and, wholesale, its lines."""
    require_owner(quotation)
    quotation = Quotation.objects.select_for_update().get(pk=quotation.pk)
    if not quotation.is_editable:
        raise QuotationNotEditable()
    _party(buyer, "buyer_id")
    fields.setdefault("quote_date", quotation.quote_date)
    header = _header(fields, buyer)
    built = _lines(lines, header["currency"])
    before = {"total": quotation.total, "currency": quotation.currency}
    for name, value in header.items():
        setattr(quotation, name, value)
    quotation.buyer = buyer
    quotation.consignee = _party(consignee, "consignee_id")
    quotation.notify_party = _party(notify_party, "notify_party_id")
    quotation.save()
    quotation.lines.all().delete()
    _save_lines(quotation, built)
    audit_record(
        actor=actor,
        action="quotation.update",
        obj=quotation,
        before=before,
        after={"total": quotation.total, "currency": quotation.currency},
    )
    return quotation


def _move(quotation: Quotation, target: QuotationState) -> None:
    check_quotation_move(quotation.state, target)
    quotation.state = target


@transaction.atomic
def quotation_send(*, actor: User | None, quotation: Quotation) -> Quotation:
    """Send a draft to the buyer: it becomes visible in the buyer's portal."""
    require_owner(quotation)
    quotation = Quotation.objects.select_for_update().get(pk=quotation.pk)
    _move(quotation, QuotationState.SENT)
    if not quotation.lines.exists():
        raise QuotationEmpty()
    if quotation.valid_until < timezone.localdate():
        raise QuotationExpired(params={"date": quotation.valid_until.isoformat()})
    quotation.buyer_organization = quotation.buyer.linked_organization
    quotation.sent_at = timezone.now()
    quotation.save()
    audit_record(actor=actor, action="quotation.send", obj=quotation)
    return quotation


@transaction.atomic
def quotation_revise(*, actor: User | None, quotation: Quotation) -> Quotation:
    """Supersede a sent quotation with a new draft version; the old version stays as history."""
    require_owner(quotation)
    old = Quotation.objects.select_for_update().get(pk=quotation.pk)
    _move(old, QuotationState.SUPERSEDED)
    old.save(update_fields=["state", "updated_at"])
    lines = list(old.lines.all())
    new = Quotation.objects.get(pk=old.pk)
    new.pk = None
    new.version = old.version + 1
    new.previous = old
    new.state = QuotationState.DRAFT
    new.buyer_organization = None
    new.sent_at = new.decided_at = None
    new.quote_date = timezone.localdate()
    new.valid_until = max(old.valid_until, new.quote_date + timedelta(days=30))
    new.created_by = actor if actor and actor.is_authenticated else None
    new.save()
    for line in lines:
        line.pk = None
    _save_lines(new, lines)
    audit_record(actor=actor, action="quotation.revise", obj=new, after={"previous": str(old)})
    return new


@transaction.atomic
def quotation_withdraw(*, actor: User | None, quotation: Quotation) -> Quotation:
    require_owner(quotation)
    quotation = Quotation.objects.select_for_update().get(pk=quotation.pk)
    _move(quotation, QuotationState.WITHDRAWN)
    quotation.decided_at = timezone.now()
    quotation.save()
    audit_record(actor=actor, action="quotation.withdraw", obj=quotation)
    return quotation


@transaction.atomic
def quotation_request_changes(
    *, actor: User | None, quotation: Quotation, message: str
) -> Quotation:
    """The buyer asks for changes, with a message for the seller."""
    if not is_buyer_side(quotation):
        raise NotFound()
    text = clean_text(message, "message", 4000)
    if not text:
        raise invalid(gettext_noop("Tell the seller what to change."), "message")
    quotation = Quotation.objects.select_for_update().get(pk=quotation.pk)
    _move(quotation, QuotationState.CHANGES_REQUESTED)
    quotation.buyer_message = text
    quotation.decided_at = timezone.now()
    quotation.save()
    with activate(quotation.organization):
        audit_record(
            actor=actor, action="quotation.request_changes", obj=quotation, after={"message": text}
        )
    return quotation


@transaction.atomic
def quotation_accept(
    *, actor: User | None, quotation: Quotation, buyer_reference: str = ""
) -> SalesOrder:
    """Accept a sent quotation (the buyer, or the seller recording the buyer's acceptance).

    Creates the sales order: ``confirmed`` when the screening gate passes for buyer,
    consignee and notify party, else ``draft`` with the gate's reason.
    """
    buyer_side = is_buyer_side(quotation)
    if not buyer_side:
        require_owner(quotation)
    reference = clean_text(buyer_reference, "buyer_reference", 60)
    quotation = Quotation.objects.select_for_update().get(pk=quotation.pk)
    if quotation.state == QuotationState.SENT and quotation.valid_until < timezone.localdate():
        raise QuotationExpired(params={"date": quotation.valid_until.isoformat()})
    _move(quotation, QuotationState.ACCEPTED)
    quotation.decided_at = timezone.now()
    quotation.save()
    with activate(quotation.organization):
        order = SalesOrder(
            organization=quotation.organization,
            number=next_number(quotation.organization, "order", timezone.localdate().year),
            quotation=quotation,
            buyer=quotation.buyer,
            consignee=quotation.consignee,
            notify_party=quotation.notify_party,
            buyer_organization=quotation.buyer.linked_organization,
            buyer_reference=reference,
            currency=quotation.currency,
            total=quotation.total,
            created_by=actor if actor and actor.is_authenticated else None,
            shipping_marks=_default_marks(quotation),
        )
        order.save()
        audit_record(
            actor=actor,
            action="quotation.accept",
            obj=quotation,
            after={"order": order.number, "by_buyer": buyer_side},
        )
        try:
            with transaction.atomic():
                confirm_order(actor, order)
        except DomainError as error:
            order.refresh_from_db()
            order.draft_reason = error.message
            order.save(update_fields=["draft_reason"])
            audit_record(
                actor=actor,
                action="order.screening_hold",
                obj=order,
                after={"code": error.code, "reason": error.message},
            )
    return order


def _default_marks(quotation: Quotation) -> str:
    place = quotation.named_place_name or quotation.named_place
    return (
        f"{quotation.buyer.name}\n{place}\nC/NO. 1-UP\nMADE IN CHINA"
        if quotation.home_currency == "CNY"
        else f"{quotation.buyer.name}\n{place}\nC/NO. 1-UP"
    )
