"""Pages of the reference data: data sets, countries, ports, HS codes, FX, Incoterms, VAT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from seaward.core.access import ensure_capability, member_required
from seaward.core.errors import DomainError
from seaward.core.money import minor_units
from seaward.organizations.roles import Capability
from seaward.reference import selectors, services
from seaward.reference.forms import ConverterForm, EnteredRateForm
from seaward.reference.loading import registered
from seaward.reference.models import EnteredFxRate, HsCode


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@member_required()
def datasets(request: HttpRequest) -> HttpResponse:
    order = {loader.key: index for index, loader in enumerate(registered())}
    items = sorted(selectors.datasets(), key=lambda ds: (order.get(ds.key, len(order)), ds.key))
    return render(request, "reference/datasets.html", {"datasets": items})


@member_required()
def countries(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    items = selectors.country_search(query, limit=300) if query else list(selectors.countries())
    context = {"countries": items, "q": query, "dataset": selectors.dataset("countries")}
    template = (
        "reference/countries.html#country-rows" if _is_htmx(request) else "reference/countries.html"
    )
    return render(request, template, context)


@member_required()
def country_options(request: HttpRequest) -> HttpResponse:
    """``<option>`` elements for a country ``<datalist>`` (the value is the ISO code)."""
    query = request.GET.get("q", "").strip()[:80]
    items = selectors.country_search(query, limit=300) if query else list(selectors.countries())
    items.sort(key=lambda country: country.name)
    return render(request, "reference/country_options.html", {"countries": items})


@member_required()
def currency_options(request: HttpRequest) -> HttpResponse:
    return render(
        request, "reference/currency_options.html", {"currencies": selectors.currencies()}
    )


@member_required()
def locations(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    seaports_only = request.GET.get("ports") == "1"
    results = (
        selectors.location_search(query, limit=30, seaports_only=seaports_only) if query else []
    )
    context = {
        "results": results,
        "q": query,
        "ports": seaports_only,
        "dataset": selectors.dataset("unlocode"),
    }
    template = (
        "reference/locations.html#location-results"
        if _is_htmx(request)
        else "reference/locations.html"
    )
    return render(request, template, context)


@member_required()
def location_detail(request: HttpRequest, unlocode: str) -> HttpResponse:
    place = selectors.location(unlocode)
    country = selectors.countries().filter(code=place.country).first()
    return render(
        request,
        "reference/location_detail.html",
        {
            "location": place,
            "country": country,
            "aliases": place.aliases.all(),
            "dataset": selectors.dataset("unlocode"),
        },
    )


@member_required()
def hs_browser(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    context = {
        "q": query,
        "results": selectors.hs_search(query, limit=100) if query else None,
        "sections": selectors.hs_sections(),
        "dataset": selectors.dataset("hs"),
    }
    template = "reference/hs.html#hs-results" if _is_htmx(request) else "reference/hs.html"
    return render(request, template, context)


@member_required()
def hs_detail(request: HttpRequest, code: str) -> HttpResponse:
    path = selectors.hs_path(code)
    node = path[-1]
    return render(
        request,
        "reference/hs_detail.html",
        {
            "node": node,
            "path": path[:-1],
            "children": selectors.hs_children(node.code),
            "is_section": node.level == HsCode.Level.SECTION,
            "dataset": selectors.dataset("hs"),
        },
    )


@member_required()
def fx_rates(request: HttpRequest) -> HttpResponse:
    latest = selectors.fx_latest()
    initial_date = latest.date or date.today()
    form = ConverterForm(request.GET or None, initial={"date": initial_date})
    quote = converted = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            quote = selectors.fx_rate(data["date"], data["from_currency"], data["to_currency"])
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            places = minor_units(quote.to_currency)
            converted = (data["amount"] * quote.rate).quantize(Decimal(1).scaleb(-places))
    pegs = selectors.fx_pegs()
    entered_form = EnteredRateForm(
        request.POST or None, initial={"date": date.today()}, prefix="entered"
    )
    if request.method == "POST":
        ensure_capability(request, Capability.MANAGE_MONEY)
        if entered_form.is_valid():
            try:
                services.entered_fx_rate_set(
                    actor=request.user,  # type: ignore[arg-type]  # member_required
                    on=entered_form.cleaned_data["date"],
                    **{k: v for k, v in entered_form.cleaned_data.items() if k != "date"},
                )
            except DomainError as error:
                entered_form.add_domain_error(error, _)
            else:
                messages.success(request, _("Rate saved: it is used from its date on."))
                return redirect("reference_fx")
    return render(
        request,
        "reference/fx.html",
        {
            "entered_form": entered_form,
            "entered": EnteredFxRate.objects.all()[:30],
            "latest": latest,
            "form": form,
            "quote": quote,
            "converted": converted,
            "pegs": pegs,
            "dataset": selectors.dataset("fx-ecb"),
            "pegs_dataset": selectors.dataset("fx-pegs"),
        },
    )


@member_required()
def incoterms(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reference/incoterms.html",
        {"incoterms": selectors.incoterms(), "dataset": selectors.dataset("incoterms")},
    )


@member_required()
def containers(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reference/containers.html",
        {"containers": selectors.container_types(), "dataset": selectors.dataset("containers")},
    )


@member_required()
def vat(request: HttpRequest) -> HttpResponse:
    names = {country.code: country.name for country in selectors.countries()}
    rates = [(rate, names.get(rate.country, rate.country)) for rate in selectors.vat_rates()]
    page = Paginator(rates, 200).get_page(request.GET.get("page"))
    return render(
        request, "reference/vat.html", {"page": page, "dataset": selectors.dataset("vat")}
    )
