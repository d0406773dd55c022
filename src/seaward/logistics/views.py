"""Pages of the logistics context: shipments and their timeline, the buyer's tracking,
container loading plans with the 3-D view and the loading instruction, overseas warehouses."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from seaward.catalog.models import Sku
from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError
from seaward.logistics import selectors, services, warehousing
from seaward.logistics.forms import (
    AdjustForm,
    BookForm,
    ContainerForm,
    EventForm,
    ImportForm,
    PlanForm,
    ReceiveForm,
    ShipmentForm,
    WarehouseForm,
)
from seaward.logistics.models import LoadPlan, Shipment, ShipmentState
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability

BADGES = {
    "draft": "secondary",
    "booked": "info",
    "released": "primary",
    "in_transit": "primary",
    "arrived": "success",
    "delivered": "success",
    "cancelled": "dark",
}
MAX_UPLOAD = 2_000_000


# --- shipments ------------------------------------------------------------------------------
@member_required()
def shipment_list(request: MemberRequest) -> HttpResponse:
    state = request.GET.get("state", "")[:12]
    shipments = selectors.shipments_owned(
        state=state, search=request.GET.get("q", "").strip()[:100]
    )
    page = Paginator(shipments, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "logistics/shipment_list.html",
        {
            "page": page,
            "state": state,
            "states": ShipmentState.choices,
            "badges": BADGES,
            "import_form": ImportForm(),
        },
    )


@member_required(Capability.OPERATE)
def shipment_create(request: MemberRequest) -> HttpResponse:
    initial: dict[str, Any] = {"mode": "sea_fcl", "origin": "CNNBO"}
    plan = None
    if request.GET.get("plan", "").isdigit():
        plan = selectors.plans().filter(pk=int(request.GET["plan"][:18])).first()
        if plan is not None:
            initial["plan"] = plan
            if plan.order is not None:
                initial.update(
                    order=plan.order,
                    buyer=plan.order.buyer,
                    consignee=plan.order.consignee,
                    notify_party=plan.order.notify_party,
                )
                if plan.order.quotation.named_place:
                    initial["destination"] = plan.order.quotation.named_place
    form = ShipmentForm(
        request.POST or None,
        initial=initial,
        parties=Party.objects.owned(),
        orders=selectors.orders_to_ship(),
        warehouses=selectors.warehouses(),
        plans=selectors.plans(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            shipment = services.shipment_create(
                actor=request.user,
                mode=data["mode"],
                buyer=data["buyer"],
                consignee=data["consignee"],
                notify_party=data["notify_party"],
                forwarder=data["forwarder"],
                origin=data["origin"],
                destination=data["destination"],
                carrier=data["carrier"],
                booking_number=data["booking_number"],
                etd=data["etd"],
                destination_warehouse=data["destination_warehouse"],
                orders=[data["order"]] if data["order"] else [],
            )
            chosen: LoadPlan | None = data["plan"]
            if chosen is not None:
                for index, box in enumerate(chosen.result.get("containers", [])):
                    services.container_add(
                        actor=request.user,
                        shipment=shipment,
                        container_type=box["code"],
                        plan=chosen,
                        plan_index=index,
                    )
            if data["booking_number"]:
                shipment = services.shipment_book(
                    actor=request.user,
                    shipment=shipment,
                    booking_number=data["booking_number"],
                    carrier=data["carrier"],
                )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(
                request, _("Shipment %(number)s created.") % {"number": shipment.number}
            )
            return redirect("shipment_detail", shipment_id=shipment.pk)
    return render(request, "logistics/shipment_form.html", {"form": form, "plan": plan})


def _shipment_context(request: MemberRequest, shipment: Shipment, **forms: Any) -> dict[str, Any]:
    return {
        "shipment": shipment,
        "badge": BADGES.get(shipment.state, "secondary"),
        "timeline": selectors.timeline(shipment),
        "events": list(selectors.events_of(shipment).order_by("-date_time", "-pk")),
        "containers": list(shipment.containers.all()),
        "lines": list(shipment.lines.all()),
        "book_form": forms.get("book") or BookForm(initial={"carrier": shipment.carrier}),
        "container_form": forms.get("container") or ContainerForm(),
        "event_form": forms.get("event")
        or EventForm(initial={"location": shipment.origin, "classifier": "ACT"}),
        "receive_form": forms.get("receive")
        or ReceiveForm(
            initial={"warehouse": shipment.destination_warehouse}, warehouses=selectors.warehouses()
        ),
        "can_operate": getattr(request.membership, "role", "")
        and request.membership.role in ("owner", "admin", "operations"),
        "action_error": forms.get("error"),
    }


@member_required()
def shipment_detail(request: MemberRequest, shipment_id: int) -> HttpResponse:
    shipment = get_object_or_404(
        Shipment.objects.owned().select_related("buyer", "consignee", "notify_party", "forwarder"),
        pk=shipment_id,
    )
    bound: dict[str, Any] = {}
    if request.method == "POST":
        ensure_capability(request, Capability.OPERATE)
        action = request.POST.get("action", "")
        form: Any
        try:
            if action == "book":
                bound["book"] = form = BookForm(request.POST)
                if form.is_valid():
                    services.shipment_book(
                        actor=request.user, shipment=shipment, **form.cleaned_data
                    )
                    return _done(request, shipment, _("Booked."))
            elif action == "release":
                services.shipment_release(actor=request.user, shipment=shipment)
                return _done(request, shipment, _("Released: every party passed screening."))
            elif action == "cancel":
                services.shipment_cancel(actor=request.user, shipment=shipment)
                return _done(request, shipment, _("Cancelled."))
            elif action == "container":
                bound["container"] = form = ContainerForm(request.POST)
                if form.is_valid():
                    services.container_add(
                        actor=request.user, shipment=shipment, **form.cleaned_data
                    )
                    return _done(request, shipment, _("Container added."))
            elif action == "event":
                bound["event"] = form = EventForm(request.POST)
                if form.is_valid():
                    services.event_record(actor=request.user, shipment=shipment, event=form.event())
                    return _done(request, shipment, _("Milestone recorded."))
            elif action == "receive":
                bound["receive"] = form = ReceiveForm(
                    request.POST, warehouses=selectors.warehouses()
                )
                if form.is_valid():
                    warehousing.shipment_receive(
                        actor=request.user,
                        shipment=shipment,
                        warehouse=form.cleaned_data["warehouse"],
                    )
                    return _done(request, shipment, _("Received into the warehouse."))
        except DomainError as error:
            target = bound.get(
                {
                    "book": "book",
                    "container": "container",
                    "event": "event",
                    "receive": "receive",
                }.get(action, "")
            )
            if target is not None:
                target.add_domain_error(error, _)
            else:
                bound["error"] = error.render(_)
        shipment.refresh_from_db()
    return render(
        request,
        "logistics/shipment_detail.html",
        _shipment_context(request, shipment, **bound),
        status=422 if bound and request.method == "POST" else 200,
    )


def _done(request: MemberRequest, shipment: Shipment, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("shipment_detail", shipment_id=shipment.pk)


@member_required(Capability.OPERATE)
def events_import(request: MemberRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 2 MB."))
        else:
            text = upload.read().decode("utf-8", errors="replace")
            try:
                events = services.events_import(actor=request.user, text=text)
            except DomainError as error:
                form.add_domain_error(error, _)
                errors = list(error.details.get("errors", []))
            else:
                messages.success(request, _("%(count)s events imported.") % {"count": len(events)})
                return redirect("shipment_list")
    return render(
        request,
        "logistics/events_import.html",
        {"form": form, "errors": errors},
        status=422 if errors or form.errors else 200,
    )


# --- buyer portal -----------------------------------------------------------------------------
@member_required()
def portal_shipments(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.shipments_followed(), 25).get_page(request.GET.get("page"))
    return render(request, "logistics/portal_list.html", {"page": page, "badges": BADGES})


@member_required()
def portal_shipment(request: MemberRequest, shipment_id: int) -> HttpResponse:
    shipment = get_object_or_404(selectors.shipments_followed(), pk=shipment_id)
    return render(
        request,
        "logistics/portal_detail.html",
        {
            "shipment": shipment,
            "badge": BADGES.get(shipment.state, "secondary"),
            "timeline": selectors.timeline(shipment),
            "events": list(selectors.events_of(shipment).order_by("-date_time", "-pk")),
            "containers": list(shipment.containers.all()),
            "lines": list(shipment.lines.all()),
        },
    )


# --- loading plans ----------------------------------------------------------------------------
@member_required()
def plan_list(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.plans().select_related("order"), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "logistics/plan_list.html", {"page": page})


@member_required(Capability.OPERATE)
def plan_create(request: MemberRequest) -> HttpResponse:
    orders = selectors.orders_to_ship()
    initial = {}
    if request.GET.get("order", "").isdigit():
        initial["order"] = orders.filter(pk=int(request.GET["order"][:18])).first()
    form = PlanForm(request.POST or None, orders=orders, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        cartons = data["cartons"] or (
            services.cartons_of_order(data["order"]) if data["order"] else []
        )
        try:
            plan = services.plan_create(
                actor=request.user,
                name=data["name"],
                cartons=cartons,
                container_types=data["containers"],
                order=data["order"],
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            return redirect("plan_detail", plan_id=plan.pk)
    return render(
        request, "logistics/plan_form.html", {"form": form}, status=422 if form.errors else 200
    )


def _plan_view(plan: LoadPlan) -> dict[str, Any]:
    cartons = plan.result.get("cartons", [])
    containers = []
    for index, box in enumerate(plan.result.get("containers", [])):
        ranges = [
            {**r, "carton_type": cartons[r["carton"]] if r["carton"] < len(cartons) else {}}
            for r in box.get("ranges", [])
        ]
        containers.append(
            {
                **box,
                "index": index,
                "ranges": ranges,
                "count": len(box.get("placements", [])),
                "volume_pct": round(box["volume_utilization"] * 100, 1),
                "weight_pct": round(box["weight_utilization"] * 100, 1),
            }
        )
    return {
        "plan": plan,
        "cartons": cartons,
        "containers": containers,
        "unplaced": sum(plan.result.get("unplaced", [])),
    }


@member_required()
def plan_detail(request: MemberRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(selectors.plans(), pk=plan_id)
    return render(
        request, "logistics/plan_detail.html", {**_plan_view(plan), "plan_data": plan.result}
    )


@member_required()
def plan_print(request: MemberRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(selectors.plans(), pk=plan_id)
    view = _plan_view(plan)
    for box in view["containers"]:
        cartons = view["cartons"]
        # The instruction lists each layer of loading: steps of consecutive cartons of one type.
        steps: list[dict[str, Any]] = []
        for p in box["placements"]:
            ref = cartons[p["carton"]]["ref"] if p["carton"] < len(cartons) else "?"
            if steps and steps[-1]["ref"] == ref and steps[-1]["o"] == p["o"]:
                steps[-1]["last"] = p["seq"]
                steps[-1]["count"] += 1
                steps[-1]["x_to"] = max(steps[-1]["x_to"], p["x"] + p["dx"])
            else:
                steps.append(
                    {
                        "ref": ref,
                        "o": p["o"],
                        "first": p["seq"],
                        "last": p["seq"],
                        "count": 1,
                        "x_from": p["x"],
                        "x_to": p["x"] + p["dx"],
                        "dz": p["dz"],
                        "dx": p["dx"],
                        "dy": p["dy"],
                    }
                )
        box["steps"] = steps
    return render(request, "logistics/plan_print.html", view)


# --- warehouses -------------------------------------------------------------------------------
@member_required()
def warehouse_list(request: MemberRequest) -> HttpResponse:
    form = WarehouseForm(request.POST or None)
    if request.method == "POST":
        ensure_capability(request, Capability.OPERATE)
        if form.is_valid():
            try:
                warehouse = warehousing.warehouse_create(actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                return redirect("warehouse_detail", warehouse_id=warehouse.pk)
    return render(
        request,
        "logistics/warehouse_list.html",
        {"warehouses": selectors.warehouses(), "form": form},
        status=422 if form.errors else 200,
    )


@member_required()
def warehouse_detail(request: MemberRequest, warehouse_id: int) -> HttpResponse:
    warehouse = get_object_or_404(selectors.warehouses(), pk=warehouse_id)
    form = AdjustForm(request.POST or None, skus=Sku.objects.owned())
    if request.method == "POST":
        ensure_capability(request, Capability.OPERATE)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["kind"] == "adjustment":
                    warehousing.stock_adjust(
                        actor=request.user,
                        warehouse=warehouse,
                        sku=data["sku"],
                        quantity=data["quantity"],
                        reason=data["reason"],
                    )
                else:
                    warehousing.stock_outbound(
                        actor=request.user,
                        warehouse=warehouse,
                        sku=data["sku"],
                        quantity=data["quantity"],
                        reason=data["reason"],
                    )
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                messages.success(request, _("Stock updated."))
                return redirect("warehouse_detail", warehouse_id=warehouse.pk)
    found = selectors.replenishment_for(warehouse)
    return render(
        request,
        "logistics/warehouse_detail.html",
        {
            "warehouse": warehouse,
            "levels": selectors.stock_of(warehouse),
            "movements": selectors.movements_of(warehouse)[:20],
            "replenishment": found,
            "form": form,
            "arriving": Shipment.objects.owned()
            .filter(destination_warehouse=warehouse, received_at__isnull=True)
            .exclude(state=ShipmentState.CANCELLED),
        },
        status=422 if form.errors else 200,
    )
