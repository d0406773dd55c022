from __future__ import annotations

import zoneinfo

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from seaward.core.forms import StyledFormMixin
from seaward.organizations.models import Party, PartyContact
from seaward.organizations.roles import Role

COMMON_TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


class LoginForm(StyledFormMixin, AuthenticationForm):
    username = forms.CharField(
        label=_("Email or username"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class PreferencesForm(StyledFormMixin, forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Follow my browser")), *settings.LANGUAGES],
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=[(z, z) for z in COMMON_TIME_ZONES])


class InvitationForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.SALES)


class AcceptInvitationForm(StyledFormMixin, forms.Form):
    display_name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"), widget=forms.PasswordInput, min_length=8
    )


class TokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What will use it, e.g. “forwarder integration”."),
    )


class PartyForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Party
        fields = [
            "name",
            "legal_name",
            "is_buyer",
            "is_consignee",
            "is_notify_party",
            "is_bank",
            "is_forwarder",
            "is_supplier",
            "country",
            "address_line1",
            "address_line2",
            "city",
            "postal_code",
            "region",
            "tax_id",
            "swift_bic",
            "website",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "country": forms.TextInput(
                attrs={"list": "country-options", "maxlength": 2, "placeholder": "ES"}
            ),
        }


class ContactForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = PartyContact
        fields = ["name", "title", "email", "phone", "language"]
