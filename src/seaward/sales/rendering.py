"""Trade documents as PDF: HTML templates rendered by WeasyPrint with a real CJK font.

The font is found by family name through fontconfig ("Noto Sans CJK SC" from Debian's
fonts-noto-cjk) and, as a fallback, loaded from ``SEAWARD_CJK_FONT`` or the usual file
paths with ``@font-face``, so Chinese never prints as blank boxes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from django.template.loader import render_to_string
from django.utils import timezone

from seaward.core.money import Money
from seaward.organizations.models import Organization, Party
from seaward.sales import doclabels
from seaward.sales.models import DocumentKind, Quotation, SalesOrder, TradeDocument
from seaward.sales.packing import PackedItem, pack
from seaward.sales.pricing import line_total

CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)
BABEL_LOCALES = {"en": "en", "zh": "zh_Hans_CN", "es": "es_ES", "bilingual": "en"}


CJK_FAMILY = "Noto Sans CJK SC"


@lru_cache(maxsize=1)
def _fontconfig_knows(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    try:
        listed = subprocess.run(
            [fc_list, f":family={family}", "family"], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(listed.stdout.strip())


@lru_cache(maxsize=1)
def cjk_font_path() -> str:
    """A CJK font file for ``@font-face``; empty when fontconfig already has the family.

    Loading a 20 MB collection through ``@font-face`` costs seconds per document, so the
    file is only named when the system fonts do not provide the family.
    """
    configured = os.environ.get("SEAWARD_CJK_FONT", "")
    if configured and Path(configured).is_file():
        return configured
    if _fontconfig_knows(CJK_FAMILY):
        return ""
    for candidate in CJK_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return ""


def _country(code: str, language: str) -> str:
    if not code:
        return ""
    locale = Locale.parse(BABEL_LOCALES.get(language, "en"))
    name = locale.territories.get(code.upper(), code)
    if language == "bilingual":
        chinese = Locale.parse("zh_Hans_CN").territories.get(code.upper(), "")
        return f"{name} {chinese}".strip()
    return str(name)


def _money(amount: Decimal, currency: str, language: str) -> str:
    return Money(amount, currency).format(BABEL_LOCALES.get(language, "en"))


def _describe(texts: dict[str, str], language: str) -> list[str]:
    from seaward.catalog.texts import pick

    if language == "bilingual":
        english, chinese = pick(texts, "en"), texts.get("zh", "")
        return [english] + ([chinese] if chinese and chinese != english else [])
    return [pick(texts, language)]


@dataclass(frozen=True)
class PartyBlock:
    name: str
    lines: list[str]


def _party_block(party: Party | None, language: str) -> PartyBlock | None:
    if party is None:
        return None
    lines = [
        text
        for text in (
            party.legal_name if party.legal_name != party.name else "",
            party.address_line1,
            party.address_line2,
            " ".join(p for p in (party.postal_code, party.city, party.region) if p),
            _country(party.country, language),
            f"VAT/Tax ID: {party.tax_id}" if party.tax_id else "",
        )
        if text
    ]
    return PartyBlock(party.name, lines)


def _seller_block(organization: Organization, language: str) -> PartyBlock:
    lines = [
        text
        for text in (
            organization.legal_name,
            organization.city,
            _country(organization.country, language),
            organization.website,
        )
        if text
    ]
    return PartyBlock(organization.name, lines)


def _base_context(quotation: Quotation, language: str) -> dict[str, Any]:
    seller = quotation.organization
    return {
        "lang": language,
        "html_lang": {"zh": "zh-Hans", "bilingual": "en"}.get(language, language),
        "L": doclabels.labels(language),
        "cjk_font_path": cjk_font_path(),
        "seller": _seller_block(seller, language),
        "buyer": _party_block(quotation.buyer, language),
        "consignee": _party_block(quotation.consignee, language),
        "notify_party": _party_block(quotation.notify_party, language),
        "incoterm": f"{quotation.incoterm} {quotation.named_place_name} ({quotation.named_place})"
        if quotation.named_place_name
        else f"{quotation.incoterm} {quotation.named_place}",
        "incoterm_edition": "Incoterms® 2020",
        "payment_terms": doclabels.payment_terms_text(
            quotation.payment_terms,
            f"{quotation.deposit_percent.normalize():f}",
            quotation.payment_days,
            language,
        ),
        "quotation": quotation,
        "currency": quotation.currency,
    }


def _line_rows(quotation: Quotation, language: str) -> list[dict[str, Any]]:
    rows = []
    for line in quotation.lines.all():
        rows.append(
            {
                "position": line.position,
                "sku": line.sku_code,
                "description": _describe(line.description, language),
                "hs_code": line.hs_code,
                "origin": line.origin_country,
                "quantity": f"{line.quantity.normalize():f}",
                "unit": line.unit,
                "unit_price": _money(line.unit_price, quotation.currency, language),
                "amount": _money(
                    line_total(line.quantity, line.unit_price, quotation.currency).amount,
                    quotation.currency,
                    language,
                ),
            }
        )
    return rows


def quotation_context(quotation: Quotation, language: str) -> dict[str, Any]:
    context = _base_context(quotation, language)
    context.update(
        title=doclabels.label("quotation", language),
        number=f"{quotation.number} · {doclabels.label('version', language)} {quotation.version}",
        date=quotation.quote_date,
        rows=_line_rows(quotation, language),
        total=_money(quotation.total, quotation.currency, language),
        show_validity=True,
    )
    return context


def order_context(order: SalesOrder, document: TradeDocument, language: str) -> dict[str, Any]:
    quotation = order.quotation
    context = _base_context(quotation, language)
    context.update(
        title=doclabels.label(document.kind, language),
        number=document.number,
        date=timezone.localdate(document.issued_at),
        order=order,
        rows=_line_rows(quotation, language),
        total=_money(order.total, order.currency, language),
        deposit=_money(order.deposit_amount, order.currency, language)
        if order.deposit_amount
        else "",
        balance=_money(order.balance_amount, order.currency, language),
        marks=order.shipping_marks.splitlines(),
    )
    if document.kind == DocumentKind.PACKING_LIST:
        # Carton ranges per container come from the order's loading plan, when there is one.
        from seaward.logistics.selectors import carton_ranges_for_order

        context["containers"] = carton_ranges_for_order(order)
    if document.kind in (DocumentKind.PACKING_LIST, DocumentKind.CERTIFICATE_OF_ORIGIN):
        lines = list(quotation.lines.all())
        packed, totals = pack(
            [
                PackedItem(
                    line.quantity,
                    line.units_per_carton,
                    (line.carton_length_cm, line.carton_width_cm, line.carton_height_cm),
                    line.carton_net_kg,
                    line.carton_gross_kg,
                )
                for line in lines
            ]
        )
        context["packed"] = [
            {"row": row, "line": packed_line}
            for row, packed_line in zip(context["rows"], packed, strict=True)
        ]
        context["packing_totals"] = totals
        origins = sorted({line.origin_country for line in lines if line.origin_country})
        context["origin_countries"] = ", ".join(_country(code, language) for code in origins)
        declaration = doclabels.LABELS["exporter_declaration"]
        country_text = context["origin_countries"] or _country(
            quotation.organization.country, language
        )
        if language == "bilingual":
            origin = origins or [quotation.organization.country]
            context["declaration"] = [
                declaration[lang] % {"country": ", ".join(_country(code, lang) for code in origin)}
                for lang in ("en", "zh")
            ]
        else:
            text = declaration.get(language, declaration["en"])
            context["declaration"] = [text % {"country": country_text}]
    return context


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    """HTML template → PDF bytes."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string(template, context)
    fonts = FontConfiguration()
    return bytes(
        HTML(string=html, base_url=str(Path(__file__).parent)).write_pdf(font_config=fonts)
    )


def quotation_pdf(quotation: Quotation, language: str) -> bytes:
    return render_pdf("sales/pdf/quotation.html", quotation_context(quotation, language))


TEMPLATES = {
    DocumentKind.PROFORMA_INVOICE: "sales/pdf/invoice.html",
    DocumentKind.COMMERCIAL_INVOICE: "sales/pdf/invoice.html",
    DocumentKind.PACKING_LIST: "sales/pdf/packing_list.html",
    DocumentKind.CERTIFICATE_OF_ORIGIN: "sales/pdf/certificate_of_origin.html",
}


def document_pdf(document: TradeDocument, language: str) -> bytes:
    return render_pdf(
        TEMPLATES[DocumentKind(document.kind)], order_context(document.order, document, language)
    )
