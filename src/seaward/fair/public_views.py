"""Public pages of the fair: a booth sample's product page (opened from its QR code) and a
visitor's meeting page. No sign-in; the token in the link is the credential. They show
only the one product (or meeting) the token names, in the visitor's browser language."""

from __future__ import annotations

import zoneinfo

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from seaward.catalog.texts import base_language
from seaward.core.errors import DomainError
from seaward.fair import forms, selectors, services
from seaward.fair.embedding_store import primary_language
from seaward.fair.models import LeadKind, Meeting, ProductCertification, ProductImage, Touch

LANGUAGE_NAMES = {"en": "English", "zh": "中文", "es": "Español"}


@csrf_protect
def sample_public(request: HttpRequest, token: str) -> HttpResponse:
    sample = selectors.sample_by_token(token)
    if sample is None:
        raise Http404
    language = base_language(get_language() or "en")
    product = sample.show_product.product
    exhibitor = sample.show_product.exhibitor
    event = exhibitor.event
    visitor_zone = event.time_zone
    slots = forms.slot_choices(
        selectors.exhibitor_free_slots(exhibitor)[:64], [visitor_zone, exhibitor.time_zone]
    )
    kind = request.POST.get("kind") or request.GET.get("kind") or LeadKind.QUOTE
    if kind not in (LeadKind.QUOTE, LeadKind.MEETING):
        kind = LeadKind.QUOTE
    form = forms.PublicLeadForm(request.POST or None, slots=slots, initial={"kind": kind})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            lead = services.lead_from_sample(
                sample=sample,
                kind=data["kind"],
                name=data["name"],
                email=data["email"],
                company=data["company"],
                phone=data["phone"],
                country=data["country"],
                language=language,
                time_zone=data["time_zone"] or visitor_zone,
                quantity=data["quantity"],
                message=data["message"],
                slot=data["slot"] if data["kind"] == LeadKind.MEETING else None,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            meeting = Meeting.all_objects.filter(lead=lead).first()
            if meeting is not None:
                return redirect("fair_visitor_meeting", meeting.visitor_token)
            return render(request, "fair/public_thanks.html", {"lead": lead, "event": event})
    if request.method == "GET":
        services.touch_record(
            sample=sample,
            kind=Touch.Kind.SCAN if request.GET.get("src") == "qr" else Touch.Kind.VISIT,
            language=language,
        )
    title = (product.title or {}).get(language)
    original = primary_language(product.title or {})
    return render(
        request,
        "fair/public_product.html",
        {
            "sample": sample,
            "product": product,
            "exhibitor": exhibitor,
            "event": event,
            "title": title or product.title_in(original),
            "translated": bool(title),
            "original_language": LANGUAGE_NAMES.get(original, original),
            "description": (product.description or {}).get(language)
            or product.description_in(original),
            "certifications": ProductCertification.all_objects.filter(product=product).values_list(
                "code", flat=True
            ),
            "form": form,
            "kind": kind,
            "has_photo": ProductImage.all_objects.filter(product=product).exists(),
        },
    )


def sample_photo(request: HttpRequest, token: str) -> HttpResponse:
    """The first photo's thumbnail of the sample's product (public with the sample)."""
    sample = selectors.sample_by_token(token)
    image = (
        ProductImage.all_objects.filter(product_id=sample.show_product.product_id).first()
        if sample is not None
        else None
    )
    if image is None:
        raise Http404
    response = HttpResponse(bytes(image.thumbnail), content_type="image/jpeg")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def visitor_meeting(request: HttpRequest, token: str) -> HttpResponse:
    meeting = selectors.meeting_by_token(token)
    if meeting is None or meeting.lead_id is None:
        raise Http404
    times = []
    if meeting.starts_at is not None:
        zones = list(dict.fromkeys([meeting.buyer_time_zone, meeting.exhibitor.time_zone]))
        times = [(z, meeting.starts_at.astimezone(zoneinfo.ZoneInfo(z))) for z in zones]
    return render(request, "fair/public_meeting.html", {"meeting": meeting, "times": times})
