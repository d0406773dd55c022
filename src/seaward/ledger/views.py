"""Pages of the ledger: overview, accounts, entries, receivables, receipts, settlement and
revaluation, bank statements and reconciliation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from seaward.core.access import MemberRequest, ensure_capability, member_required
from seaward.core.errors import DomainError
from seaward.core.money import Money
from seaward.ledger import charts, forms, selectors, services
from seaward.ledger.models import (
    Account,
    JournalEntry,
    Receivable,
    StatementLine,
)
from seaward.organizations.roles import Capability, role_allows

SEE = Capability.SEE_MONEY


def _can_manage(request: MemberRequest) -> bool:
    return role_allows(request.membership.role, Capability.MANAGE_MONEY)


def _posted(request: MemberRequest) -> bool:
    """True for a POST by someone allowed to move money (else ``Forbidden``)."""
    if request.method != "POST":
        return False
    ensure_capability(request, Capability.MANAGE_MONEY)
    return True


@member_required(SEE)
def overview(request: MemberRequest) -> HttpResponse:
    cash = selectors.cash_position()
    exposure = selectors.fx_exposure()
    aging = selectors.ar_aging()
    summary = selectors.money_summary()
    context = {
        "summary": summary,
        "view_card": {"summary": summary},
        "cash": cash,
        "exposure": exposure,
        "aging": aging,
        "cash_chart": charts.bar_chart(
            [(f"{r.account.code}", r.functional) for r in cash.rows], unit=cash.currency
        ),
        "exposure_chart": charts.bar_chart(
            [(r.currency, r.one_percent) for r in exposure.rows if r.one_percent is not None],
            unit=exposure.currency,
        ),
        "aging_chart": charts.bar_chart(
            [(label, value) for label, value in aging.functional_by_bucket.items()],
            unit=aging.currency,
        ),
        "fx_chart": charts.bar_chart(
            [
                (_("Realized FX"), summary.fx.realized),
                (_("Unrealized FX"), summary.fx.unrealized),
                (_("Bank spread"), -summary.fx.spread),
            ],
            unit=summary.currency,
        ),
        "entries": selectors.entries()[:10],
    }
    return render(request, "ledger/overview.html", context)


@member_required(SEE)
def accounts(request: MemberRequest) -> HttpResponse:
    form = forms.AccountForm(request.POST or None)
    if _posted(request) and form.is_valid():
        try:
            account = services.account_create(
                actor=request.user, purpose="bank", **form.cleaned_data
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Account %(code)s added.") % {"code": account.code})
            return redirect("ledger_accounts")
    trial = selectors.trial_balance()
    listed = {row.account.pk for row in trial.rows}
    idle = [a for a in selectors.accounts() if a.pk not in listed]
    return render(
        request,
        "ledger/accounts.html",
        {"trial": trial, "idle": idle, "form": form, "can_manage": _can_manage(request)},
    )


@member_required(SEE)
def account_detail(request: MemberRequest, account_id: int) -> HttpResponse:
    account = get_object_or_404(Account.objects.all(), pk=account_id)
    return render(
        request,
        "ledger/account_detail.html",
        {"account": account, "lines": selectors.account_ledger(account)},
    )


@member_required(SEE)
def entry_detail(request: MemberRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(JournalEntry.objects.all(), pk=entry_id)
    reversal = JournalEntry.objects.filter(reverses=entry).first()
    return render(
        request,
        "ledger/entry_detail.html",
        {
            "entry": entry,
            "postings": entry.postings.select_related("account"),
            "reversal": reversal,
            "can_manage": _can_manage(request),
        },
    )


@require_POST
@member_required(SEE)
def entry_reverse(request: MemberRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(JournalEntry.objects.all(), pk=entry_id)
    ensure_capability(request, Capability.MANAGE_MONEY)
    try:
        reversal = services.entry_reverse(entry=entry, actor=request.user)
    except DomainError as error:
        messages.error(request, error.render(_))
        return redirect("ledger_entry", entry_id=entry.pk)
    messages.success(request, _("The entry is reversed."))
    return redirect("ledger_entry", entry_id=reversal.pk)


@member_required(SEE)
def receivables(request: MemberRequest) -> HttpResponse:
    form = forms.ReceivableForm(request.POST or None)
    if _posted(request) and form.is_valid():
        data = form.cleaned_data
        try:
            receivable = services.receivable_post_invoice(
                invoice_number=data["invoice_number"],
                buyer=data["buyer"],
                amount=Money.of(data["amount"], data["currency"]),
                invoice_date=data["invoice_date"],
                due_date=data["due_date"],
                rate=data["rate"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Receivable %(number)s posted.") % {"number": receivable})
            return redirect("ledger_receivable", receivable_id=receivable.pk)
    status = request.GET.get("status", "")
    page = Paginator(selectors.receivables(status=status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "ledger/receivables.html",
        {
            "page": page,
            "status": status,
            "aging": selectors.ar_aging(),
            "dso": selectors.dso(),
            "form": form,
            "can_manage": _can_manage(request),
        },
    )


@member_required(SEE)
def receivable_detail(request: MemberRequest, receivable_id: int) -> HttpResponse:
    receivable = get_object_or_404(selectors.receivables(), pk=receivable_id)
    return render(
        request,
        "ledger/receivable_detail.html",
        {
            "receivable": receivable,
            "allocations": receivable.allocations.select_related("receipt"),
        },
    )


@member_required(SEE)
def receipts(request: MemberRequest) -> HttpResponse:
    form = forms.ReceiptForm(request.POST or None)
    if _posted(request) and form.is_valid():
        data = form.cleaned_data
        account: Account = data["account"]
        allocations = []
        if data["invoice"] is not None:
            invoice: Receivable = data["invoice"]
            charges = data["charges"] or Decimal(0)
            available = data["net_amount"] + (charges if data["charge_bearer"] != "OUR" else 0)
            allocations.append(
                (invoice, data["invoice_amount"] or min(invoice.open_amount, available))
            )
        try:
            receipt = services.receipt_record(
                account=account,
                received_on=data["received_on"],
                net_amount=Money.of(data["net_amount"], account.currency),
                charges=data["charges"] or Decimal(0),
                charge_bearer=data["charge_bearer"],
                payer=data["payer"],
                allocations=allocations,
                reference=data["reference"],
                rate=data["rate"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Receipt recorded."))
            return redirect("ledger_receipt", receipt_id=receipt.pk)
    page = Paginator(selectors.receipts(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "ledger/receipts.html",
        {"page": page, "form": form, "can_manage": _can_manage(request)},
    )


@member_required(SEE)
def receipt_detail(request: MemberRequest, receipt_id: int) -> HttpResponse:
    receipt = get_object_or_404(selectors.receipts(), pk=receipt_id)
    form = forms.AllocateForm(request.POST or None, currency=receipt.currency)
    if _posted(request) and form.is_valid():
        try:
            services.receipt_allocate(
                receipt=receipt,
                receivable=form.cleaned_data["invoice"],
                amount=form.cleaned_data["amount"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Applied to the invoice."))
            return redirect("ledger_receipt", receipt_id=receipt.pk)
    return render(
        request,
        "ledger/receipt_detail.html",
        {
            "receipt": receipt,
            "allocations": receipt.allocations.select_related("receivable"),
            "lines": receipt.lines.select_related("statement"),
            "form": form,
            "can_manage": _can_manage(request),
        },
    )


@member_required(SEE)
def settlements(request: MemberRequest) -> HttpResponse:
    home = services.home_currency()
    form = forms.SettlementForm(request.POST or None, home=home)
    if _posted(request) and form.is_valid():
        data = form.cleaned_data
        try:
            services.settlement_post(
                source_account=data["source_account"],
                target_account=data["target_account"],
                amount=Money.of(data["amount"], data["source_account"].currency),
                bank_rate=data["bank_rate"],
                mid_rate=data["mid_rate"],
                settled_on=data["settled_on"],
                reference=data["reference"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Settlement posted."))
            return redirect("ledger_settlements")
    return render(
        request,
        "ledger/settlements.html",
        {
            "settlements": selectors.settlements()[:100],
            "revaluations": selectors.revaluations()[:24],
            "form": form,
            "revaluation_form": forms.RevaluationForm(),
            "home": home,
            "fx": selectors.fx_result(),
            "can_manage": _can_manage(request),
        },
    )


@member_required(SEE)
def revaluations(request: MemberRequest) -> HttpResponse:
    form = forms.RevaluationForm(request.POST or None)
    if _posted(request) and form.is_valid():
        try:
            services.revaluation_run(
                period_end=form.cleaned_data["period_end"],
                user_rates=form.cleaned_data["rates"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_domain_error(error, _)
        else:
            messages.success(request, _("Revaluation posted, and its reversal at the next day."))
            return redirect("ledger_settlements")
    return render(
        request,
        "ledger/revaluations.html",
        {
            "form": form,
            "revaluations": selectors.revaluations(),
            "can_manage": _can_manage(request),
        },
    )


@member_required(SEE)
def statements(request: MemberRequest) -> HttpResponse:
    form = forms.StatementUploadForm(request.POST or None, request.FILES or None)
    unbalanced: dict[str, Any] | None = None
    if _posted(request) and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.statement_import(
                data=upload.read(services.statements.MAX_UPLOAD_BYTES + 1),
                file_name=upload.name or "",
                actor=request.user,
                confirm_unbalanced=form.cleaned_data["confirm_unbalanced"],
            )
        except DomainError as error:
            if error.code == "unbalanced_statement":
                unbalanced = error.details
            form.add_domain_error(error, _)
        else:
            messages.success(
                request,
                _(
                    "%(created)s statement(s) imported, %(duplicates)s already known; "
                    "%(posted)s line(s) reconciled, %(queued)s waiting for you."
                )
                % {
                    "created": len(result.created),
                    "duplicates": len(result.duplicates),
                    "posted": result.auto_posted,
                    "queued": result.suggested,
                },
            )
            if len(result.created) == 1:
                return redirect("ledger_statement", statement_id=result.created[0].pk)
            return redirect("ledger_statements")
    page = Paginator(selectors.statements(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "ledger/statements.html",
        {
            "page": page,
            "form": form,
            "unbalanced": unbalanced,
            "queue": selectors.reconciliation_queue()[:50],
            "can_manage": _can_manage(request),
        },
    )


@member_required(SEE)
def statement_detail(request: MemberRequest, statement_id: int) -> HttpResponse:
    statement = get_object_or_404(selectors.statements(), pk=statement_id)
    lines = selectors.with_suggestions(list(selectors.statement_lines(statement)))
    return render(
        request,
        "ledger/statement_detail.html",
        {"statement": statement, "lines": lines, "can_manage": _can_manage(request)},
    )


@require_POST
@member_required(SEE)
def line_confirm(request: MemberRequest, line_id: int) -> HttpResponse:
    line = get_object_or_404(StatementLine.objects.all(), pk=line_id)
    ensure_capability(request, Capability.MANAGE_MONEY)
    try:
        line = services.line_confirm(line=line, actor=request.user)
    except DomainError as error:
        messages.error(request, error.render(_))
    line = selectors.with_suggestions([line])[0]
    if request.headers.get("HX-Request"):
        return render(
            request,
            "ledger/statement_detail.html#line-row",
            {"line": line, "can_manage": True},
        )
    return redirect("ledger_statement", statement_id=line.statement_id)
