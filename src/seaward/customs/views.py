"""Pages of the customs context: HS classification assistant, landed cost, export declarations."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError
from seaward.customs import selectors, services
from seaward.customs.forms import (
    ClassifyForm,
    ConfirmForm,
    CostForm,
    CostLineFormSet,
    DeclarationForm,
)
from seaward.organizations.roles import Capability

COMPONENTS = {
    "goods": gettext_lazy("Goods"),
    "freight": gettext_lazy("Freight"),
    "insurance": gettext_lazy("Insurance"),
    "origin_charges": gettext_lazy("Origin charges"),
    "duty": gettext_lazy("Customs duty"),
    "additional_duties": gettext_lazy("Additional duties"),
    "import_vat": gettext_lazy("Import VAT"),
    "point_of_sale_vat": gettext_lazy("VAT at the point of sale"),
    "mpf": gettext_lazy("Merchandise processing fee"),
    "hmf": gettext_lazy("Harbor maintenance fee"),
    "destination_charges": gettext_lazy("Destination charges"),
    "export_clearance": gettext_lazy("Export clearance"),
    "loading": gettext_lazy("Loading"),
    "main_carriage": gettext_lazy("Main carriage"),
    "unloading": gettext_lazy("Unloading"),
    "import_clearance": gettext_lazy("Import clearance"),
    "duties_and_taxes": gettext_lazy("Duties and taxes"),
    "risk": gettext_lazy("Risk passes"),
}
PARTIES = {"seller": gettext_lazy("Seller"), "buyer": gettext_lazy("Buyer")}


def presented(result: dict[str, Any]) -> dict[str, Any]:
    """The engine's breakdown with translated labels for components and parties."""
    shown = dict(result)
    shown["components"] = [
        {
            **figure,
            "label": COMPONENTS.get(figure["name"], figure["name"]),
            "payer": PARTIES.get(figure["paid_by"], figure["paid_by"]),
        }
        for figure in result.get("components", [])
    ]
    shown["responsibilities"] = [
        {
            **item,
            "label": COMPONENTS.get(item["component"], item["component"]),
            "arranger": PARTIES.get(item["party"], item["party"]),
            "payer": PARTIES.get(item.get("paid_by", ""), item.get("paid_by", "")),
        }
        for item in result.get("responsibilities", [])
    ]
    shown["parties"] = [
        {"label": PARTIES.get(party, party), "amount": amount}
        for party, amount in result.get("by_party", {}).items()
    ]
    return shown


def _product_text(form: ClassifyForm) -> services.ProductText:
    data = form.cleaned_data
    return services.ProductText(
        title=data.get("title", ""),
        description=data.get("description", ""),
        material=data.get("material", ""),
        use=data.get("use", ""),
        attributes=form.attribute_map(),
    )


def _initial_from_sku(request: MemberRequest) -> dict[str, Any]:
    raw = request.GET.get("sku", "")
    if not raw.isdigit() or len(raw) > 18:
        return {}
    sku = selectors.skus().filter(pk=int(raw)).first()
    if sku is None:
        return {}
    language = request.LANGUAGE_CODE[:2] if getattr(request, "LANGUAGE_CODE", "") else "en"
    specs = sku.product.specs or {}
    return {
        "title": sku.label_in(language) or sku.label_in("en"),
        "description": sku.product.description_in(language),
        "material": specs.get("material", ""),
        "use": specs.get("use", ""),
        "sku": sku.pk,
    }


@member_required()
def classify(request: MemberRequest) -> HttpResponse:
    initial = _initial_from_sku(request)
    form = ClassifyForm(request.POST or None, initial=initial)
    candidates: list[services.CandidateView] = []
    product = None
    if request.method == "POST" and form.is_valid():
        product = _product_text(form)
        try:
            candidates = services.classify(product=product)
        except DomainError as error:
            form.add_domain_error(error, _)
    confirm = ConfirmForm(
        skus=selectors.skus(),
        initial={
            "sku": request.POST.get("sku") or initial.get("sku"),
            "code": candidates[0].code if candidates else "",
        },
    )
    context = {
        "form": form,
        "candidates": candidates,
        "product": product,
        "product_json": json.dumps(product.as_dict() if product else {}, ensure_ascii=False),
        "candidates_json": json.dumps([{"code": c.code, "score": c.score} for c in candidates]),
        "confirm": confirm,
        "can_confirm": _can_confirm(request),
        "recent": selectors.decisions()[:10],
    }
    htmx = bool(request.headers.get("HX-Request"))
    template = "customs/classify.html#results" if htmx else "customs/classify.html"
    status = 422 if request.method == "POST" and not candidates and not htmx else 200
    return render(request, template, context, status=status)


def _can_confirm(request: MemberRequest) -> bool:
    from seaward.organizations.roles import role_allows

    return role_allows(request.membership.role, Capability.SELL)


def _loads(raw: str, default: Any) -> Any:
    try:
        value = json.loads(raw or "null")
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


@member_required(Capability.SELL)
def classify_confirm(request: MemberRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("customs_classify")
    form = ConfirmForm(request.POST, skus=selectors.skus())
    product_raw = _loads(request.POST.get("product", ""), {})
    product = services.ProductText(
        title=str(product_raw.get("title", ""))[:500],
        description=str(product_raw.get("description", ""))[:3000],
        material=str(product_raw.get("material", ""))[:200],
        use=str(product_raw.get("use", ""))[:200],
        attributes={
            str(k)[:100]: str(v)[:500] for k, v in dict(product_raw.get("attributes") or {}).items()
        }
        if isinstance(product_raw.get("attributes"), dict)
        else {},
    )
    candidates = [c for c in _loads(request.POST.get("candidates", ""), []) if isinstance(c, dict)]
    if form.is_valid():
        try:
            decision = services.classification_confirm(
                actor=request.user,
                sku=form.cleaned_data["sku"],
                code=form.cleaned_data["code"],
                national_code=form.cleaned_data["national_code"],
                product=product,
                candidates=candidates,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(
                request,
                _("%(sku)s is now classified as %(code)s.")
                % {"sku": decision.sku.code, "code": decision.code},
            )
            return redirect("customs_sku_classifications", sku_id=decision.sku_id)
    return render(
        request, "customs/confirm_error.html", {"confirm": form, "product": product}, status=422
    )


@member_required()
def sku_classifications(request: MemberRequest, sku_id: int) -> HttpResponse:
    sku = selectors.sku(sku_id)
    return render(
        request,
        "customs/sku_classifications.html",
        {"sku": sku, "decisions": selectors.decisions_of(sku)[:50]},
    )


# -- landed cost -------------------------------------------------------------------------


def _cost_request(form: CostForm, lines: Any) -> services.CostRequest:
    data = form.cleaned_data
    quotation = data.get("quotation")
    if quotation is not None:
        cost_lines = services.lines_from_quotation(quotation)
    else:
        cost_lines = tuple(
            services.CostLine(
                hs_code=line.cleaned_data.get("hs_code") or "",
                origin=line.cleaned_data.get("origin") or "",
                value=line.cleaned_data.get("value")
                if line.cleaned_data.get("value") is not None
                else 0,  # type: ignore[arg-type]
                quantity=line.cleaned_data.get("quantity") or 0,  # type: ignore[arg-type]
                unit=line.cleaned_data.get("unit") or "pcs",
                weight_kg=line.cleaned_data.get("weight_kg") or 0,  # type: ignore[arg-type]
            )
            for line in lines
            if not line.is_blank()
        )
    return services.CostRequest(
        destination_port=data["destination_port"],
        currency=data["currency"],
        incoterm=data["incoterm"],
        transport_mode=data["transport_mode"],
        lines=cost_lines,
        on=data.get("on"),
        freight=data.get("freight") or 0,  # type: ignore[arg-type]
        insurance=data.get("insurance"),
        destination_charges=data.get("destination_charges") or 0,  # type: ignore[arg-type]
        containerised=bool(data.get("containerised")),
    )


def _attach(error: DomainError, form: CostForm, lines: Any) -> None:
    """Show an engine error next to its field: ``lines[1].value`` is the second line's value."""
    field = error.field or ""
    if field.startswith("lines[") and "]." in field:
        index_text, _sep, name = field[len("lines[") :].partition("].")
        index = int(index_text) if index_text.isdigit() else -1
        filled = [line for line in lines if not line.is_blank()]
        if 0 <= index < len(filled) and name in filled[index].fields:
            filled[index].add_error(name, error.render(_))
            return
    form.add_domain_error(error, _)


@member_required()
def landed_cost(request: MemberRequest) -> HttpResponse:
    quotations = selectors.quotations_for_costing()
    initial: dict[str, Any] = {"transport_mode": "sea"}
    raw = request.GET.get("quotation", "")
    chosen = quotations.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 18 else None
    if chosen is not None:
        # A quote line from sales: its lines, currency and terms; a C or D rule names the port.
        initial.update(quotation=chosen.pk, currency=chosen.currency, incoterm=chosen.incoterm)
        if chosen.incoterm in {"CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"}:
            initial["destination_port"] = chosen.named_place
    form = CostForm(request.POST or None, quotations=quotations, initial=initial)
    lines = CostLineFormSet(request.POST or None, prefix="line")
    result = None
    status = 200
    if request.method == "POST":
        if form.is_valid() and lines.is_valid():
            cost_request = _cost_request(form, lines)
            if "save" in request.POST:
                ensure_capability(request, Capability.SELL)
            try:
                if "save" in request.POST:
                    estimate = services.estimate_save(
                        actor=request.user,
                        request=cost_request,
                        name=form.cleaned_data.get("name", ""),
                        quotation=form.cleaned_data.get("quotation"),
                    )
                    messages.success(request, _("Estimate saved."))
                    return redirect("customs_estimate", estimate_id=estimate.pk)
                _raw, computed = services.landed_cost_compute(cost_request)
                result = presented(computed.as_dict())
            except DomainError as error:
                _attach(error, form, lines)
                status = 422
        else:
            status = 422
    return render(
        request,
        "customs/landed_cost.html",
        {
            "form": form,
            "lines": lines,
            "result": result,
            "estimates": selectors.estimates()[:10],
            "ports": services.COMMON_PORTS,
        },
        status=status,
    )


@member_required()
def estimate_detail(request: MemberRequest, estimate_id: int) -> HttpResponse:
    estimate = get_object_or_404(selectors.estimates(), pk=estimate_id)
    return render(
        request,
        "customs/estimate_detail.html",
        {"estimate": estimate, "result": presented(estimate.result)},
    )


# -- declarations ------------------------------------------------------------------------


@member_required()
def declarations(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.orders(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "customs/declarations.html",
        {"page": page, "saved": selectors.declarations()[:20]},
    )


def _mode(request: MemberRequest) -> str:
    mode = request.GET.get("mode", "sea")
    return mode if mode in services.TRANSPORT_MODES else "sea"


@member_required()
def declaration(request: MemberRequest, order_id: int) -> HttpResponse:
    order = selectors.order(order_id)
    mode = _mode(request)
    if request.method == "POST":
        ensure_capability(request, Capability.OPERATE)
        form = DeclarationForm(request.POST)
        if form.is_valid():
            try:
                services.declaration_save(
                    actor=request.user,
                    order=order,
                    transport_mode=form.cleaned_data["transport_mode"],
                )
            except DomainError as error:
                messages.error(request, error.render(_))
            else:
                messages.success(request, _("Declaration data saved."))
            return redirect(f"{request.path}?mode={form.cleaned_data['transport_mode']}")
    data = services.declaration_data(order, transport_mode=mode)
    return render(
        request,
        "customs/declaration.html",
        {
            "order": order,
            "data": data["data_set"],
            "china": data["china"],
            "form": DeclarationForm(initial={"transport_mode": mode}),
            "mode": mode,
            "saved": selectors.declarations().filter(order=order)[:10],
        },
    )


@member_required()
def declaration_json(request: MemberRequest, order_id: int) -> HttpResponse:
    order = selectors.order(order_id)
    data = services.declaration_data(order, transport_mode=_mode(request))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="declaration-{order.number}.json"'
    return response
