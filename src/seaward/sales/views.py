"""Pages of the sales context: the exporter's quotations and orders, the buyer portal."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from seaward.catalog.selectors import sku_list
from seaward.catalog.texts import base_language
from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError, NotFound
from seaward.organizations.models import AuditEntry
from seaward.organizations.roles import Capability
from seaward.organizations.selectors import user_can
from seaward.sales import rendering, selectors, services
from seaward.sales.forms import (
    AcceptForm,
    ChangeRequestForm,
    LineRow,
    QuotationForm,
    line_inputs,
    rows_from,
    rows_from_quotation,
)
from seaward.sales.models import DocumentKind, Quotation, SalesOrder
from seaward.sales.states import OrderState, QuotationState

PDF_LANGUAGES = [("en", "English"), ("zh", "中文"), ("es", "Español"), ("bilingual", "EN + 中文")]
OPERATIONAL = {
    OrderState.IN_PRODUCTION,
    OrderState.READY_TO_SHIP,
    OrderState.SHIPPED,
    OrderState.DELIVERED,
}


def _viewer_language(request: MemberRequest) -> str:
    return base_language(getattr(request, "LANGUAGE_CODE", "") or "en")


def _owned_quotation(quotation_id: int) -> Quotation:
    return get_object_or_404(selectors.quotations_sold(current_only=False), pk=quotation_id)


def _owned_order(order_id: int) -> SalesOrder:
    return get_object_or_404(selectors.orders_sold(), pk=order_id)


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- quotations (seller) ----------------------------------------
@member_required()
def quotation_list(request: MemberRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    search = request.GET.get("q", "").replace("\x00", "").strip()[:80]
    quotations = selectors.quotations_sold(
        state=state if state in QuotationState.__members__.values() else "", search=search
    )
    page = Paginator(quotations, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "state": state,
        "q": search,
        "states": list(QuotationState),
        "can_sell": user_can(request.membership, Capability.SELL),
    }
    if request.headers.get("HX-Request"):
        return render(request, "sales/quotation_list.html#quotation-rows", context)
    return render(request, "sales/quotation_list.html", context)


def _quotation_form_page(request: MemberRequest, quotation: Quotation | None) -> HttpResponse:
    ensure_capability(request, Capability.SELL)
    if request.method == "POST" and ("add" in request.POST or "remove" in request.POST):
        # Without JavaScript the add/remove buttons submit the whole form: re-show it.
        form = QuotationForm(request.POST)
        rows = _edited_rows(request)
    elif request.method == "POST":
        form = QuotationForm(request.POST)
        rows = rows_from(request.POST)
        if form.is_valid():
            inputs = line_inputs(rows, form.cleaned_data.get("language") or "en")
            if inputs is not None:
                try:
                    arguments = form.service_arguments()
                    if quotation is None:
                        quotation = services.quotation_create(
                            actor=request.user, lines=inputs, **arguments
                        )
                    else:
                        quotation = services.quotation_update(
                            actor=request.user, quotation=quotation, lines=inputs, **arguments
                        )
                except DomainError as error:
                    _show_error(form, rows, error)
                else:
                    messages.success(
                        request, _("Quotation %(number)s saved.") % {"number": quotation}
                    )
                    return redirect("quotation_detail", quotation.pk)
    elif quotation is not None:
        form = QuotationForm(initial=QuotationForm.initial_from(quotation))
        rows = rows_from_quotation(quotation)
    else:
        form = QuotationForm(initial={"buyer": request.GET.get("buyer")})
        rows = [LineRow()]
    return render(
        request,
        "sales/quotation_form.html",
        {
            "form": form,
            "rows": rows or [LineRow()],
            "skus": _sku_choices(request),
            "quotation": quotation,
        },
    )


def _show_error(form: QuotationForm, rows: list[LineRow], error: DomainError) -> None:
    field = error.field or ""
    if field.startswith("lines."):
        parts = field.split(".")
        index = int(parts[1]) - 1 if len(parts) > 1 and parts[1].isdigit() else 0
        filled = [
            row for row in rows if row.sku or row.description or row.quantity or row.unit_price
        ]
        target = filled[index] if 0 <= index < len(filled) else (rows[0] if rows else None)
        if target is not None:
            target.errors.append(error.render(_))
            form.add_error(None, error.render(_))
            return
    mapping = {"buyer_id": "buyer", "consignee_id": "consignee", "notify_party_id": "notify_party"}
    field = mapping.get(field, field)
    if field.startswith("costs."):
        field = "cost_" + field.removeprefix("costs.")
    form.add_error(field if field in form.fields else None, error.render(_))


def _sku_choices(request: MemberRequest) -> list[tuple[int, str]]:
    language = _viewer_language(request)
    return [
        (sku.pk, f"{sku.code} — {sku.label_in(language)}")
        for sku in sku_list().filter(organization=request.organization)[:500]
    ]


@member_required(Capability.SELL)
def quotation_create(request: MemberRequest) -> HttpResponse:
    return _quotation_form_page(request, None)


@member_required(Capability.SELL)
def quotation_edit(request: MemberRequest, quotation_id: int) -> HttpResponse:
    quotation = _owned_quotation(quotation_id)
    if not quotation.is_editable:
        messages.error(
            request, _("Only a draft can be changed; revise the quotation to make a new version.")
        )
        return redirect("quotation_detail", quotation.pk)
    return _quotation_form_page(request, quotation)


def _edited_rows(request: MemberRequest) -> list[LineRow]:
    rows = rows_from(request.POST)
    remove = request.POST.get("remove", "")
    if remove.isdigit() and int(remove) < len(rows):
        rows.pop(int(remove))
    if request.POST.get("add") or not rows:
        rows.append(LineRow())
    return rows


@require_POST
@member_required(Capability.SELL)
def quotation_lines(request: MemberRequest) -> HttpResponse:
    """HTMX: the line rows again, with a row added or removed."""
    return render(
        request,
        "sales/quotation_form.html#line-rows",
        {"rows": _edited_rows(request), "skus": _sku_choices(request)},
    )


@member_required()
def quotation_detail(request: MemberRequest, quotation_id: int) -> HttpResponse:
    quotation = _owned_quotation(quotation_id)
    can_see_money = user_can(request.membership, Capability.SEE_MONEY)
    order = SalesOrder.objects.filter(quotation=quotation).first()
    context: dict[str, Any] = {
        "quotation": quotation,
        "lines": selectors.lines_in(quotation, _viewer_language(request)),
        "versions": selectors.quotation_versions(quotation),
        "payment_plan": selectors.quotation_payment_plan(quotation),
        "build_up": selectors.cost_build_up(quotation) if can_see_money else None,
        "can_see_money": can_see_money,
        "can_sell": user_can(request.membership, Capability.SELL),
        "pdf_languages": PDF_LANGUAGES,
        "order": order,
        "history": AuditEntry.objects.filter(
            object_type="sales.quotation", object_id=str(quotation.pk)
        )[:20],
    }
    return render(request, "sales/quotation_detail.html", context)


def _quotation_action(request: MemberRequest, quotation_id: int, action: str) -> HttpResponse:
    quotation = _owned_quotation(quotation_id)
    try:
        if action == "send":
            services.quotation_send(actor=request.user, quotation=quotation)
            messages.success(request, _("Quotation sent to the buyer."))
        elif action == "revise":
            quotation = services.quotation_revise(actor=request.user, quotation=quotation)
            messages.success(
                request, _("New version %(version)s drafted.") % {"version": quotation.version}
            )
            return redirect("quotation_edit", quotation.pk)
        elif action == "withdraw":
            services.quotation_withdraw(actor=request.user, quotation=quotation)
            messages.success(request, _("Quotation withdrawn."))
        elif action == "accept":
            order = services.quotation_accept(
                actor=request.user,
                quotation=quotation,
                buyer_reference=request.POST.get("buyer_reference", ""),
            )
            messages.success(request, _("Order %(number)s created.") % {"number": order.number})
            return redirect("order_detail", order.pk)
    except DomainError as error:
        messages.error(request, error.render(_))
    return redirect("quotation_detail", quotation.pk)


@require_POST
@member_required(Capability.SELL)
def quotation_send(request: MemberRequest, quotation_id: int) -> HttpResponse:
    return _quotation_action(request, quotation_id, "send")


@require_POST
@member_required(Capability.SELL)
def quotation_revise(request: MemberRequest, quotation_id: int) -> HttpResponse:
    return _quotation_action(request, quotation_id, "revise")


@require_POST
@member_required(Capability.SELL)
def quotation_withdraw(request: MemberRequest, quotation_id: int) -> HttpResponse:
    return _quotation_action(request, quotation_id, "withdraw")


@require_POST
@member_required(Capability.SELL)
def quotation_record_acceptance(request: MemberRequest, quotation_id: int) -> HttpResponse:
    return _quotation_action(request, quotation_id, "accept")


@member_required()
def quotation_pdf(request: MemberRequest, quotation_id: int) -> HttpResponse:
    quotation = get_object_or_404(selectors.quotations_visible(), pk=quotation_id)
    language = request.GET.get("lang", "")
    if language not in dict(PDF_LANGUAGES):
        language = quotation.language
    return _pdf(
        rendering.quotation_pdf(quotation, language),
        f"{quotation.number}-v{quotation.version}-{language}.pdf",
    )


# --- orders (seller) ----------------------------------------
@member_required()
def order_list(request: MemberRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    orders = selectors.orders_sold(state=state if state in OrderState.__members__.values() else "")
    page = Paginator(orders, 25).get_page(request.GET.get("page"))
    return render(
        request, "sales/order_list.html", {"page": page, "state": state, "states": list(OrderState)}
    )


@member_required()
def order_detail(request: MemberRequest, order_id: int) -> HttpResponse:
    order = _owned_order(order_id)
    membership = request.membership
    next_states = [
        state
        for state in selectors.order_next_states(order)
        if user_can(membership, Capability.SELL)
        or (state in OPERATIONAL and user_can(membership, Capability.OPERATE))
    ]
    return render(
        request,
        "sales/order_detail.html",
        {
            "order": order,
            "quotation": order.quotation,
            "lines": selectors.lines_in(order.quotation, _viewer_language(request)),
            "next_states": next_states,
            "documents": _document_links(order),
            "pdf_languages": PDF_LANGUAGES,
            "can_see_money": user_can(membership, Capability.SEE_MONEY),
            "history": AuditEntry.objects.filter(
                object_type="sales.salesorder", object_id=str(order.pk)
            )[:20],
        },
    )


def _document_links(order: SalesOrder, issued_only: bool = False) -> list[dict[str, Any]]:
    issued = {document.kind: document for document in selectors.documents_of(order)}
    links = []
    for kind in DocumentKind:
        if issued_only and kind.value not in issued:
            continue
        links.append({"kind": kind.value, "label": kind.label, "document": issued.get(kind.value)})
    return links


@require_POST
@member_required()
def order_transition(request: MemberRequest, order_id: int) -> HttpResponse:
    order = _owned_order(order_id)
    target = request.POST.get("to", "")
    if not (target in OPERATIONAL and user_can(request.membership, Capability.OPERATE)):
        ensure_capability(request, Capability.SELL)
    try:
        services.order_transition(
            actor=request.user,
            order=order,
            to=target,
            container_number=request.POST.get("container_number", "")[:11],
            seal_number=request.POST.get("seal_number", "")[:30],
        )
    except DomainError as error:
        messages.error(request, error.render(_))
    else:
        messages.success(request, _("Order %(number)s updated.") % {"number": order.number})
    return redirect("order_detail", order.pk)


@member_required()
def order_document(request: MemberRequest, order_id: int, kind: str) -> HttpResponse:
    """A trade document as PDF: the seller issues it on first download; the buyer reads it."""
    order = get_object_or_404(selectors.orders_visible(), pk=order_id)
    if kind not in DocumentKind.values:
        raise NotFound()
    if order.is_owned_by_active():
        try:
            document = services.document_issue(actor=request.user, order=order, kind=kind)
        except DomainError as error:
            messages.error(request, error.render(_))
            return redirect("order_detail", order.pk)
    else:
        document = get_object_or_404(selectors.documents_of(order), kind=kind)
    language = request.GET.get("lang", "")
    if language not in dict(PDF_LANGUAGES):
        language = order.quotation.language
    return _pdf(rendering.document_pdf(document, language), f"{document.number}-{language}.pdf")


# --- buyer portal ----------------------------------------
@member_required()
def portal_quotations(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.quotations_received(), 25).get_page(request.GET.get("page"))
    return render(request, "sales/portal/quotation_list.html", {"page": page})


def _received(quotation_id: int) -> Quotation:
    return get_object_or_404(selectors.quotations_received(), pk=quotation_id)


@member_required()
def portal_quotation(request: MemberRequest, quotation_id: int) -> HttpResponse:
    quotation = _received(quotation_id)
    return _portal_quotation_page(request, quotation, ChangeRequestForm(), AcceptForm())


def _portal_quotation_page(
    request: MemberRequest, quotation: Quotation, changes: ChangeRequestForm, accept: AcceptForm
) -> HttpResponse:
    language = _viewer_language(request)
    return render(
        request,
        "sales/portal/quotation_detail.html",
        {
            "quotation": quotation,
            "lines": selectors.lines_in(quotation, language),
            "payment_plan": selectors.quotation_payment_plan(quotation),
            "changes_form": changes,
            "accept_form": accept,
            "can_decide": quotation.state == QuotationState.SENT
            and user_can(request.membership, Capability.SELL),
            "order": SalesOrder.objects.filter(quotation=quotation).first(),
            "pdf_language": language if language in ("en", "zh", "es") else "en",
            "pdf_languages": PDF_LANGUAGES,
        },
    )


@require_POST
@member_required(Capability.SELL)
def portal_quotation_accept(request: MemberRequest, quotation_id: int) -> HttpResponse:
    quotation = _received(quotation_id)
    form = AcceptForm(request.POST)
    if form.is_valid():
        try:
            order = services.quotation_accept(
                actor=request.user,
                quotation=quotation,
                buyer_reference=form.cleaned_data["buyer_reference"],
            )
        except DomainError as error:
            messages.error(request, error.render(_))
        else:
            messages.success(
                request, _("Thank you: order %(number)s is placed.") % {"number": order.number}
            )
            return redirect("portal_order", order.pk)
    return redirect("portal_quotation", quotation.pk)


@require_POST
@member_required(Capability.SELL)
def portal_quotation_changes(request: MemberRequest, quotation_id: int) -> HttpResponse:
    quotation = _received(quotation_id)
    form = ChangeRequestForm(request.POST)
    if form.is_valid():
        try:
            services.quotation_request_changes(
                actor=request.user, quotation=quotation, message=form.cleaned_data["message"]
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Your request was sent to the seller."))
            return redirect("portal_quotation", quotation.pk)
    return _portal_quotation_page(request, quotation, form, AcceptForm())


@member_required()
def portal_orders(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.orders_received(), 25).get_page(request.GET.get("page"))
    return render(request, "sales/portal/order_list.html", {"page": page})


@member_required()
def portal_order(request: MemberRequest, order_id: int) -> HttpResponse:
    order = get_object_or_404(selectors.orders_received(), pk=order_id)
    language = _viewer_language(request)
    return render(
        request,
        "sales/portal/order_detail.html",
        {
            "order": order,
            "quotation": order.quotation,
            "lines": selectors.lines_in(order.quotation, language),
            "documents": _document_links(order, issued_only=True),
            "pdf_language": language if language in ("en", "zh", "es") else "en",
        },
    )
