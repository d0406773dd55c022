"""Reference pages: members see them, anonymous visitors are sent to sign in."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

PAGES = [
    ("reference_home", {}),
    ("reference_datasets", {}),
    ("reference_countries", {}),
    ("reference_locations", {}),
    ("reference_hs", {}),
    ("reference_fx", {}),
    ("reference_incoterms", {}),
    ("reference_containers", {}),
    ("reference_vat", {}),
    ("reference_country_options", {}),
    ("reference_currency_options", {}),
    ("reference_location_detail", {"unlocode": "CNSGH"}),
    ("reference_hs_detail", {"code": "8516"}),
]


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_page_renders_for_a_member(owner_client, name, kwargs) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_page_sends_anonymous_visitors_to_sign_in(client, name, kwargs) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_datasets_page_shows_source_and_publication_date(owner_client) -> None:  # type: ignore[no-untyped-def]
    html = owner_client.get(reverse("reference_datasets")).content.decode()
    assert "Source: ECB" in html and "Oct. 30, 2026" in html
    assert "UN/LOCODE" in html


def test_location_typeahead_fragment(owner_client) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(
        reverse("reference_locations"), {"q": "CNSHA"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert html.index("CNSGH") < html.index("CNSHA")
    full = owner_client.get(reverse("reference_locations"), {"q": "CNSHA"}).content.decode()
    assert "<html" in full and "Source:" in full


def test_country_options_fragment(owner_client) -> None:  # type: ignore[no-untyped-def]
    html = owner_client.get(reverse("reference_country_options")).content.decode()
    assert '<option value="ES">Spain</option>' in html
    html = owner_client.get(
        reverse("reference_country_options"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert "<option" in html


def test_hs_search_fragment_and_browser(owner_client) -> None:  # type: ignore[no-untyped-def]
    html = owner_client.get(
        reverse("reference_hs"), {"q": "toasters"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "8516.72" in html
    html = owner_client.get(reverse("reference_hs_detail", args=["XVI"])).content.decode()
    assert 'href="/reference/hs/85/"' in html


def test_fx_converter_shows_rate_source_and_date(owner_client) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(
        reverse("reference_fx"),
        {"amount": "1000", "from_currency": "USD", "to_currency": "CNY", "date": "2026-11-01"},
    )
    html = response.content.decode()
    assert "6652.88 CNY" in html
    assert "ECB" in html and "USD → EUR → CNY" in html
    assert "latest earlier one used" in html


def test_fx_converter_shows_a_clear_error(owner_client) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(
        reverse("reference_fx"),
        {"amount": "10", "from_currency": "USD", "to_currency": "CNY", "date": "1990-01-01"},
    )
    assert response.status_code == 200
    assert "No exchange rate from USD to CNY" in response.content.decode()


def test_unknown_location_is_404(owner_client) -> None:  # type: ignore[no-untyped-def]
    response = owner_client.get(reverse("reference_location_detail", args=["ZZZZZ"]))
    assert response.status_code == 404


def test_country_search_fragment(owner_client) -> None:  # type: ignore[no-untyped-def]
    html = owner_client.get(
        reverse("reference_countries"), {"q": "西班牙"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in html and "España" in html and "Germany" not in html
