"""Forms of the ledger pages (querysets are set per request: they are tenant-scoped)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin
from seaward.ledger.models import Account, Receipt, Receivable
from seaward.ledger.postings import Purpose
from seaward.organizations.models import Party

DATE = forms.DateInput(attrs={"type": "date"})
AMOUNT = {"max_digits": 17, "decimal_places": 3, "min_value": Decimal("0.001")}
RATE = {"max_digits": 20, "decimal_places": 10, "min_value": Decimal("0.0000000001")}


def _rescoped(form: forms.Form) -> None:
    """Validate again after the tenant-scoped querysets are set.

    ``StyledFormMixin`` validates a bound form inside ``__init__`` (to mark invalid
    fields), before a subclass can scope its querysets to the active organization.
    """
    if not form.is_bound:
        return
    form._errors = None  # type: ignore[attr-defined]  # re-validate with scoped querysets
    for name, field in form.fields.items():
        css = field.widget.attrs.get("class", "").replace(" is-invalid", "")
        field.widget.attrs["class"] = css + (" is-invalid" if name in form.errors else "")


def _banks(currency: str | None = None) -> Any:
    banks = Account.objects.filter(purpose=Purpose.BANK)
    return banks.filter(currency=currency) if currency else banks


class AccountForm(StyledFormMixin, forms.Form):
    code = forms.CharField(label=_("Code"), max_length=60)
    name = forms.CharField(label=_("Name"), max_length=200)
    currency = forms.CharField(label=_("Currency"), min_length=3, max_length=3)
    bank_account_number = forms.CharField(
        label=_("Bank account number (IBAN)"), max_length=60, required=False
    )


class ReceivableForm(StyledFormMixin, forms.Form):
    invoice_number = forms.CharField(label=_("Invoice number"), max_length=60)
    buyer = forms.ModelChoiceField(queryset=Party.all_objects.none(), label=_("Buyer"))
    currency = forms.CharField(label=_("Currency"), min_length=3, max_length=3, initial="USD")
    amount = forms.DecimalField(label=_("Amount"), **AMOUNT)  # type: ignore[arg-type]
    invoice_date = forms.DateField(label=_("Invoice date"), widget=DATE)
    due_date = forms.DateField(label=_("Due date"), widget=DATE, required=False)
    rate = forms.DecimalField(
        label=_("Rate (home units per unit)"),
        required=False,
        help_text=_("Empty: the ECB reference rate of the invoice date."),
        **RATE,  # type: ignore[arg-type]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["buyer"].queryset = Party.objects.filter(is_buyer=True)  # type: ignore[attr-defined]
        _rescoped(self)


class ReceiptForm(StyledFormMixin, forms.Form):
    account = forms.ModelChoiceField(
        queryset=Account.all_objects.none(), label=_("Collection account")
    )
    received_on = forms.DateField(label=_("Value date"), widget=DATE)
    net_amount = forms.DecimalField(label=_("Amount arrived"), **AMOUNT)  # type: ignore[arg-type]
    charges = forms.DecimalField(
        label=_("Intermediary bank charges"),
        required=False,
        max_digits=17,
        decimal_places=3,
        min_value=Decimal(0),
    )
    charge_bearer = forms.ChoiceField(
        label=_("Charges borne by"), choices=Receipt.ChargeBearer.choices, initial="SHA"
    )
    payer = forms.ModelChoiceField(
        queryset=Party.all_objects.none(), label=_("Payer"), required=False
    )
    invoice = forms.ModelChoiceField(
        queryset=Receivable.all_objects.none(), label=_("Apply to invoice"), required=False
    )
    invoice_amount = forms.DecimalField(
        label=_("Amount applied"),
        required=False,
        help_text=_("Empty: the invoice's open amount, up to what arrived plus charges."),
        **AMOUNT,  # type: ignore[arg-type]
    )
    reference = forms.CharField(label=_("Reference"), max_length=200, required=False)
    rate = forms.DecimalField(label=_("Rate (home units per unit)"), required=False, **RATE)  # type: ignore[arg-type]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = _banks()  # type: ignore[attr-defined]
        self.fields["payer"].queryset = Party.objects.filter(is_buyer=True)  # type: ignore[attr-defined]
        self.fields["invoice"].queryset = Receivable.objects.filter(open_amount__gt=0)  # type: ignore[attr-defined]
        _rescoped(self)


class AllocateForm(StyledFormMixin, forms.Form):
    invoice = forms.ModelChoiceField(queryset=Receivable.all_objects.none(), label=_("Invoice"))
    amount = forms.DecimalField(label=_("Amount"), **AMOUNT)  # type: ignore[arg-type]

    def __init__(self, *args: Any, currency: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invoice"].queryset = Receivable.objects.filter(  # type: ignore[attr-defined]
            open_amount__gt=0, currency=currency
        )
        _rescoped(self)


class SettlementForm(StyledFormMixin, forms.Form):
    source_account = forms.ModelChoiceField(queryset=Account.all_objects.none(), label=_("From"))
    target_account = forms.ModelChoiceField(queryset=Account.all_objects.none(), label=_("Into"))
    amount = forms.DecimalField(label=_("Amount sold"), **AMOUNT)  # type: ignore[arg-type]
    bank_rate = forms.DecimalField(label=_("Bank rate"), **RATE)  # type: ignore[arg-type]
    mid_rate = forms.DecimalField(
        label=_("Mid rate"),
        required=False,
        help_text=_("Empty: the ECB reference rate of the day."),
        **RATE,  # type: ignore[arg-type]
    )
    settled_on = forms.DateField(label=_("Date"), widget=DATE)
    reference = forms.CharField(label=_("Reference"), max_length=200, required=False)

    def __init__(self, *args: Any, home: str = "CNY", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_account"].queryset = _banks().exclude(currency=home)  # type: ignore[attr-defined]
        self.fields["target_account"].queryset = _banks(home)  # type: ignore[attr-defined]
        _rescoped(self)


class RevaluationForm(StyledFormMixin, forms.Form):
    period_end = forms.DateField(label=_("Period end"), widget=DATE)
    rates = forms.CharField(
        label=_("Your rates"),
        required=False,
        max_length=200,
        help_text=_("Optional, e.g. USD=6.65, EUR=7.43; other currencies use the ECB rate."),
    )

    def clean_rates(self) -> dict[str, Decimal]:
        rates: dict[str, Decimal] = {}
        for part in (self.cleaned_data.get("rates") or "").replace(";", ",").split(","):
            if not part.strip():
                continue
            currency, _sep, value = part.partition("=")
            try:
                rate = Decimal(value.strip())
            except ArithmeticError:
                rate = Decimal(0)
            if len(currency.strip()) != 3 or not rate.is_finite() or rate <= 0:
                raise forms.ValidationError(_("Write rates as USD=6.65, EUR=7.43."))
            rates[currency.strip().upper()] = rate
        return rates


class StatementUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Statement file (MT940, MT942, camt.052/053/054)"))
    confirm_unbalanced = forms.BooleanField(
        label=_("Import even if the balances don't add up"), required=False
    )
