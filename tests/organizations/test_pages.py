import pytest
from django.urls import reverse

from seaward.core.tenancy import activate
from seaward.organizations import services
from seaward.organizations.models import Party


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse("party_list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.django_db
def test_login_with_email_then_dashboard(client, owner, exporter):
    response = client.post(reverse("login"), {"username": owner.email, "password": "pw-Seaward-1"})
    assert response.status_code == 302
    page = client.get(reverse("dashboard"))
    assert page.status_code == 200 and exporter.name in page.content.decode()


@pytest.mark.django_db
def test_pages_carry_a_csp_without_inline_script(owner_client):
    response = owner_client.get(reverse("party_list"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_party_create_shows_field_errors_and_writes_nothing(owner_client, exporter):
    response = owner_client.post(reverse("party_create"), {"name": "Bad", "country": "XX"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-field-error="country"' in body or "is-invalid" in body
    with activate(exporter):
        assert Party.objects.count() == 0


@pytest.mark.django_db
def test_party_create_then_detail(owner_client, exporter):
    response = owner_client.post(
        reverse("party_create"),
        {"name": "Cocinas Test", "is_buyer": "on", "country": "ES", "city": "Valencia"},
    )
    assert response.status_code == 302
    detail = owner_client.get(response["Location"])
    assert "Cocinas Test" in detail.content.decode()


@pytest.mark.django_db
def test_viewer_cannot_create_parties(client, exporter, make_member):
    client.force_login(make_member(exporter, "viewer"))
    response = client.post(
        reverse("party_create"), {"name": "X", "is_buyer": "on", "country": "ES"}
    )
    assert response.status_code == 403
    with activate(exporter):
        assert Party.objects.count() == 0


@pytest.mark.django_db
def test_switching_organization_changes_what_is_seen(
    client, exporter, other_exporter, owner, make_member
):
    from seaward.organizations.models import Membership

    Membership.objects.create(user=owner, organization=other_exporter, role="viewer")
    with activate(other_exporter):
        services.party_create(actor=owner, name="Only in B", is_buyer=True, country="FR")
    client.force_login(owner)
    assert "Only in B" not in client.get(reverse("party_list")).content.decode()
    client.post(reverse("organization_switch"), {"organization": other_exporter.pk})
    assert "Only in B" in client.get(reverse("party_list")).content.decode()


@pytest.mark.django_db
def test_switching_to_a_foreign_organization_is_refused(client, owner, other_exporter, exporter):
    client.force_login(owner)
    client.post(reverse("organization_switch"), {"organization": other_exporter.pk})
    page = client.get(reverse("dashboard"))
    assert exporter.name in page.content.decode()
    assert other_exporter.name not in page.content.decode()


@pytest.mark.django_db
def test_language_switch_translates_navigation(owner_client, owner):
    owner_client.post(reverse("language_switch"), {"language": "zh-hans", "next": "/"})
    owner.refresh_from_db()
    assert owner.language == "zh-hans"
    body = owner_client.get(reverse("party_list")).content.decode()
    assert "往来方" in body and "仪表盘" in body


@pytest.mark.django_db
def test_party_search_returns_an_htmx_fragment(owner_client, exporter, owner):
    with activate(exporter):
        services.party_create(actor=owner, name="Alpha Imports", is_buyer=True, country="ES")
        services.party_create(actor=owner, name="Beta Bank", is_bank=True, country="ES")
    response = owner_client.get(reverse("party_list"), {"q": "alpha"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Alpha Imports" in body and "Beta Bank" not in body and "<html" not in body
