"""Pages of the compliance context: review queue, alert review, party status, ad-hoc
screening, certificate, list snapshots with their diffs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from seaward.compliance import selectors, services
from seaward.compliance.forms import CheckForm, DecisionForm
from seaward.compliance.models import LIST_LABELS, Alert, ListSnapshot, ScreeningRecord
from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError, Forbidden
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability, role_allows
from seaward.organizations.selectors import user_can

FEATURES = {
    "name": gettext_lazy("Name similarity"),
    "tokens": gettext_lazy("Word-by-word similarity"),
    "aligned": gettext_lazy("Words matched"),
    "conflicting_tokens": gettext_lazy("Words in conflict"),
    "unmatched_query_tokens": gettext_lazy("Words only in the counterparty's name"),
    "unmatched_list_tokens": gettext_lazy("Words only in the listed name"),
    "joined": gettext_lazy("Same letters, joined or split differently"),
    "acronym": gettext_lazy("Acronym of the other name"),
    "weak_alias": gettext_lazy("Weak alias (counts less)"),
    "type": gettext_lazy("Type differs (person / organization)"),
    "birth_date": gettext_lazy("Date of birth"),
    "birth_date_note": gettext_lazy("Date of birth (note)"),
    "country": gettext_lazy("Country"),
    "identifier": gettext_lazy("Identifier (passport, SWIFT, tax id…)"),
    "empty": gettext_lazy("Nothing to compare"),
    "token_pairs": gettext_lazy("Words paired (similarity)"),
}
STATUS_BADGES = {
    "open": "warning",
    "true_match": "danger",
    "false_positive": "success",
    "withdrawn": "secondary",
    "blocked": "danger",
    "pending": "warning",
    "clear": "success",
    "unscreened": "secondary",
}


def explanation_rows(explanation: dict[str, Any]) -> list[dict[str, Any]]:
    """The engine's per-feature explanation as labelled rows, signed evidence marked."""
    rows = []
    for key, value in explanation.items():
        if value in ("", None):
            continue
        signed = key in {"weak_alias", "type", "birth_date", "country", "identifier"}
        rows.append(
            {
                "key": key,
                "label": FEATURES.get(key, key.replace("_", " ")),
                "value": value,
                "signed": signed and isinstance(value, int | float),
                "negative": isinstance(value, int | float) and signed and value < 0,
            }
        )
    return rows


def _can_review(request: MemberRequest) -> bool:
    return user_can(request.membership, Capability.REVIEW_SCREENING)


@member_required()
def queue(request: MemberRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    if status not in Alert.Status.values:
        status = "open"
    alerts = selectors.alert_queue(
        status=status,
        search=request.GET.get("q", "").strip()[:200],
        list_id=request.GET.get("list", "")[:40],
    )
    page = Paginator(alerts, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "q": request.GET.get("q", ""),
        "list": request.GET.get("list", ""),
        "counts": selectors.alert_counts(),
        "statuses": Alert.Status.choices,
        "badges": STATUS_BADGES,
        "list_labels": LIST_LABELS,
    }
    template = (
        "compliance/queue.html#alert-rows"
        if request.headers.get("HX-Request")
        else "compliance/queue.html"
    )
    return render(request, template, context)


@member_required()
def alert_detail(request: MemberRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(
        Alert.objects.select_related("party", "contact", "entry__snapshot", "decided_by"),
        pk=alert_id,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        ensure_capability(request, Capability.REVIEW_SCREENING)
        if form.is_valid():
            try:
                services.alert_decide(
                    actor=request.user,
                    alert=alert,
                    decision=form.cleaned_data["decision"],
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                messages.success(request, _("Decision recorded."))
                following = selectors.alert_queue(status="open").first()
                if following is not None:
                    return redirect("screening_alert", alert_id=following.pk)
                return redirect("screening_queue")
    return render(
        request,
        "compliance/alert_detail.html",
        {
            "alert": alert,
            "entry": alert.entry,
            "party": alert.party,
            "form": form,
            "can_review": _can_review(request),
            "explanation": explanation_rows(alert.explanation),
            "badges": STATUS_BADGES,
            "list_label": LIST_LABELS.get(alert.list_id, alert.list_id),
            "threshold": request.organization.screening_threshold,
        },
    )


@member_required()
def party_screening(request: MemberRequest, party_id: int) -> HttpResponse:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    role = request.membership.role
    can_rescreen = role_allows(role, Capability.MANAGE_PARTIES) or role_allows(
        role, Capability.REVIEW_SCREENING
    )
    if request.method == "POST":
        if not can_rescreen:
            raise Forbidden()
        services.screen_party(party=party, trigger="manual", actor=request.user)
        messages.success(request, _("Screened again against every list in force."))
        return redirect("screening_party", party_id=party.pk)
    view = selectors.party_screening(party)
    return render(
        request,
        "compliance/party.html",
        {
            "view": view,
            "party": party,
            "badges": STATUS_BADGES,
            "can_rescreen": can_rescreen,
            "list_labels": LIST_LABELS,
        },
    )


@member_required()
def check(request: MemberRequest) -> HttpResponse:
    form = CheckForm(request.POST or None)
    record = None
    if request.method == "POST" and form.is_valid():
        try:
            record = services.adhoc_screen(
                actor=request.user,
                name=form.cleaned_data["name"],
                country=form.cleaned_data["country"],
                entity_type=form.cleaned_data["type"],
                birth_date=form.cleaned_data["birth_date"],
            )
        except DomainError as error:
            form.add_domain_error(error, _)
    context = {
        "form": form,
        "record": record,
        "hits": _hits_view(record) if record else [],
        "list_labels": LIST_LABELS,
    }
    htmx = bool(request.headers.get("HX-Request"))
    template = "compliance/check.html#check-results" if htmx else "compliance/check.html"
    # htmx swaps only 2xx answers: the error fragment is the answer to show.
    status = 422 if request.method == "POST" and record is None and not htmx else 200
    return render(request, template, context, status=status)


def _hits_view(record: ScreeningRecord) -> list[dict[str, Any]]:
    return [
        {
            **hit,
            "subject_name": record.subjects[hit.get("subject", 0)]["name"]
            if record.subjects
            else "",
            "list_label": LIST_LABELS.get(hit["list"], hit["list"]),
            "rows": explanation_rows(hit["explanation"]),
        }
        for hit in record.hits
    ]


@member_required()
def certificate(request: MemberRequest, record_id: int) -> HttpResponse:
    record = get_object_or_404(
        ScreeningRecord.objects.select_related("party", "actor"), pk=record_id
    )
    status = None
    alerts: list[Alert] = []
    if record.party is not None:
        status = services.party_status(record.party)
        alerts = list(Alert.objects.filter(party=record.party).select_related("decided_by"))
    return render(
        request,
        "compliance/certificate.html",
        {
            "record": record,
            "hits": _hits_view(record),
            "status": status,
            "alerts": alerts,
            "badges": STATUS_BADGES,
            "list_labels": LIST_LABELS,
            "organization": request.organization,
        },
    )


@member_required()
def lists(request: MemberRequest) -> HttpResponse:
    snapshots = list(selectors.snapshot_list())
    chosen = None
    wanted = request.GET.get("snapshot", "")
    if wanted.isdigit():
        found = ListSnapshot.objects.filter(pk=int(wanted)).first()
        if found is not None:
            chosen = selectors.snapshot_diff(found)
    return render(
        request,
        "compliance/lists.html",
        {
            "snapshots": snapshots,
            "active": [s for s in snapshots if s.status == ListSnapshot.Status.ACTIVE],
            "chosen": chosen,
            "list_labels": LIST_LABELS,
            "sample": selectors.DIFF_SAMPLE,
        },
    )
