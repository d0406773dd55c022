"""Country names and codes as the lists write them, reduced to ISO 3166 alpha-2."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Names the lists use that ISO 3166 spells differently, and nationality adjectives.
_EXTRA = {
    "russia": "RU",
    "russian": "RU",
    "iran": "IR",
    "iranian": "IR",
    "syria": "SY",
    "syrian": "SY",
    "north korea": "KP",
    "korea north": "KP",
    "korea, north": "KP",
    "dprk": "KP",
    "democratic people's republic of korea": "KP",
    "south korea": "KR",
    "korea south": "KR",
    "korea, south": "KR",
    "republic of korea": "KR",
    "burma": "MM",
    "laos": "LA",
    "vietnam": "VN",
    "palestinian": "PS",
    "palestine": "PS",
    "state of palestine": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo, republic of the": "CG",
    "republic of the congo": "CG",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "turkey": "TR",
    "turkiye": "TR",
    "united states": "US",
    "usa": "US",
    "u s a": "US",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "macedonia": "MK",
    "kosovo": "XK",
    "taiwan": "TW",
    "brunei": "BN",
    "cape verde": "CV",
    "swaziland": "SZ",
    "micronesia": "FM",
    "vatican": "VA",
    "netherlands antilles": "AN",
    "afghan": "AF",
    "iraqi": "IQ",
    "yemeni": "YE",
    "saudi": "SA",
    "pakistani": "PK",
    "libyan": "LY",
    "sudanese": "SD",
    "somali": "SO",
    "chinese": "CN",
    "cuban": "CU",
    "lebanese": "LB",
    "egyptian": "EG",
    "jordanian": "JO",
    "kuwaiti": "KW",
    "tunisian": "TN",
    "algerian": "DZ",
    "moroccan": "MA",
    "indonesian": "ID",
    "philippine": "PH",
    "filipino": "PH",
    "belarus": "BY",
    "belarusian": "BY",
    "ukrainian": "UA",
    "british": "GB",
    "american": "US",
    "german": "DE",
    "french": "FR",
    "mexican": "MX",
    "colombian": "CO",
}


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9']+", text.replace("'", " ")))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_key(value)] = code
                # "Iran, Islamic Republic of" -> also "iran"
                head = value.split(",")[0].split("(")[0]
                table.setdefault(_key(head), code)
        table[code.casefold()] = code
        table[country.alpha_3.casefold()] = code
    for name, code in _EXTRA.items():
        table[_key(name)] = code
    return table


def country_code(value: str) -> str:
    """The alpha-2 code of a country name or code, or "" when unknown."""
    text = (value or "").strip()
    if not text:
        return ""
    table = _table()
    key = _key(text)
    if key in table:
        return table[key]
    # "Region: Gaza", "Tehran, Iran": try the last comma part and the part after a colon.
    for part in (text.rsplit(",", 1)[-1], text.rsplit(":", 1)[-1]):
        code = table.get(_key(part))
        if code:
            return code
    return ""


def country_codes(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Distinct alpha-2 codes of several values, in first-seen order."""
    seen: dict[str, None] = {}
    for value in values:
        code = country_code(value)
        if code:
            seen.setdefault(code, None)
    return tuple(seen)
