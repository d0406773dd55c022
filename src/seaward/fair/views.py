"""Pages of the fair for signed-in members: events, booths, leads, requests, meetings,
the organizer's scheduler and funnel. The booth visitor's public pages are in public_views."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from seaward.catalog import imports
from seaward.catalog.models import Product
from seaward.catalog.texts import base_language
from seaward.core.access import MemberRequest, member_required
from seaward.core.errors import DomainError
from seaward.fair import (
    catalog_import,
    forms,
    images,
    product_profile,
    qr,
    scheduler_services,
    selectors,
    services,
)
from seaward.fair.ics import meeting_ics
from seaward.fair.models import (
    CatalogImport,
    Event,
    EventStatus,
    Exhibitor,
    Meeting,
    MeetingStatus,
    ProductCertification,
    ProductGreen,
    ProductImage,
    Sample,
    ScheduleRun,
    ShowProduct,
)
from seaward.organizations.models import Organization
from seaward.organizations.roles import Capability


def _language(request: MemberRequest) -> str:
    return base_language(request.LANGUAGE_CODE or "en")


def _zone(request: MemberRequest) -> str:
    return request.user.time_zone or request.organization.time_zone or "UTC"


# --- events ------------------------
@member_required()
def event_list(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.events_visible(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "fair/event_list.html",
        {
            "page": page,
            "is_organizer": request.organization.kind == Organization.Kind.FAIR_ORGANIZER,
        },
    )


@member_required(Capability.MANAGE_ORGANIZATION)
def event_create(request: MemberRequest) -> HttpResponse:
    form = forms.EventForm(
        request.POST or None, initial={"time_zone": request.organization.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = services.event_create(
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                time_zone=data["time_zone"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                day_starts_at=data["day_starts_at"],
                slot_minutes=data["slot_minutes"],
                slots_per_day=data["slots_per_day"],
                tables=data["tables"],
                description=data["description"],
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Event created as a draft: add venues, then publish it."))
            return redirect("fair_event_detail", event.pk)
    return render(request, "fair/event_form.html", {"form": form})


@member_required()
def event_detail(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get(event_id)
    organization = request.organization
    is_organizer = event.organization_id == organization.pk
    exhibitor = selectors.exhibitor_of(event)
    language = _language(request)
    context = {
        "event": event,
        "is_organizer": is_organizer,
        "exhibitor": exhibitor,
        "participant": selectors.participant_of(event),
        "venues": selectors.venues_of(event),
        "exhibitors": selectors.exhibitors_at(event),
        "shows": selectors.products_on_show(event)[:200],
        "language": language,
        "venue_form": forms.VenueForm(),
        "is_buyer": organization.kind == Organization.Kind.BUYER,
        "is_exporter": organization.kind == Organization.Kind.EXPORTER,
        "my_requests": selectors.requests_owned().filter(event=event)[:20],
        "fitting": selectors.requests_fitting_me().filter(request__event=event)[:20],
    }
    return render(request, "fair/event_detail.html", context)


@require_POST
@member_required(Capability.MANAGE_ORGANIZATION)
def event_publish(request: MemberRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.owned(), pk=event_id)
    try:
        services.event_publish(actor=request.user, event=event)
    except DomainError as error:
        messages.error(request, error.render(_))
    else:
        messages.success(request, _("Event published: exhibitors and buyers can register."))
    return redirect("fair_event_detail", event.pk)


@require_POST
@member_required(Capability.MANAGE_ORGANIZATION)
def venue_add(request: MemberRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.owned(), pk=event_id)
    form = forms.VenueForm(request.POST)
    if form.is_valid():
        try:
            services.venue_add(actor=request.user, event=event, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.render(_))
        else:
            messages.success(request, _("Venue added."))
    else:
        messages.error(request, _("Check the venue: city and a two-letter country code."))
    return redirect("fair_event_detail", event.pk)


# --- exhibitors and their booth ------------------------
@member_required(Capability.SELL)
def exhibitor_register(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get(event_id)
    if selectors.exhibitor_of(event) is not None:
        return redirect("fair_booth", event.pk)
    venues = [(v.pk, str(v)) for v in selectors.venues_of(event)]
    form = forms.ExhibitorForm(
        request.POST or None, venues=venues, initial={"time_zone": request.organization.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        venue = (
            selectors.venues_of(event).filter(pk=form.cleaned_data["venue"]).first()
            if form.cleaned_data["venue"]
            else None
        )
        try:
            services.exhibitor_register(
                actor=request.user,
                event=event,
                booth_number=form.cleaned_data["booth_number"],
                venue=venue,
                ships_to=form.countries(),
                time_zone=form.cleaned_data["time_zone"],
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("You are registered: put products on show."))
            return redirect("fair_booth", event.pk)
    return render(request, "fair/exhibitor_form.html", {"form": form, "event": event})


@member_required()
def booth(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get(event_id)
    exhibitor = selectors.exhibitor_of(event)
    if exhibitor is None:
        return redirect("fair_exhibitor_register", event.pk)
    language = _language(request)
    shown = set(
        ShowProduct.objects.owned().filter(exhibitor=exhibitor).values_list("product_id", flat=True)
    )
    choices = [
        (p.pk, p.title_in(language)) for p in Product.objects.owned().exclude(pk__in=shown)[:500]
    ]
    form = forms.ShowProductForm(request.POST or None, products=choices)
    if request.method == "POST" and form.is_valid():
        product = get_object_or_404(Product.objects.owned(), pk=form.cleaned_data["product"])
        try:
            services.show_product_add(actor=request.user, exhibitor=exhibitor, product=product)
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Product on show."))
            return redirect("fair_booth", event.pk)
    shows = (
        ShowProduct.objects.owned()
        .filter(exhibitor=exhibitor)
        .select_related("product")
        .prefetch_related("samples")
    )
    return render(
        request,
        "fair/booth.html",
        {
            "event": event,
            "exhibitor": exhibitor,
            "shows": shows,
            "form": form,
            "language": language,
            "fitting": selectors.requests_fitting_me().filter(request__event=event)[:20],
        },
    )


@require_POST
@member_required(Capability.SELL)
def sample_add(request: MemberRequest, show_id: int) -> HttpResponse:
    show = get_object_or_404(ShowProduct.objects.owned().select_related("exhibitor"), pk=show_id)
    services.sample_add(actor=request.user, show_product=show, label=request.POST.get("label", ""))
    messages.success(request, _("Sample added: print its QR code for the booth."))
    return redirect("fair_booth", show.exhibitor.event_id)


@member_required()
def sample_qr(request: MemberRequest, sample_id: int) -> HttpResponse:
    sample = get_object_or_404(Sample.objects.owned(), pk=sample_id)
    svg = qr.qr_svg(request.build_absolute_uri(qr.sample_path(sample.token)), scale=8)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="sample-{sample.pk}.svg"'
    return response


@member_required(Capability.SELL)
def certifications(request: MemberRequest, product_id: int) -> HttpResponse:
    """A product's fair profile: certifications, green attributes and photos."""
    product = get_object_or_404(Product.objects.owned(), pk=product_id)
    current = list(
        ProductCertification.objects.owned().filter(product=product).values_list("code", flat=True)
    )
    green = ProductGreen.objects.owned().filter(product=product).first()
    section = request.POST.get("section", "") if request.method == "POST" else ""
    form = forms.CertificationsForm(
        request.POST if section == "certifications" else None, initial={"codes": current}
    )
    green_form = forms.GreenForm(
        request.POST if section == "green" else None,
        initial={
            "materials": green.materials if green else "",
            "eco_labels": green.eco_labels if green else "",
            "carbon_kg_co2e": green.carbon_kg_co2e if green else None,
            "recycled_share_percent": green.recycled_share_percent if green else None,
        },
    )
    image_form = forms.ImageForm(
        request.POST if section == "image" else None,
        request.FILES if section == "image" else None,
    )
    try:
        if section == "certifications" and form.is_valid():
            product_profile.certifications_set(
                actor=request.user, product=product, codes=form.cleaned_data["codes"]
            )
            messages.success(request, _("Certifications saved."))
            return redirect("fair_certifications", product.pk)
        if section == "green" and green_form.is_valid():
            product_profile.product_green_set(
                actor=request.user, product=product, **green_form.cleaned_data
            )
            messages.success(request, _("Green attributes saved."))
            return redirect("fair_certifications", product.pk)
        if section == "image" and image_form.is_valid():
            upload = image_form.cleaned_data["image"]
            product_profile.product_image_add(
                actor=request.user, product=product, data=upload.read(images.MAX_BYTES + 1)
            )
            messages.success(request, _("Photo added."))
            return redirect("fair_certifications", product.pk)
    except DomainError as error:
        if section == "green":
            green_form.add_domain_error(error, _)
        elif section == "image":
            image_form.add_domain_error(error, _)
        else:
            form.add_domain_error(error, _)
    return render(
        request,
        "fair/certifications.html",
        {
            "form": form,
            "green_form": green_form,
            "image_form": image_form,
            "images": ProductImage.objects.owned().filter(product=product).only("pk"),
            "product": product,
            "language": _language(request),
        },
    )


@member_required()
def product_image(request: MemberRequest, image_id: int) -> HttpResponse:
    image = get_object_or_404(ProductImage.objects.owned(), pk=image_id)
    response = HttpResponse(bytes(image.thumbnail), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- leads ------------------------
@member_required()
def lead_list(request: MemberRequest) -> HttpResponse:
    page = Paginator(selectors.leads_owned(), 25).get_page(request.GET.get("page"))
    return render(request, "fair/lead_list.html", {"page": page, "language": _language(request)})


@member_required()
def lead_detail(request: MemberRequest, lead_id: int) -> HttpResponse:
    lead = get_object_or_404(selectors.leads_owned(), pk=lead_id)
    return render(
        request,
        "fair/lead_detail.html",
        {
            "lead": lead,
            "meetings": Meeting.objects.filter(lead=lead),
            "language": _language(request),
        },
    )


# --- sourcing requests and matches ------------------------
@member_required()
def request_list(request: MemberRequest) -> HttpResponse:
    return render(
        request,
        "fair/request_list.html",
        {
            "requests": selectors.requests_owned()[:100],
            "fitting": selectors.requests_fitting_me()[:100],
            "language": _language(request),
        },
    )


@member_required(Capability.SELL)
def request_create(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.event_get(event_id)
    form = forms.RequestForm(
        request.POST or None, initial={"destination_country": request.organization.country}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_join(actor=request.user, event=event, time_zone=_zone(request))
            rfq = services.request_create(
                actor=request.user,
                event=event,
                language=request.LANGUAGE_CODE or "",
                **form.cleaned_data,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Request posted and matched to the products on show."))
            return redirect("fair_request_detail", rfq.pk)
    return render(request, "fair/request_form.html", {"form": form, "event": event})


@member_required()
def request_detail(request: MemberRequest, request_id: int) -> HttpResponse:
    rfq = get_object_or_404(selectors.requests_owned(), pk=request_id)
    return render(
        request,
        "fair/request_detail.html",
        {
            "rfq": rfq,
            "matches": selectors.matches_for_request(rfq),
            "language": _language(request),
            "labels": selectors.EXPLANATION_LABELS,
        },
    )


# --- meetings ------------------------
@member_required()
def meeting_list(request: MemberRequest) -> HttpResponse:
    meetings = selectors.meetings_visible()[:200]
    return render(request, "fair/meeting_list.html", {"meetings": meetings, "zone": _zone(request)})


@member_required(Capability.SELL)
def meeting_request(request: MemberRequest, exhibitor_id: int) -> HttpResponse:
    exhibitor = get_object_or_404(
        Exhibitor.all_objects.filter(event__status=EventStatus.PUBLISHED).select_related(
            "event", "organization"
        ),
        pk=exhibitor_id,
    )
    zones = [_zone(request), exhibitor.time_zone]
    slots = forms.slot_choices(selectors.exhibitor_free_slots(exhibitor), zones)
    form = forms.MeetingRequestForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_join(
                actor=request.user, event=exhibitor.event, time_zone=_zone(request)
            )
            meeting = services.meeting_request(
                actor=request.user, exhibitor=exhibitor, **form.cleaned_data
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Meeting requested: the exhibitor will answer."))
            return redirect("fair_meeting_detail", meeting.pk)
    return render(request, "fair/meeting_request.html", {"form": form, "exhibitor": exhibitor})


@member_required()
def meeting_detail(request: MemberRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(selectors.meetings_visible(), pk=meeting_id)
    my_zone = _zone(request)
    i_am_exhibitor = meeting.exhibitor_organization_id == request.organization.pk
    other_zone = meeting.buyer_time_zone if i_am_exhibitor else meeting.exhibitor.time_zone
    zones = list(dict.fromkeys([my_zone, other_zone]))
    can_answer = services.meeting_can_answer(meeting, request.organization)
    form = None
    if can_answer:
        form = forms.AcceptForm(
            request.POST or None,
            slots=forms.slot_choices(selectors.common_free_slots(meeting), zones),
            initial={"slot": meeting.slot},
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.meeting_accept(
                    actor=request.user, meeting=meeting, slot=form.cleaned_data["slot"]
                )
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                messages.success(request, _("Meeting accepted: invitations are on their way."))
                return redirect("fair_meeting_detail", meeting.pk)
    times = []
    if meeting.starts_at is not None:
        import zoneinfo

        times = [(z, meeting.starts_at.astimezone(zoneinfo.ZoneInfo(z))) for z in zones]
    return render(
        request,
        "fair/meeting_detail.html",
        {"meeting": meeting, "form": form, "times": times, "can_answer": can_answer},
    )


@require_POST
@member_required(Capability.SELL)
def meeting_move(request: MemberRequest, meeting_id: int, move: str) -> HttpResponse:
    meeting = get_object_or_404(selectors.meetings_visible(), pk=meeting_id)
    actions = {
        "decline": services.meeting_decline,
        "cancel": services.meeting_cancel,
        "held": services.meeting_mark_held,
    }
    action = actions.get(move)
    if action is None:
        return redirect("fair_meeting_detail", meeting.pk)
    try:
        action(actor=request.user, meeting=meeting)
    except DomainError as error:
        messages.error(request, error.render(_))
    return redirect("fair_meeting_detail", meeting.pk)


@member_required()
def meeting_ics_download(request: MemberRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(
        selectors.meetings_visible(), pk=meeting_id, starts_at__isnull=False
    )
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


# --- organizer: scheduler and funnel ------------------------
@member_required(Capability.MANAGE_ORGANIZATION)
def scheduler(request: MemberRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.owned(), pk=event_id)
    if request.method == "POST":
        try:
            scheduler_services.schedule_run(actor=request.user, event=event, time_limit_s=10.0)
        except DomainError as error:
            messages.error(request, error.render(_))
        return redirect("fair_scheduler", event.pk)
    pending = Meeting.all_objects.filter(event=event, status=MeetingStatus.REQUESTED).count()
    return render(
        request,
        "fair/scheduler.html",
        {"event": event, "runs": event.schedule_runs.all()[:10], "pending": pending},
    )


@require_POST
@member_required(Capability.MANAGE_ORGANIZATION)
def schedule_apply(request: MemberRequest, run_id: int) -> HttpResponse:
    run = get_object_or_404(ScheduleRun.objects.owned(), pk=run_id)
    try:
        booked = scheduler_services.schedule_apply(actor=request.user, run=run)
    except DomainError as error:
        messages.error(request, error.render(_))
    else:
        messages.success(request, _("%(count)s meetings booked.") % {"count": booked})
    return redirect("fair_scheduler", run.event_id)


@member_required()
def funnel(request: MemberRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.owned(), pk=event_id)
    return render(
        request, "fair/funnel.html", {"event": event, "funnel": selectors.event_funnel(event)}
    )


# --- bulk product import ------------------------
@member_required(Capability.SELL)
def import_new(request: MemberRequest) -> HttpResponse:
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = catalog_import.import_preview(
                actor=request.user,
                data=upload.read(imports.MAX_BYTES + 1),
                file_name=upload.name or "upload.csv",
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            return redirect("fair_import_detail", job.pk)
    return render(request, "fair/import_new.html", {"form": form})


@member_required(Capability.SELL)
def import_detail(request: MemberRequest, import_id: int) -> HttpResponse:
    job = get_object_or_404(CatalogImport.objects.owned(), pk=import_id)
    if request.method == "POST":
        try:
            catalog_import.import_start(
                actor=request.user, job=job, valid_only=request.POST.get("valid_only") == "1"
            )
        except DomainError as error:
            messages.error(request, error.render(_))
        return redirect("fair_import_detail", job.pk)
    template = "fair/import_detail.html"
    if request.headers.get("HX-Request"):
        template += "#progress"
    return render(request, template, {"job": job})
