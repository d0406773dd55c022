import pytest

from seaward.core.tenancy import TenancyNotActive, activate
from seaward.organizations import services
from seaward.organizations.models import Party


@pytest.mark.django_db
def test_scoped_manager_shows_only_the_active_organizations_rows(
    exporter, other_exporter, owner, outsider
):
    with activate(exporter):
        services.party_create(actor=owner, name="Buyer of A", is_buyer=True, country="ES")
    with activate(other_exporter):
        services.party_create(actor=outsider, name="Buyer of B", is_buyer=True, country="FR")
        assert list(Party.objects.values_list("name", flat=True)) == ["Buyer of B"]
    with activate(exporter):
        assert list(Party.objects.values_list("name", flat=True)) == ["Buyer of A"]


@pytest.mark.django_db
def test_scoped_manager_refuses_to_run_without_an_active_organization(exporter):
    with pytest.raises(TenancyNotActive):
        list(Party.objects.all())
    assert Party.all_objects.count() == 0


@pytest.mark.django_db
def test_new_rows_take_the_active_organization(exporter, owner):
    with activate(exporter):
        party = services.party_create(actor=owner, name="X", is_bank=True, country="CN")
    assert party.organization_id == exporter.pk
