"""Legal-note checks on candidate subheadings: what a heading requires of the goods.

Retrieval by words cannot tell "necklace of gold" from "necklace": both match
heading 71.13. The HS legal notes can — 71.13 needs precious metal, 06.03
needs real flowers, 91.13 is for watch straps — so a candidate whose
heading's defining condition is absent from the listing is discounted, and a
listing that states a defining condition (artificial flowers, imitation
jewellery) lifts the heading made for it. Each rule names its note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class HeadingRule:
    prefixes: tuple[str, ...]
    condition: re.Pattern[str]
    factor: float  # applied when the condition is absent (<1) or present (>1)
    when_present: bool
    reason: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_PRECIOUS_METAL = _rx(
    r"\b(?:925|s925|sterling|solid gold|real gold|pure gold|real silver|pure silver|fine silver|"
    r"platinum|palladium|\d{1,2}\s?k(?:t|arat)?\s+(?:solid\s+)?(?:gold|white gold|rose gold)|"
    r"\d{1,2}\s?ct gold|纯银|足金|黄金|铂金)\b"
)
_ARTIFICIAL = _rx(r"artificial|fake|faux|simulat|silk flower|plastic flower|仿真|人造|假花")
_ARTIFICIAL_FLORA = _rx(
    r"(?:artificial|fake|faux|simulat\w*|silk|plastic|foam|paper)\W+(?:\w+\W+){0,3}?"
    r"(?:flowers?|roses?|plants?|bouquets?|foliage|leaves|greenery|peony|peonies|orchids?|"
    r"tulips?|hydrangeas?|vines?|garlands?|wreaths?)\b|仿真花|人造花|假花"
)
_WATCH = _rx(r"\bwatch|手表|表带")
_JEWELLERY = _rx(
    r"jewel|necklace|pendant|earring|bracelet|bangle|brooch|anklet|charm|\brings?\b|饰品|项链"
)
_LEATHER = _rx(
    r"genuine leather|real leather|cowhide|cow leather|sheepskin|pigskin|suede|nubuck|"
    r"full grain|top grain|split leather|真皮|牛皮"
)
_TEXTILE_UPPER = _rx(
    r"canvas|mesh|fabric|knit|cloth|textile|cotton|flyknit|woven|plush|"
    r"velvet|satin|denim|felt|布|针织"
)

RULES: tuple[HeadingRule, ...] = (
    HeadingRule(
        ("7113", "7114", "7115"),
        _PRECIOUS_METAL,
        0.3,
        False,
        "ch. 71 note: 71.13–71.15 need precious metal",
    ),
    HeadingRule(
        ("7117",),
        _PRECIOUS_METAL,
        0.7,
        True,
        "ch. 71 note 11: imitation jewellery has no precious metal",
    ),
    HeadingRule(
        ("7117",),
        _JEWELLERY,
        1.3,
        True,
        "jewellery without precious metal is imitation jewellery (71.17)",
    ),
    HeadingRule(
        ("0601", "0602", "0603", "0604"),
        _ARTIFICIAL,
        0.2,
        True,
        "ch. 6 covers live plants and real flowers; artificial ones are 67.02",
    ),
    HeadingRule(("6702",), _ARTIFICIAL_FLORA, 2.0, True, "67.02: artificial flowers and foliage"),
    HeadingRule(
        ("9505",),
        _ARTIFICIAL_FLORA,
        0.5,
        True,
        "artificial flowers stay in 67.02 even for festive use",
    ),
    HeadingRule(("9113",), _WATCH, 0.3, False, "91.13: watch straps, bands and bracelets only"),
    HeadingRule(("9101", "9102", "9111", "9114"), _WATCH, 0.5, False, "ch. 91: watches and parts"),
    HeadingRule(("6403",), _LEATHER, 0.5, False, "64.03: uppers of leather"),
    HeadingRule(("6404",), _TEXTILE_UPPER, 0.6, False, "64.04: uppers of textile materials"),
)


def listing_adjustments(listing: str, codes: list[str]) -> tuple[list[float], list[list[str]]]:
    """Multiplicative factor per candidate code and the notes that applied."""
    present = [(rule, bool(rule.condition.search(listing))) for rule in RULES]
    factors = []
    reasons: list[list[str]] = []
    for code in codes:
        factor = 1.0
        notes = []
        for rule, found in present:
            if not code.startswith(rule.prefixes) or found != rule.when_present:
                continue
            factor *= rule.factor
            notes.append(rule.reason)
        factors.append(factor)
        reasons.append(notes)
    return factors, reasons


# Material is the first criterion of most of the nomenclature: a subheading whose
# own words name a material suits a listing made of it and not one made of another.
MATERIALS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "plastics",
        _rx(
            r"\b(?:pu|pvc|eva|tpr|tpu|abs|pp|pet|petg|pla|acrylic|silicone|resin|plastics?|"
            r"vinyl|polypropylene|polyethylene|polycarbonate|faux leather|synthetic leather)\b|"
            r"塑料|硅胶"
        ),
        _rx(r"\bplastics?\b"),
    ),
    (
        "base metal",
        _rx(
            r"\b(?:metal|alloy|stainless|steel|iron|copper|brass|zinc|aluminium|aluminum|"
            r"titanium|bronze|tin|nickel)\b|不锈钢|金属|合金|铁|铜|铝"
        ),
        _rx(r"base metal|\b(?:iron|steel|aluminium|copper|zinc|tin|nickel|titanium)\b"),
    ),
    (
        "leather",
        _rx(r"genuine leather|real leather|cowhide|cow leather|sheepskin|suede|真皮|牛皮"),
        _rx(r"\bleather\b"),
    ),
    (
        "textile",
        _rx(
            r"\b(?:cotton|polyester|nylon|fabric|canvas|textile|wool|silk|linen|knit(?:ted)?|"
            r"oxford|denim|velvet|felt|spandex|chiffon|satin|lace)\b|棉|布|涤纶|针织"
        ),
        _rx(r"textile|\bcotton\b|\bwool\b|man-made fibres|synthetic fibres|\bsilk\b"),
    ),
    ("wood", _rx(r"\b(?:wood|wooden|bamboo|plywood)\b|木"), _rx(r"\bwood\b")),
    ("glass", _rx(r"\bglass\b|玻璃"), _rx(r"\bglass\b")),
    (
        "ceramic",
        _rx(r"\b(?:ceramic|porcelain|stoneware)\b|陶瓷|瓷"),
        _rx(r"porcelain|\bchina\b|ceramic"),
    ),
    ("paper", _rx(r"\b(?:paper|cardboard|paperboard)\b|纸"), _rx(r"\bpaper")),
    ("rubber", _rx(r"\b(?:rubber|latex)\b|橡胶"), _rx(r"\brubber\b")),
)
MATERIAL_MATCH = 1.25
MATERIAL_MISMATCH = 0.7


_EXCLUSION = _rx(r"\b(?:other than|excluding|excl\.?|not|except)\b[^;:,)]*")


def material_bits(text: str, use_listing_patterns: bool) -> int:
    """Bit set of the material classes a text names (listing or tariff wording).

    In tariff wording, what a subheading excludes ("other than of base metal")
    is not its material.
    """
    if not use_listing_patterns:
        text = _EXCLUSION.sub("", text)
    bits = 0
    for bit, (_, listing, tariff) in enumerate(MATERIALS):
        if (listing if use_listing_patterns else tariff).search(text):
            bits |= 1 << bit
    return bits


def material_names(bits: int) -> list[str]:
    return [name for bit, (name, _, _) in enumerate(MATERIALS) if bits & (1 << bit)]


# Section XVI note 2 and its kin: a "parts" subheading is for a part, not for the
# article itself; a listing that does not present the goods as a part rarely is one.
PARTS_SUBHEADING = _rx(r"(?:^|;\s*)parts\b(?! thereof)")
PARTS_LISTING = _rx(r"\bparts?\b|\bspare\b|replacement|\brepair\b|accessor|配件|零件")
PARTS_MATCH = 1.3
PARTS_MISMATCH = 0.6


# Chapters 61 and 62 split garments by who wears them (note 9: unidentifiable → women's).
MENS_TARIFF = _rx(r"men's or boys'")
WOMENS_TARIFF = _rx(r"women's or girls'")
MENS_LISTING = _rx(r"\b(?:men|mens|man|male|boys?|gentlemen)\b|男")
WOMENS_LISTING = _rx(r"\b(?:women|womens|woman|female|ladies|lady|girls?)\b|女")
GENDER_MISMATCH = 0.5
