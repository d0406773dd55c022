"""Pages of the organizations context: switcher, preferences, members, tokens, parties, audit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError
from seaward.core.middleware import SESSION_ORGANIZATION_KEY
from seaward.organizations import selectors, services
from seaward.organizations.forms import (
    AcceptInvitationForm,
    ContactForm,
    InvitationForm,
    PartyForm,
    PreferencesForm,
    TokenForm,
)
from seaward.organizations.models import Invitation, Membership, Party, role_label
from seaward.organizations.roles import Capability


def _safe_next(request: MemberRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
def organization_switch(request: MemberRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("login")
    try:
        organization = services.organization_switch(
            user=request.user,
            organization_id=int(request.POST.get("organization", "0")),
        )
    except (ValueError, DomainError):
        messages.error(request, _("You are not a member of that organization."))
        return redirect("dashboard")
    request.session[SESSION_ORGANIZATION_KEY] = organization.pk
    messages.success(
        request, _("You are now working in %(organization)s.") % {"organization": organization}
    )
    return redirect("dashboard")


@require_POST
def language_switch(request: MemberRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if request.user.is_authenticated:
        services.user_update_preferences(user=request.user, language=language)
    translation.activate(language)
    response = HttpResponseRedirect(_safe_next(request, reverse("dashboard")))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def no_organization(request: MemberRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("login")
    return render(request, "organizations/no_organization.html")


@member_required()
def profile(request: MemberRequest) -> HttpResponse:
    user = request.user
    form = PreferencesForm(
        request.POST or None,
        initial={
            "display_name": user.display_name,
            "language": user.language,
            "time_zone": user.time_zone,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_preferences(user=user, **form.cleaned_data)
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Your preferences are saved."))
            response = redirect("profile")
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                form.cleaned_data["language"] or "",
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
            return response
    return render(request, "organizations/profile.html", {"form": form})


# --- members and invitations ----------------------------------------------------------
@member_required()
def members(request: MemberRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    issued = None
    if request.method == "POST":
        ensure_capability(request, Capability.MANAGE_MEMBERS)
        if form.is_valid():
            try:
                issued = services.invitation_create(
                    actor=request.user,
                    base_url=request.build_absolute_uri("/"),
                    **form.cleaned_data,
                )
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                messages.success(
                    request, _("Invitation sent to %(email)s.") % {"email": issued.invitation.email}
                )
                form = InvitationForm()
    return render(
        request,
        "organizations/members.html",
        {
            "members": selectors.members_of_active(),
            "invitations": Invitation.objects.filter(accepted_at__isnull=True),
            "form": form,
            "issued": issued,
            "can_manage": selectors.user_can(request.membership, Capability.MANAGE_MEMBERS),
            "roles": Membership._meta.get_field("role").choices,
        },
    )


@require_POST
@member_required(Capability.MANAGE_MEMBERS)
def membership_update(request: MemberRequest, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(selectors.members_of_active(), pk=membership_id)
    try:
        if request.POST.get("action") == "remove":
            services.membership_remove(actor=request.user, membership=membership)
            messages.success(request, _("Member removed."))
        else:
            services.membership_set_role(
                actor=request.user,
                membership=membership,
                role=request.POST.get("role", ""),
            )
            messages.success(request, _("Role changed."))
    except DomainError as error:
        messages.error(request, error.render(_))
    return redirect("members")


@require_POST
@member_required(Capability.MANAGE_MEMBERS)
def invitation_revoke(request: MemberRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.filter(accepted_at__isnull=True), pk=invitation_id
    )
    invitation.delete()
    messages.success(request, _("Invitation withdrawn."))
    return redirect("members")


def invitation_accept(request: MemberRequest, secret: str) -> HttpResponse:
    try:
        invitation = services.invitation_lookup(secret)
    except DomainError as error:
        return render(
            request, "organizations/invitation_accept.html", {"error": error.render(_)}, status=404
        )
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST":
        user = request.user if request.user.is_authenticated else None
        if user is not None or form.is_valid():
            try:
                membership = services.invitation_accept(
                    secret=secret,
                    user=user,
                    new_user=None if user else form.cleaned_data,
                )
            except DomainError as error:
                form.add_domain_error(error, _)
            else:
                if user is None:
                    login(
                        request,
                        membership.user,
                        backend="seaward.organizations.auth.EmailOrUsernameBackend",
                    )
                request.session[SESSION_ORGANIZATION_KEY] = membership.organization_id
                messages.success(
                    request,
                    _("Welcome to %(organization)s.") % {"organization": membership.organization},
                )
                return redirect("dashboard")
    return render(
        request, "organizations/invitation_accept.html", {"invitation": invitation, "form": form}
    )


# --- API tokens ------------------------------------------------------------------------------
@member_required()
def api_tokens(request: MemberRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            form = TokenForm()
    tokens = selectors.api_tokens_of(request.user, request.organization.pk)
    return render(
        request, "organizations/api_tokens.html", {"form": form, "issued": issued, "tokens": tokens}
    )


@require_POST
@member_required()
def api_token_revoke(request: MemberRequest, token_id: int) -> HttpResponse:
    get_object_or_404(
        selectors.api_tokens_of(request.user, request.organization.pk),
        pk=token_id,
    )
    services.api_token_revoke(user=request.user, token_id=token_id)
    messages.success(request, _("Token revoked: it no longer works."))
    return redirect("api_tokens")


# --- parties ------------------------------------------------------------------------------------
@member_required()
def party_list(request: MemberRequest) -> HttpResponse:
    parties = selectors.party_list(
        search=request.GET.get("q", "").strip(),
        role=request.GET.get("role", ""),
        country=request.GET.get("country", "").strip(),
    )
    page = Paginator(parties, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": request.GET.get("q", ""),
        "role": request.GET.get("role", ""),
        "role_fields": [(f, role_label(f)) for f in Party.ROLE_FIELDS],
        "can_edit": selectors.user_can(request.membership, Capability.MANAGE_PARTIES),
    }
    template = (
        "organizations/party_list.html#party-rows"
        if request.headers.get("HX-Request")
        else "organizations/party_list.html"
    )
    return render(request, template, context)


@member_required(Capability.MANAGE_PARTIES)
def party_create(request: MemberRequest) -> HttpResponse:
    form = PartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            party = services.party_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("%(party)s added to your address book.") % {"party": party})
            return redirect("party_detail", party_id=party.pk)
    return render(request, "organizations/party_form.html", {"form": form, "party": None})


@member_required()
def party_detail(request: MemberRequest, party_id: int) -> HttpResponse:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    contact_form = ContactForm(request.POST or None)
    if request.method == "POST":
        ensure_capability(request, Capability.MANAGE_PARTIES)
        if contact_form.is_valid():
            try:
                services.party_contact_add(
                    actor=request.user,
                    party=party,
                    **contact_form.cleaned_data,
                )
            except DomainError as error:
                contact_form.add_domain_error(error, _)
            else:
                messages.success(request, _("Contact added."))
                return redirect("party_detail", party_id=party.pk)
    history = selectors.audit_list(object_type="organizations.party").filter(
        object_id=str(party.pk)
    )[:20]
    return render(
        request,
        "organizations/party_detail.html",
        {
            "party": party,
            "contact_form": contact_form,
            "history": history,
            "can_edit": selectors.user_can(request.membership, Capability.MANAGE_PARTIES),
        },
    )


@member_required(Capability.MANAGE_PARTIES)
def party_edit(request: MemberRequest, party_id: int) -> HttpResponse:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    form = PartyForm(request.POST or None, instance=party)
    if request.method == "POST" and form.is_valid():
        try:
            services.party_update(actor=request.user, party=party, **form.cleaned_data)
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("party_detail", party_id=party.pk)
    return render(request, "organizations/party_form.html", {"form": form, "party": party})


@require_POST
@member_required(Capability.MANAGE_PARTIES)
def party_delete(request: MemberRequest, party_id: int) -> HttpResponse:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    try:
        services.party_delete(actor=request.user, party=party)
    except DomainError as error:
        messages.error(request, error.render(_))
        return redirect("party_detail", party_id=party.pk)
    messages.success(request, _("Party deleted."))
    return redirect("party_list")


# --- audit --------------------------------------------------------------------------------------
@member_required()
def audit_log(request: MemberRequest) -> HttpResponse:
    entries = selectors.audit_list(
        action=request.GET.get("action", "").strip(),
        object_type=request.GET.get("object_type", "").strip(),
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "organizations/audit_log.html",
        {
            "page": page,
            "action": request.GET.get("action", ""),
            "object_type": request.GET.get("object_type", ""),
        },
    )
