import pytest

from seaward.core.tenancy import activate
from seaward.organizations import services


@pytest.fixture
def token(owner, exporter):
    with activate(exporter):
        return services.api_token_create(user=owner, name="tests").plaintext


def auth(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.mark.django_db
def test_api_requires_authentication(client):
    response = client.get("/api/v1/parties")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.django_db
def test_token_acts_in_its_organization(client, token, exporter):
    response = client.get("/api/v1/me", **auth(token))
    assert response.status_code == 200
    assert response.json()["organization"]["slug"] == exporter.slug


@pytest.mark.django_db
def test_party_crud_and_error_shapes(client, token):
    created = client.post(
        "/api/v1/parties",
        {"name": "Gulf Home", "is_buyer": True, "country": "AE"},
        content_type="application/json",
        **auth(token),
    )
    assert created.status_code == 201
    party_id = created.json()["id"]
    listed = client.get("/api/v1/parties?q=gulf", **auth(token)).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == party_id
    bad = client.post(
        "/api/v1/parties",
        {"name": "X", "is_buyer": True, "country": "XX"},
        content_type="application/json",
        **auth(token),
    )
    assert bad.status_code == 422
    assert set(bad.json()) == {"code", "message", "field", "details"}
    assert bad.json()["field"] == "country"
    missing = client.post(
        "/api/v1/parties", {"is_buyer": True}, content_type="application/json", **auth(token)
    )
    assert missing.status_code == 422 and missing.json()["code"] == "invalid_input"
    patched = client.patch(
        f"/api/v1/parties/{party_id}",
        {"city": "Dubai"},
        content_type="application/json",
        **auth(token),
    )
    assert patched.status_code == 200 and patched.json()["city"] == "Dubai"
    assert client.delete(f"/api/v1/parties/{party_id}", **auth(token)).status_code == 204
    gone = client.get(f"/api/v1/parties/{party_id}", **auth(token))
    assert gone.status_code == 404 and gone.json()["code"] == "not_found"


@pytest.mark.django_db
def test_viewer_token_cannot_write(client, exporter, make_member):
    viewer = make_member(exporter, "viewer")
    with activate(exporter):
        plaintext = services.api_token_create(user=viewer, name="v").plaintext
    response = client.post(
        "/api/v1/parties",
        {"name": "X", "is_buyer": True, "country": "ES"},
        content_type="application/json",
        **auth(plaintext),
    )
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


@pytest.mark.django_db
def test_token_is_shown_once_then_revoked(client, token):
    issued = client.post(
        "/api/v1/tokens", {"name": "second"}, content_type="application/json", **auth(token)
    )
    assert issued.status_code == 201 and issued.json()["token"].startswith("sw_")
    listed = client.get("/api/v1/tokens", **auth(token)).json()
    assert all("token" not in item for item in listed)
    revoked = client.post(f"/api/v1/tokens/{issued.json()['id']}/revoke", **auth(token))
    assert revoked.status_code == 200
    assert client.get("/api/v1/me", **auth(issued.json()["token"])).status_code == 401


@pytest.mark.django_db
def test_openapi_schema_is_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/parties" in schema["paths"]
