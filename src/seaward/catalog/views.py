"""Pages of the catalog: products, their SKUs and price tiers."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from seaward.catalog import selectors, services
from seaward.catalog.forms import ProductForm, SkuForm
from seaward.catalog.models import Product
from seaward.catalog.texts import base_language
from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError
from seaward.organizations.roles import Capability
from seaward.organizations.selectors import user_can


@member_required()
def product_list(request: MemberRequest) -> HttpResponse:
    search = request.GET.get("q", "").replace("\x00", "").strip()[:80]
    page = Paginator(selectors.product_list(search=search), 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": search,
        "language": base_language(request.LANGUAGE_CODE or "en"),
        "can_edit": user_can(request.membership, Capability.SELL),
    }
    if request.headers.get("HX-Request"):
        return render(request, "catalog/product_list.html#product-rows", context)
    return render(request, "catalog/product_list.html", context)


@member_required(Capability.SELL)
def product_create(request: MemberRequest) -> HttpResponse:
    form = ProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            product = services.product_create(actor=request.user, **form.service_arguments())
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Product added: now add its SKUs and prices."))
            return redirect("product_detail", product.pk)
    return render(request, "catalog/product_form.html", {"form": form})


@member_required(Capability.SELL)
def product_edit(request: MemberRequest, product_id: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.owned(), pk=product_id)
    initial = {
        **{f"title_{lang}": product.title.get(lang, "") for lang in ("en", "zh", "es")},
        **{f"description_{lang}": product.description.get(lang, "") for lang in ("en", "zh")},
        "hs_code": product.hs_code,
        "origin_country": product.origin_country,
        "unit": product.unit,
        "lead_time_days": product.lead_time_days,
    }
    form = ProductForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_update(actor=request.user, product=product, **form.service_arguments())
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Product saved."))
            return redirect("product_detail", product.pk)
    return render(request, "catalog/product_form.html", {"form": form, "product": product})


@member_required()
def product_detail(request: MemberRequest, product_id: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.owned(), pk=product_id)
    can_edit = user_can(request.membership, Capability.SELL)
    form = SkuForm(request.POST or None)
    if request.method == "POST":
        ensure_capability(request, Capability.SELL)
        if form.is_valid():
            try:
                services.sku_create(actor=request.user, product=product, **form.service_arguments())
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                messages.success(request, _("SKU added."))
                return redirect("product_detail", product.pk)
    return render(
        request,
        "catalog/product_detail.html",
        {
            "product": product,
            "skus": selectors.sku_list().filter(product=product),
            "form": form,
            "can_edit": can_edit,
            "language": base_language(request.LANGUAGE_CODE or "en"),
            "can_see_money": user_can(request.membership, Capability.SEE_MONEY),
        },
    )
