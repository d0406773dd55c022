import pytest
from django.core import mail

from seaward.core.errors import InvalidInput
from seaward.core.tenancy import activate
from seaward.organizations import services
from seaward.organizations.errors import (
    AlreadyMember,
    InvitationEmailMismatch,
    InvitationInvalid,
    LastOwner,
)
from seaward.organizations.models import ApiToken, AuditEntry, Membership, Party


@pytest.mark.django_db
def test_party_create_validates_and_writes_nothing_on_bad_input(active, owner):
    with pytest.raises(InvalidInput) as bad_country:
        services.party_create(actor=owner, name="X", is_buyer=True, country="XX")
    assert bad_country.value.field == "country"
    with pytest.raises(InvalidInput) as no_role:
        services.party_create(actor=owner, name="X", country="ES")
    assert no_role.value.code == "party_role_required"
    assert Party.objects.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.django_db
def test_party_update_audits_before_and_after(active, owner):
    party = services.party_create(actor=owner, name="Old", is_buyer=True, country="ES")
    services.party_update(actor=owner, party=party, name="New", city="Valencia")
    entry = AuditEntry.objects.filter(action="party.update").get()
    assert entry.before == {"name": "Old", "city": ""}
    assert entry.after == {"name": "New", "city": "Valencia"}
    assert entry.actor == owner


@pytest.mark.django_db(transaction=True)
def test_invitation_is_mailed_and_accepted_once(exporter, owner, django_user_model):
    with activate(exporter):
        issued = services.invitation_create(
            actor=owner, email="New@Example.test", role="sales", base_url="http://testserver/"
        )
    assert len(mail.outbox) == 1 and issued.accept_url in mail.outbox[0].body
    secret = issued.accept_url.rstrip("/").rsplit("/", 1)[-1]
    membership = services.invitation_accept(
        secret=secret, user=None, new_user={"display_name": "New", "password": "long-Secret-9"}
    )
    assert membership.role == "sales" and membership.user.email == "new@example.test"
    with pytest.raises(InvitationInvalid):
        services.invitation_accept(secret=secret, user=membership.user)


@pytest.mark.django_db
def test_invitation_for_another_email_or_existing_member_is_refused(exporter, owner, make_member):
    with activate(exporter):
        with pytest.raises(AlreadyMember):
            services.invitation_create(
                actor=owner, email=owner.email, role="sales", base_url="http://x/"
            )
        issued = services.invitation_create(
            actor=owner, email="a@example.test", role="sales", base_url="http://x/"
        )
    stranger = make_member(exporter, "viewer", email="b@example.test")
    secret = issued.accept_url.rstrip("/").rsplit("/", 1)[-1]
    with pytest.raises(InvitationEmailMismatch):
        services.invitation_accept(secret=secret, user=stranger)


@pytest.mark.django_db
def test_the_last_owner_cannot_leave_or_be_demoted(active, owner):
    membership = Membership.objects.get(user=owner)
    with pytest.raises(LastOwner):
        services.membership_set_role(actor=owner, membership=membership, role="viewer")
    with pytest.raises(LastOwner):
        services.membership_remove(actor=owner, membership=membership)


@pytest.mark.django_db
def test_api_token_is_stored_hashed_shown_once_and_revocable(active, owner):
    issued = services.api_token_create(user=owner, name="ci")
    stored = ApiToken.objects.get()
    assert issued.plaintext not in (stored.key_hash, stored.prefix)
    assert services.api_token_authenticate(issued.plaintext) == stored
    assert services.api_token_authenticate(issued.plaintext + "x") is None
    services.api_token_revoke(user=owner, token_id=stored.pk)
    assert services.api_token_authenticate(issued.plaintext) is None


@pytest.mark.django_db
def test_token_stops_working_when_membership_ends(exporter, owner, make_member):
    with activate(exporter):
        colleague = make_member(exporter, "sales")
        issued = services.api_token_create(user=colleague, name="x")
        Membership.objects.filter(user=colleague).delete()
    assert services.api_token_authenticate(issued.plaintext) is None
