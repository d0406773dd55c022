"""Export declaration data set of an order, and the China customs export profile — pure core.

The generic data set follows what every export declaration asks (WCO data model
groups): parties, goods (HS code, national extension, description, quantities and
units, origin), transport (mode, destination) and the transaction (trade terms,
currency, value). ``china_profile`` lays the same facts out as the fields of China's
customs export declaration form (中华人民共和国海关出口货物报关单), with the customs
code lists it needs (运输方式, 监管方式, 征免性质, 成交方式, country codes).

Facts the data cannot give (the 10-digit 商品编号's supervision digits, the domestic
source region code, the customs port codes) are left empty and listed in
``to_complete`` — never guessed.
"""

from __future__ import annotations

import csv
import gettext
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import pycountry

from seaward.reference import datafiles

CN_TARIFF_FILE = "hs-extra/cn-tariff-zh/cn_tariff_lines_zh.csv"

# 运输方式代码 (customs transport mode codes) by Incoterms transport mode.
CN_TRANSPORT_MODES: dict[str, tuple[str, str]] = {
    "sea": ("2", "水路运输"),
    "inland_waterway": ("2", "水路运输"),
    "rail": ("3", "铁路运输"),
    "road": ("4", "公路运输"),
    "air": ("5", "航空运输"),
    "multimodal": ("9", "其他运输"),
}
# 成交方式: China's declaration knows only CIF, C&F, FOB, C&I, market price, EXW; the
# customs rule maps FCA/FAS to FOB, CPT to C&F and CIP and the D rules to CIF.
CN_TRADE_TERMS: dict[str, tuple[str, str]] = {
    "EXW": ("7", "EXW"),
    "FCA": ("3", "FOB"),
    "FAS": ("3", "FOB"),
    "FOB": ("3", "FOB"),
    "CFR": ("2", "C&F"),
    "CPT": ("2", "C&F"),
    "CIF": ("1", "CIF"),
    "CIP": ("1", "CIF"),
    "DAP": ("1", "CIF"),
    "DPU": ("1", "CIF"),
    "DDP": ("1", "CIF"),
}
# 计量单位代码 of the units a catalog uses.
CN_UNITS: dict[str, tuple[str, str]] = {
    "pcs": ("007", "个"),
    "set": ("006", "套"),
    "pair": ("025", "双"),
    "ctn": ("140", "箱"),
    "kg": ("035", "千克"),
    "m": ("030", "米"),
}
KILOGRAM = ("035", "千克")
GENERAL_TRADE = ("0110", "一般贸易")
GENERAL_TAXATION = ("101", "一般征税")
AS_PER_TARIFF = ("1", "照章征税")
C_GROUP_DESTINATION = {"CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"}


@dataclass(frozen=True)
class DeclarationParty:
    name: str
    country: str  # ISO 3166-1 alpha-2
    legal_name: str = ""
    address: str = ""
    tax_id: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "legal_name": self.legal_name,
            "country": self.country,
            "address": self.address,
            "tax_id": self.tax_id,
        }


@dataclass(frozen=True)
class DeclarationLine:
    position: int
    sku: str
    description: str  # in English
    description_local: str  # in the exporter's language (Chinese for the China profile)
    hs_code: str  # six-digit HS 2022 subheading ("" if none)
    quantity: Decimal
    unit: str  # catalog unit: pcs, set, pair, ctn, kg, m
    unit_price: Decimal
    origin: str
    net_kg: Decimal = Decimal(0)
    gross_kg: Decimal = Decimal(0)
    national_code: str = ""  # chosen national tariff line (8 or 10 digits)
    elements: dict[str, str] = field(default_factory=dict)  # 申报要素: brand, material, use…

    @property
    def total(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class DeclarationInput:
    reference: str  # the order number
    on: date
    consignor: DeclarationParty
    consignee: DeclarationParty
    incoterm: str
    named_place: str  # UN/LOCODE
    named_place_name: str
    transport_mode: str
    currency: str
    lines: tuple[DeclarationLine, ...]
    destination_country: str
    buyer: DeclarationParty | None = None
    loading_port: str = ""  # UN/LOCODE, when the order names it
    destination_port: str = ""
    destination_port_name: str = ""
    marks: str = ""
    container: str = ""
    domestic_source: str = ""  # city or region of the goods' production


@cache
def _cn_lines() -> dict[str, tuple[tuple[str, str], ...]]:
    lines: dict[str, dict[str, str]] = {}
    with datafiles.open_text(CN_TARIFF_FILE) as handle:
        for row in csv.DictReader(handle):
            # Later schedules repeat a code; keep the first name seen per code.
            lines.setdefault(row["hs6"], {}).setdefault(row["cn_code8"], row["name_zh"])
    return {hs6: tuple(sorted(codes.items())) for hs6, codes in lines.items()}


def cn_tariff_lines(hs6: str) -> list[dict[str, str]]:
    """China's 8-digit tariff lines (with their Chinese names) under a subheading."""
    return [{"code": code, "name": name} for code, name in _cn_lines().get(hs6, ())]


@cache
def _zh_countries() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:
        return gettext.NullTranslations()


def country_cn(alpha2: str) -> dict[str, str]:
    """A country as China customs codes it since 2018 (ISO alpha-3) with its Chinese name."""
    country = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    if country is None:
        return {"code": "", "name": alpha2}
    return {"code": country.alpha_3, "name": _zh_countries().gettext(country.name)}


def _money(amount: Decimal) -> str:
    return str(amount.quantize(Decimal("0.01")))


def _national(line: DeclarationLine) -> tuple[str, list[dict[str, str]]]:
    candidates = cn_tariff_lines(line.hs_code) if line.hs_code else []
    if line.national_code:
        return line.national_code, candidates
    if len(candidates) == 1:
        return candidates[0]["code"], candidates
    return "", candidates


def build(data: DeclarationInput) -> dict[str, Any]:
    """The generic declaration data set (JSON-ready)."""
    lines = []
    for line in data.lines:
        national, candidates = _national(line)
        lines.append(
            {
                "position": line.position,
                "sku": line.sku,
                "description": line.description,
                "description_local": line.description_local,
                "hs_code": line.hs_code,
                "national_code": national,
                "national_candidates": candidates,
                "description_elements": line.elements,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "net_weight_kg": str(line.net_kg),
                "gross_weight_kg": str(line.gross_kg),
                "unit_price": str(line.unit_price),
                "value": _money(line.total),
                "origin_country": line.origin,
            }
        )
    total = sum((line.total for line in data.lines), Decimal(0))
    missing = [f"lines[{i}].hs_code" for i, line in enumerate(data.lines) if len(line.hs_code) != 6]
    return {
        "reference": data.reference,
        "date": data.on.isoformat(),
        "consignor": data.consignor.as_dict(),
        "consignee": data.consignee.as_dict(),
        "buyer": data.buyer.as_dict() if data.buyer else None,
        "transport": {
            "mode": data.transport_mode,
            "loading_port": data.loading_port,
            "destination_port": data.destination_port,
            "destination_port_name": data.destination_port_name,
            "destination_country": data.destination_country,
            "container": data.container,
            "marks": data.marks,
        },
        "trade_terms": {
            "incoterm": data.incoterm,
            "named_place": data.named_place,
            "named_place_name": data.named_place_name,
            "version": "Incoterms 2020",
        },
        "currency": data.currency,
        "total_value": _money(total),
        "total_net_weight_kg": str(sum((line.net_kg for line in data.lines), Decimal(0))),
        "total_gross_weight_kg": str(sum((line.gross_kg for line in data.lines), Decimal(0))),
        "lines": lines,
        "missing": missing,
    }


def _elements_text(line: DeclarationLine) -> str:
    # 申报要素 are written as "value|value|…" in the order the tariff's 规范申报目录 lists;
    # brand type and export preference come first for most chapters.
    parts = [
        line.elements.get("brand_type", "0"),
        line.elements.get("export_preference", "3"),
        line.description_local or line.description,
        line.elements.get("use", ""),
        line.elements.get("material", ""),
        line.elements.get("brand", "无品牌"),
        line.elements.get("model", line.sku),
    ]
    return "|".join(parts)


def china_profile(data: DeclarationInput) -> dict[str, Any]:
    """The fields of China's customs export declaration (报关单) for ``data``."""
    mode = CN_TRANSPORT_MODES.get(data.transport_mode, ("9", "其他运输"))
    terms = CN_TRADE_TERMS.get(data.incoterm.upper(), ("", data.incoterm))
    destination = country_cn(data.destination_country)
    to_complete = ["境内货源地 (code)", "出境关别", "离境口岸", "备案号"]
    goods = []
    for i, line in enumerate(data.lines, start=1):
        national, candidates = _national(line)
        if not national:
            to_complete.append(f"商品编号 (line {i}: choose one of {len(candidates)} lines)")
        unit = CN_UNITS.get(line.unit, ("", line.unit))
        goods.append(
            {
                "项号": i,
                "商品编号": national,
                "商品编号候选": candidates,
                "HS编码": line.hs_code,
                "商品名称": line.description_local or line.description,
                "规格型号": _elements_text(line),
                "申报要素": line.elements,
                "成交数量": str(line.quantity),
                "成交计量单位": {"code": unit[0], "name": unit[1]},
                "法定第二数量": str(line.net_kg),
                "法定第二计量单位": {"code": KILOGRAM[0], "name": KILOGRAM[1]},
                "单价": str(line.unit_price),
                "总价": _money(line.total),
                "币制": data.currency,
                "原产国": country_cn(line.origin),
                "最终目的国": destination,
                "境内货源地": data.domestic_source,
                "征免": {"code": AS_PER_TARIFF[0], "name": AS_PER_TARIFF[1]},
            }
        )
    destination_port = data.destination_port
    if not destination_port and data.incoterm.upper() in C_GROUP_DESTINATION:
        destination_port = data.named_place
    if not destination_port:
        to_complete.append("指运港")
    return {
        "profile": "CN-export-declaration",
        "表头": {
            "境内发货人": {
                "name": data.consignor.legal_name or data.consignor.name,
                "统一社会信用代码": data.consignor.tax_id,
            },
            "境外收货人": {
                "name": data.consignee.legal_name or data.consignee.name,
                "country": country_cn(data.consignee.country),
            },
            "生产销售单位": data.consignor.legal_name or data.consignor.name,
            "申报日期": data.on.isoformat(),
            "合同协议号": data.reference,
            "运输方式": {"code": mode[0], "name": mode[1]},
            "监管方式": {"code": GENERAL_TRADE[0], "name": GENERAL_TRADE[1]},
            "征免性质": {"code": GENERAL_TAXATION[0], "name": GENERAL_TAXATION[1]},
            "贸易国（地区）": country_cn(
                data.buyer.country if data.buyer else data.consignee.country
            ),
            "运抵国（地区）": destination,
            "指运港": {
                "unlocode": destination_port,
                "name": data.destination_port_name if data.destination_port else "",
            },
            "启运港": {"unlocode": data.loading_port},
            "成交方式": {"code": terms[0], "name": terms[1], "incoterm": data.incoterm},
            "集装箱号": data.container,
            "标记唛码及备注": data.marks,
            "件数": "",
            "毛重（千克）": str(sum((line.gross_kg for line in data.lines), Decimal(0))),
            "净重（千克）": str(sum((line.net_kg for line in data.lines), Decimal(0))),
        },
        "表体": goods,
        "to_complete": to_complete,
    }
