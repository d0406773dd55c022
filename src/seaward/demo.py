"""Demo data: the organizations, people and counterparties of the README's demo.

Idempotent: running it again updates nothing that exists. Each context that
lands adds its part of the story through ``register_step``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from seaward.core.tenancy import activate
from seaward.organizations.models import Membership, Organization, Party, PartyContact, User
from seaward.organizations.roles import Role

DEMO_PASSWORD = "seaward-demo"  # noqa: S105  (printed by `seaward demo`; demo data only)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    organization: str
    role: str


ORGANIZATIONS: list[dict[str, Any]] = [
    dict(
        slug="ningbo-harbor",
        name="Ningbo Harbor Kitchenware Co., Ltd.",
        legal_name="宁波海港厨具有限公司",
        kind=Organization.Kind.EXPORTER,
        country="CN",
        city="Ningbo",
        home_currency="CNY",
        time_zone="Asia/Shanghai",
        default_language="zh-hans",
        website="https://ningbo-harbor.example",
    ),
    dict(
        slug="shenzhen-brightwave",
        name="Shenzhen Brightwave Electronics Co., Ltd.",
        legal_name="深圳明浪电子有限公司",
        kind=Organization.Kind.EXPORTER,
        country="CN",
        city="Shenzhen",
        home_currency="CNY",
        time_zone="Asia/Shanghai",
        default_language="zh-hans",
    ),
    dict(
        slug="cocinas-mediterraneo",
        name="Cocinas Mediterráneo S.L.",
        legal_name="Cocinas Mediterráneo, Sociedad Limitada",
        kind=Organization.Kind.BUYER,
        country="ES",
        city="Valencia",
        home_currency="EUR",
        time_zone="Europe/Madrid",
        default_language="es",
    ),
    dict(
        slug="gulf-home",
        name="Gulf Home Trading LLC",
        legal_name="Gulf Home Trading L.L.C.",
        kind=Organization.Kind.BUYER,
        country="AE",
        city="Dubai",
        home_currency="AED",
        time_zone="Asia/Dubai",
        default_language="en",
    ),
    dict(
        slug="silk-road-fairs",
        name="Silk Road Hybrid Fairs",
        legal_name="Silk Road Trade Promotion Association",
        kind=Organization.Kind.FAIR_ORGANIZER,
        country="CN",
        city="Hangzhou",
        home_currency="CNY",
        time_zone="Asia/Shanghai",
        default_language="zh-hans",
    ),
]

USERS = [
    # email, display name, language, time zone, [(organization slug, role)]
    (
        "owner@ningbo.demo",
        "陈伟 Chen Wei",
        "zh-hans",
        "Asia/Shanghai",
        [("ningbo-harbor", Role.OWNER), ("shenzhen-brightwave", Role.ADMIN)],
    ),
    (
        "admin@ningbo.demo",
        "周敏 Zhou Min",
        "zh-hans",
        "Asia/Shanghai",
        [("ningbo-harbor", Role.ADMIN)],
    ),
    ("sales@ningbo.demo", "Lily Wang 王丽", "en", "Asia/Shanghai", [("ningbo-harbor", Role.SALES)]),
    (
        "ops@ningbo.demo",
        "李强 Li Qiang",
        "zh-hans",
        "Asia/Shanghai",
        [("ningbo-harbor", Role.OPERATIONS)],
    ),
    (
        "finance@ningbo.demo",
        "张静 Zhang Jing",
        "zh-hans",
        "Asia/Shanghai",
        [("ningbo-harbor", Role.FINANCE)],
    ),
    (
        "viewer@ningbo.demo",
        "刘洋 Liu Yang",
        "zh-hans",
        "Asia/Shanghai",
        [("ningbo-harbor", Role.VIEWER)],
    ),
    (
        "owner@shenzhen.demo",
        "黄磊 Huang Lei",
        "zh-hans",
        "Asia/Shanghai",
        [("shenzhen-brightwave", Role.OWNER)],
    ),
    (
        "sales@shenzhen.demo",
        "Kevin Xu 徐凯",
        "en",
        "Asia/Shanghai",
        [("shenzhen-brightwave", Role.SALES)],
    ),
    (
        "buyer@valencia.demo",
        "Lucía Martínez",
        "es",
        "Europe/Madrid",
        [("cocinas-mediterraneo", Role.OWNER)],
    ),
    ("buyer@dubai.demo", "Omar Al Mansoori", "en", "Asia/Dubai", [("gulf-home", Role.OWNER)]),
    (
        "organizer@fairs.demo",
        "孙悦 Sun Yue",
        "zh-hans",
        "Asia/Shanghai",
        [("silk-road-fairs", Role.OWNER)],
    ),
]

PARTIES: dict[str, list[dict[str, Any]]] = {
    "ningbo-harbor": [
        dict(
            name="Cocinas Mediterráneo S.L.",
            is_buyer=True,
            is_consignee=True,
            country="ES",
            address_line1="Carrer de Colón 24",
            city="Valencia",
            postal_code="46004",
            region="Valencia",
            tax_id="ESB98765432",
            linked="cocinas-mediterraneo",
            contacts=[
                ("Lucía Martínez", "Compras", "buyer@valencia.demo", "+34 963 000 111", "es")
            ],
        ),
        dict(
            name="Transportes Levante Aduanas S.L.",
            is_notify_party=True,
            is_forwarder=True,
            country="ES",
            address_line1="Muelle de la Aduana s/n",
            city="Valencia",
            postal_code="46024",
            contacts=[
                ("Jorge Puig", "Customs broker", "aduanas@levante.example", "+34 963 222 333", "es")
            ],
        ),
        dict(
            name="Gulf Home Trading LLC",
            is_buyer=True,
            is_consignee=True,
            country="AE",
            address_line1="Jebel Ali Free Zone, Warehouse LOB 14",
            city="Dubai",
            linked="gulf-home",
            contacts=[
                (
                    "Omar Al Mansoori",
                    "Purchasing manager",
                    "buyer@dubai.demo",
                    "+971 4 000 1234",
                    "en",
                )
            ],
        ),
        dict(
            name="Bank of China Ningbo Branch",
            is_bank=True,
            country="CN",
            address_line1="139 Yaohang Street",
            city="Ningbo",
            swift_bic="BKCHCNBJ92A",
        ),
        dict(
            name="Ningbo Ocean Shipping Agency Co., Ltd.",
            is_forwarder=True,
            country="CN",
            address_line1="Beilun Port Area",
            city="Ningbo",
            contacts=[
                (
                    "赵刚 Zhao Gang",
                    "Booking desk",
                    "booking@nbosa.example",
                    "+86 574 8600 0000",
                    "zh-hans",
                )
            ],
        ),
    ],
    "shenzhen-brightwave": [
        dict(
            name="Gulf Home Trading LLC",
            is_buyer=True,
            country="AE",
            city="Dubai",
            linked="gulf-home",
        ),
        dict(
            name="China Merchants Bank Shenzhen",
            is_bank=True,
            country="CN",
            city="Shenzhen",
            swift_bic="CMBCCNBS",
        ),
    ],
}

DemoStep = Callable[[], None]
_steps: list[tuple[int, DemoStep]] = []


def register_step(order: int, step: DemoStep) -> None:
    """Let a context add its demo data after the organizations exist."""
    _steps.append((order, step))


@transaction.atomic
def _load_organizations() -> list[DemoLogin]:
    organizations: dict[str, Organization] = {}
    for org_spec in ORGANIZATIONS:
        fields = {k: v for k, v in org_spec.items() if k != "slug"}
        organizations[str(org_spec["slug"])], _ = Organization.objects.get_or_create(
            slug=org_spec["slug"], defaults=fields
        )
    logins = []
    for email, display_name, language, zone, memberships in USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(
                username=email,
                email=email,
                display_name=display_name,
                language=language,
                time_zone=zone,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
        for slug, role in memberships:
            Membership.objects.get_or_create(
                user=user, organization=organizations[slug], defaults={"role": role}
            )
        first_slug, first_role = memberships[0]
        logins.append(DemoLogin(email, organizations[first_slug].name, str(Role(first_role).label)))
    for slug, parties in PARTIES.items():
        with activate(organizations[slug]):
            for party_spec in parties:
                spec: dict[str, Any] = dict(party_spec)
                contacts: list[tuple[str, str, str, str, str]] = spec.pop("contacts", [])
                linked = spec.pop("linked", None)
                if linked:
                    spec["linked_organization"] = organizations[linked]
                party, created = Party.objects.get_or_create(name=spec["name"], defaults=spec)
                if created:
                    for name, title, mail, phone, language in contacts:
                        PartyContact.objects.create(
                            party=party,
                            name=name,
                            title=title,
                            email=mail,
                            phone=phone,
                            language=language,
                        )
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        User.objects.create_superuser("admin", "admin@seaward.demo", DEMO_PASSWORD)
    logins.append(DemoLogin("admin", "Back office (Django admin)", "superuser"))
    return logins


def demo_load() -> list[DemoLogin]:
    """Create (or keep) the demo organizations, users, parties and every context's story."""
    logins = _load_organizations()
    for _order, step in sorted(_steps, key=lambda item: item[0]):
        step()
    return logins
