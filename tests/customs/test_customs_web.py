"""Customs Django layer: services against the database, pages and API through the client."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from seaward.catalog import services as catalog
from seaward.catalog.pricing import Tier
from seaward.core.errors import InvalidInput
from seaward.core.tenancy import activate
from seaward.customs import services
from seaward.customs.models import ClassificationDecision, ExportDeclaration, LandedCostEstimate
from seaward.organizations import services as organizations
from seaward.organizations.models import AuditEntry
from seaward.sales import services as sales

pytestmark = pytest.mark.django_db

API = "/api/v1/customs"
ON = "2025-06-02"  # a date the shipped ECB rates cover


def _sku(exporter: Any, owner: Any, code: str = "EK-1", title: str = "Electric kettle") -> Any:
    with activate(exporter):
        product = catalog.product_create(
            actor=owner, title={"en": title}, origin_country="CN", hs_code="851671"
        )
        return catalog.sku_create(
            actor=owner,
            product=product,
            code=code,
            units_per_carton=10,
            carton_net_kg=Decimal("12"),
            carton_gross_kg=Decimal("13"),
            tiers=[Tier("EUR", Decimal(1), Decimal("9.40"))],
        )


def _order(exporter: Any, owner: Any, sku: Any) -> Any:
    with activate(exporter):
        buyer = organizations.party_create(
            actor=owner,
            name="Cocinas Test S.L.",
            legal_name="Cocinas Test, Sociedad Limitada",
            is_buyer=True,
            country="ES",
            city="Valencia",
        )
        quotation = sales.quotation_create(
            actor=owner,
            buyer=buyer,
            currency="EUR",
            incoterm="CIF",
            named_place="ESVLC",
            lines=[sales.LineInput(quantity=Decimal(100), sku_id=sku.pk)],
        )
        sales.quotation_send(actor=owner, quotation=quotation)
        return sales.quotation_accept(actor=owner, quotation=quotation)


def _cost(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "destination_port": "ESVLC",
        "incoterm": "CIF",
        "transport_mode": "sea",
        "currency": "USD",
        "date": ON,
        "freight": "800",
        "insurance": "30",
        "lines": [
            {
                "hs_code": "8516.79",
                "origin": "CN",
                "value": "12000",
                "quantity": "500",
                "unit": "pcs",
                "weight_kg": "750",
            }
        ],
    }
    body.update(changes)
    return body


def _post(client: Any, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json")


# -- landed cost ---------------------------------------------------------------------------------


def test_landed_cost_api_to_valencia_traces_every_figure(owner_client: Any) -> None:
    response = _post(owner_client, f"{API}/landed-cost", _cost())
    assert response.status_code == 200, response.content
    result = response.json()["result"]
    assert result["destination"] == "ES"
    assert result["currency"] == "EUR"
    assert result["value_basis"] == "CIF"
    names = {figure["name"] for figure in result["components"]}
    assert {"duty", "import_vat", "freight"} <= names
    assert all(figure["trace"] for figure in result["components"])
    duty = next(f for f in result["components"] if f["name"] == "duty")
    assert duty["trace"][0]["code"].startswith("851679")
    assert response.json()["estimate_id"] is None
    assert not LandedCostEstimate.all_objects.exists()


@pytest.mark.parametrize(
    ("port", "country", "currency"),
    [("USLAX", "US", "USD"), ("GBFXT", "GB", "GBP"), ("ESVLC", "ES", "EUR")],
)
def test_destination_country_comes_from_the_unlocode(
    owner_client: Any, port: str, country: str, currency: str
) -> None:
    body = _cost(destination_port=port, incoterm="DDP")
    response = _post(owner_client, f"{API}/landed-cost", body)
    assert response.status_code == 200, response.content
    assert response.json()["result"]["destination"] == country
    assert response.json()["result"]["currency"] == currency


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lines": [{"hs_code": "851679", "origin": "CN", "value": "-5"}]}, "lines[0].value"),
        ({"lines": [{"hs_code": "851679", "origin": "XX", "value": "5"}]}, "lines[0].origin"),
        ({"lines": [{"hs_code": "12", "origin": "CN", "value": "5"}]}, "lines[0].hs_code"),
        ({"destination_port": "XX123"}, "destination_port"),
        ({"destination_port": "valencia"}, "destination_port"),
        ({"transport_mode": "air"}, "incoterm"),
        ({"incoterm": "ZZZ"}, "incoterm"),
    ],
)
def test_landed_cost_api_bad_input_is_422_naming_the_field_and_saves_nothing(
    owner_client: Any, changes: dict[str, Any], field: str
) -> None:
    response = _post(owner_client, f"{API}/landed-cost", _cost(save=True, **changes))
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert response.json()["message"]
    assert not LandedCostEstimate.all_objects.exists()


def test_landed_cost_api_saves_an_estimate(owner_client: Any, exporter: Any) -> None:
    response = _post(owner_client, f"{API}/landed-cost", _cost(save=True, name="Kettles"))
    assert response.status_code == 201, response.content
    estimate_id = response.json()["estimate_id"]
    detail = owner_client.get(f"{API}/landed-cost/estimates/{estimate_id}").json()
    assert detail["name"] == "Kettles"
    assert detail["destination_country"] == "ES"
    assert Decimal(detail["total"]) == Decimal(response.json()["result"]["total_landed_cost"])
    assert owner_client.get(f"{API}/landed-cost/estimates").json()["count"] == 1
    assert AuditEntry.all_objects.filter(action="customs.estimate_save").count() == 1


def test_landed_cost_of_a_quotation_uses_its_lines(
    owner_client: Any, exporter: Any, owner: Any
) -> None:
    order = _order(exporter, owner, _sku(exporter, owner))
    body = _cost(quotation_id=order.quotation_id, currency="", lines=[])
    response = _post(owner_client, f"{API}/landed-cost", body)
    assert response.status_code == 200, response.content
    shipment = response.json()["shipment"]
    assert shipment["currency"] == "EUR"
    assert shipment["lines"][0]["value"] == "940.00"
    assert shipment["lines"][0]["weight_kg"] == "120.000"


def test_landed_cost_page_shows_the_error_next_to_the_field(owner_client: Any) -> None:
    form = {
        "destination_port": "ESVLC",
        "incoterm": "CIF",
        "transport_mode": "sea",
        "currency": "USD",
        "on": ON,
        "freight": "100",
        "destination_charges": "0",
        "line-TOTAL_FORMS": "3",
        "line-INITIAL_FORMS": "0",
        "line-0-hs_code": "851679",
        "line-0-origin": "CN",
        "line-0-value": "-12",
        "line-0-unit": "pcs",
        "save": "1",
    }
    response = owner_client.post("/customs/landed-cost/", form)
    assert response.status_code == 422
    body = response.content.decode()
    assert 'data-field-error="value"' in body
    assert "must not be negative" in body
    assert not LandedCostEstimate.all_objects.exists()
    form["line-0-value"] = "12000"
    del form["save"]
    response = owner_client.post("/customs/landed-cost/", form)
    assert response.status_code == 200
    assert 'data-testid="cost-total"' in response.content.decode()
    form["save"] = "1"
    response = owner_client.post("/customs/landed-cost/", form)
    assert response.status_code == 302
    estimate = LandedCostEstimate.all_objects.get()
    assert owner_client.get(response["Location"]).status_code == 200
    assert estimate.destination_country == "ES"


def test_cbam_goods_to_the_eu_are_flagged(owner_client: Any) -> None:
    lines = [{"hs_code": "7208.51", "origin": "CN", "value": "20000", "weight_kg": "25000"}]
    response = _post(owner_client, f"{API}/landed-cost", _cost(lines=lines, save=True))
    assert response.status_code == 201, response.content
    assert response.json()["result"]["cbam"]
    assert LandedCostEstimate.all_objects.get().cbam


# -- classification ------------------------------------------------------------------------------


def _rank(codes: list[dict[str, Any]], code: str) -> int:
    found = [c["code"] for c in codes]
    return found.index(code) if code in found else len(found)


def test_classify_confirm_then_a_similar_product_ranks_the_confirmed_code_higher(
    owner_client: Any, exporter: Any, owner: Any
) -> None:
    sku = _sku(exporter, owner)
    similar = {"title": "不锈钢电热水壶 1.8升 自动断电", "material": "不锈钢"}
    before = _post(owner_client, f"{API}/classify", similar)
    assert before.status_code == 200, before.content
    codes_before = before.json()["codes"]
    assert len(codes_before) == 5
    assert all(0 <= c["score"] <= 1 for c in codes_before)
    assert codes_before[0]["path"][-1]["code"] == codes_before[0]["code"]

    confirm = {
        "sku_id": sku.pk,
        "code": "8516.79",
        "title": "电热水壶 1.7升 不锈钢 2200瓦",
        "material": "stainless steel",
        "candidates": [{"code": c["code"], "score": c["score"]} for c in codes_before],
    }
    response = _post(owner_client, f"{API}/classifications", confirm)
    assert response.status_code == 201, response.content
    assert response.json()["code"] == "851679"
    assert response.json()["decided_by"] == owner.email
    with activate(exporter):
        sku.product.refresh_from_db()
    assert sku.product.hs_code == "851679"
    decision = ClassificationDecision.all_objects.get()
    assert decision.decided_by == owner
    assert len(decision.candidates) == 5

    after = _post(owner_client, f"{API}/classify", similar).json()["codes"]
    assert _rank(after, "851679") < _rank(codes_before, "851679") or (
        _rank(after, "851679") == 0
        and after[0]["score"] > next((c["score"] for c in codes_before if c["code"] == "851679"), 0)
    )
    learned = next(c for c in after if c["code"] == "851679")["learned_from"]
    assert learned and learned[0]["sku"] == "EK-1"


def test_classify_gives_national_lines(owner_client: Any) -> None:
    response = _post(owner_client, f"{API}/classify", {"title": "Electric kettle, stainless"})
    assert response.status_code == 200
    national = [c["national"] for c in response.json()["codes"]]
    assert any(n["us"] and len(n["us"][0]["code"]) == 10 for n in national)
    assert any(n["uk"] for n in national)


def test_confirm_rejects_unknown_code_and_saves_nothing(
    owner_client: Any, exporter: Any, owner: Any
) -> None:
    sku = _sku(exporter, owner)
    for code, field in (("999999", "code"), ("85", "code")):
        response = _post(owner_client, f"{API}/classifications", {"sku_id": sku.pk, "code": code})
        assert response.status_code == 422
        assert response.json()["field"] == field
    response = _post(
        owner_client,
        f"{API}/classifications",
        {"sku_id": sku.pk, "code": "851679", "national_code": "73239300"},
    )
    assert response.status_code == 422
    assert response.json()["field"] == "national_code"
    assert not ClassificationDecision.all_objects.exists()
    with activate(exporter):
        sku.product.refresh_from_db()
    assert sku.product.hs_code == "851671"


def test_classify_requires_text(owner_client: Any) -> None:
    response = _post(owner_client, f"{API}/classify", {"title": " "})
    assert response.status_code == 422
    assert response.json()["field"] == "title"


def test_classification_pages(owner_client: Any, exporter: Any, owner: Any) -> None:
    sku = _sku(exporter, owner)
    page = owner_client.get(f"/customs/classify/?sku={sku.pk}")
    assert page.status_code == 200
    assert "Electric kettle" in page.content.decode()
    response = owner_client.post("/customs/classify/", {"title": "电热水壶 不锈钢 1.7升"})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('data-testid="candidate"') == 5
    assert 'name="code"' in body
    product = json.dumps({"title": "电热水壶 不锈钢 1.7升"})
    response = owner_client.post(
        "/customs/classify/confirm/",
        {"sku": sku.pk, "code": "851679", "product": product, "candidates": "[]"},
    )
    assert response.status_code == 302
    history = owner_client.get(response["Location"]).content.decode()
    assert "851679" in history and owner.email in history
    bad = owner_client.post("/customs/classify/confirm/", {"sku": sku.pk, "code": "123"})
    assert bad.status_code == 422
    assert ClassificationDecision.all_objects.count() == 1
    again = owner_client.post("/customs/classify/", {"title": "电热水壶 不锈钢 1.8升"})
    assert "Based on your confirmed classification of EK-1" in again.content.decode()


def test_confirm_service_writes_audit_and_updates_catalog(exporter: Any, owner: Any) -> None:
    sku = _sku(exporter, owner)
    with activate(exporter):
        decision = services.classification_confirm(
            actor=owner,
            sku=sku,
            code="8516.79.00",
            product=services.ProductText(title="Electric kettle"),
        )
        assert decision.code == "851679"
        assert AuditEntry.objects.filter(action="customs.classification_confirm").exists()
        with pytest.raises(InvalidInput):
            services.classification_confirm(
                actor=owner, sku=sku, code="0000", product=services.ProductText(title="x")
            )
        assert ClassificationDecision.objects.count() == 1


# -- declarations --------------------------------------------------------------------------------


def test_declaration_json_has_the_data_set_and_the_china_profile(
    owner_client: Any, exporter: Any, owner: Any
) -> None:
    sku = _sku(exporter, owner)
    order = _order(exporter, owner, sku)
    response = owner_client.get(f"{API}/declarations/orders/{order.pk}")
    assert response.status_code == 200, response.content
    data = response.json()
    data_set = data["data_set"]
    assert data_set["consignor"]["name"] == exporter.name
    assert data_set["consignee"]["name"] == "Cocinas Test S.L."
    assert data_set["trade_terms"]["incoterm"] == "CIF"
    assert data_set["transport"]["destination_country"] == "ES"
    assert data_set["currency"] == "EUR"
    line = data_set["lines"][0]
    assert line["hs_code"] == "851671"
    assert line["quantity"] == "100.000"
    assert line["value"] == "940.00"
    assert line["net_weight_kg"] == "120.000"
    assert line["origin_country"] == "CN"
    assert {c["code"] for c in line["national_candidates"]} >= {"85167190"}
    china = data["china"]
    header = china["表头"]
    assert header["监管方式"] == {"code": "0110", "name": "一般贸易"}
    assert header["运输方式"]["code"] == "2"
    assert header["成交方式"]["name"] == "CIF"
    assert header["运抵国（地区）"]["code"] == "ESP"
    assert header["指运港"]["unlocode"] == "ESVLC"
    goods = china["表体"][0]
    assert goods["最终目的国"]["code"] == "ESP"
    assert goods["原产国"]["code"] == "CHN"
    assert goods["成交计量单位"]["name"] == "个"
    assert goods["总价"] == "940.00"
    download = owner_client.get(f"/customs/declarations/orders/{order.pk}/json/?mode=air")
    assert download.status_code == 200
    assert json.loads(download.content)["china"]["表头"]["运输方式"]["code"] == "5"


def test_declaration_page_and_save(owner_client: Any, exporter: Any, owner: Any) -> None:
    order = _order(exporter, owner, _sku(exporter, owner))
    page = owner_client.get(f"/customs/declarations/orders/{order.pk}/")
    assert page.status_code == 200
    assert "境内发货人" in page.content.decode()
    assert order.number in owner_client.get("/customs/declarations/").content.decode()
    response = owner_client.post(
        f"/customs/declarations/orders/{order.pk}/", {"transport_mode": "sea"}
    )
    assert response.status_code == 302
    assert ExportDeclaration.all_objects.filter(order=order).count() == 1
    api = _post(owner_client, f"{API}/declarations/orders/{order.pk}", {"transport_mode": "rail"})
    assert api.status_code == 201
    assert api.json()["data"]["china"]["表头"]["运输方式"]["code"] == "3"


# -- tenancy -------------------------------------------------------------------------------------


def test_other_organizations_see_none_of_it(
    client: Any, exporter: Any, owner: Any, outsider: Any
) -> None:
    sku = _sku(exporter, owner)
    order = _order(exporter, owner, sku)
    with activate(exporter):
        decision = services.classification_confirm(
            actor=owner, sku=sku, code="851679", product=services.ProductText(title="kettle")
        )
        estimate = services.estimate_save(
            actor=owner,
            request=services.CostRequest(
                destination_port="ESVLC",
                currency="EUR",
                incoterm="CIF",
                transport_mode="sea",
                on=services.latest_fx_date(),
                lines=(services.CostLine("851679", "CN", Decimal("1000")),),
            ),
        )
    client.force_login(outsider)
    assert client.get(f"{API}/classifications/{decision.pk}").status_code == 404
    assert client.get(f"{API}/classifications").json()["count"] == 0
    assert client.get(f"{API}/landed-cost/estimates/{estimate.pk}").status_code == 404
    assert client.get(f"{API}/declarations/orders/{order.pk}").status_code == 404
    assert client.get(f"/customs/declarations/orders/{order.pk}/").status_code == 404
    assert client.get(f"/customs/skus/{sku.pk}/classifications/").status_code == 404
    confirm = {"sku_id": sku.pk, "code": "851679", "title": "kettle"}
    assert _post(client, f"{API}/classifications", confirm).status_code == 404
    body = _cost(quotation_id=order.quotation_id, lines=[])
    assert _post(client, f"{API}/landed-cost", body).status_code == 404
    # A's confirmations do not teach B's classifier.
    codes = _post(client, f"{API}/classify", {"title": "kettle"}).json()["codes"]
    assert all(not c["learned_from"] for c in codes)


def test_catalog_units_the_engine_does_not_know_are_counted_as_articles(exporter: Any) -> None:
    with activate(exporter):
        raw, result = services.landed_cost_compute(
            services.CostRequest(
                destination_port="GBFXT",
                currency="GBP",
                incoterm="DAP",
                transport_mode="sea",
                on=services.latest_fx_date(),
                lines=(services.CostLine("821110", "CN", Decimal("500"), Decimal(40), "set"),),
            )
        )
    assert raw["lines"][0]["unit"] == "pcs"
    assert result.destination == "GB"
