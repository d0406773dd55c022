from django.urls import path

from seaward.organizations import views

urlpatterns = [
    path("organization/switch/", views.organization_switch, name="organization_switch"),
    path("language/", views.language_switch, name="language_switch"),
    path("no-organization/", views.no_organization, name="no_organization"),
    path("me/preferences/", views.profile, name="profile"),
    path("me/tokens/", views.api_tokens, name="api_tokens"),
    path("me/tokens/<id:token_id>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("members/", views.members, name="members"),
    path("members/<id:membership_id>/", views.membership_update, name="membership_update"),
    path(
        "invitations/<id:invitation_id>/revoke/", views.invitation_revoke, name="invitation_revoke"
    ),
    path("invitations/accept/<str:secret>/", views.invitation_accept, name="invitation_accept"),
    path("parties/", views.party_list, name="party_list"),
    path("parties/new/", views.party_create, name="party_create"),
    path("parties/<id:party_id>/", views.party_detail, name="party_detail"),
    path("parties/<id:party_id>/edit/", views.party_edit, name="party_edit"),
    path("parties/<id:party_id>/delete/", views.party_delete, name="party_delete"),
    path("audit/", views.audit_log, name="audit_log"),
]
