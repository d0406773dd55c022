"""Sellers' words → the nomenclature's words.

Listings say "fashion jewelry", "PU leather", "sneakers", "zinc alloy"; the
tariff says "imitation jewellery", "plastics", "footwear", "base metal". The
classifier adds these tariff words to a listing's query terms (with a lower
weight than the listing's own words) so that lexical matching reaches the
headings an expert would read. General trade vocabulary, not fitted to cases.
"""

from __future__ import annotations

import re

# (pattern over the lower-cased listing, tariff words it implies)
_RULES: tuple[tuple[str, str], ...] = (
    # spelling: US ↔ HS/UK
    (r"jewelr?y", "jewellery"),
    (r"alumin(?:um|ium)", "aluminium"),
    (r"colou?r", "colour"),
    (r"fib(?:er|re)", "fibre"),
    # imitation versus precious
    (
        r"fashion jewel|costume jewel|bijoux|alloy|stainless|rhinestone|zircon|\bcz\b",
        "imitation jewellery base metal",
    ),
    (r"\b(?:925|s925|sterling)\b", "silver precious metal"),
    (r"\b(?:14k|18k|24k) (?:solid )?gold\b|solid gold", "gold precious metal"),
    (r"gold[- ]plated|silver[- ]plated|plated", "plated base metal"),
    (r"artificial|fake|faux|simulat|imitation", "artificial imitation"),
    # materials
    (
        r"\b(?:pu|pvc|eva|tpr|tpu|abs|pp|pe|pet|petg|pla|acrylic|silicone|resin|plastic|vinyl|"
        r"polypropylene|polyethylene|polycarbonate)\b",
        "plastics",
    ),
    (r"pu leather|faux leather|synthetic leather|leatherette|microfib", "plastics composition"),
    (r"genuine leather|cowhide|cow leather|sheepskin|real leather|split leather", "leather"),
    (r"stainless steel|carbon steel|\bsteel\b|\biron\b", "iron steel"),
    (r"zinc alloy|\balloy\b|brass|copper|bronze|\btin\b|pewter", "base metal"),
    (r"\bcotton\b", "cotton textile"),
    (
        r"polyester|nylon|spandex|elastane|viscose|rayon|chiffon|satin|\blace\b|mesh fabric",
        "synthetic man-made fibres textile",
    ),
    (r"\bwool\b|cashmere|merino", "wool"),
    (r"\bwood(?:en)?\b|bamboo|plywood", "wood"),
    (r"ceramic|porcelain|stoneware", "ceramic porcelain"),
    (r"\bglass\b|crystal glass", "glass"),
    # goods nouns
    (
        r"sneaker|shoe|boot|slipper|sandal|loafer|heels|pumps|flats|moccasin|footwear",
        "footwear outer soles uppers",
    ),
    (r"insole", "footwear parts removable insoles"),
    (r"t-shirt|\btee\b|tees\b", "t-shirts singlets"),
    (r"hoodie|sweatshirt|pullover|sweater|cardigan|jumper", "jerseys pullovers cardigans"),
    (r"dress(?:es)?\b", "dresses"),
    (r"legging|tights|pantyhose|socks?\b|stocking", "hosiery"),
    (r"\bbra\b|bras\b|brassiere|lingerie|panties|underwear|briefs", "brassieres underwear"),
    (r"bikini|swimsuit|swimwear|swim trunks", "swimwear"),
    (r"pajama|pyjama|sleepwear|nightgown|nightdress", "pyjamas nightdresses"),
    (r"romper|bodysuit|onesie|baby cloth", "babies garments clothing accessories"),
    (
        r"\bwigs?\b|lace front|lace frontal|hair bundle|hair extension|human hair|remy|virgin hair",
        "wigs human hair",
    ),
    (r"eyelash|lashes", "false eyelashes"),
    (
        r"necklace|pendant|earring|bracelet|bangle|brooch|anklet|charm|\brings?\b|choker",
        "jewellery",
    ),
    (
        r"handbag|shoulder bag|tote|purse|wallet|backpack|luggage|suitcase|cosmetic bag",
        "handbags travel goods",
    ),
    (r"phone case|phone cover|case for iphone|case for samsung", "cases covers"),
    (r"\btoys?\b|plush|doll|figure|puzzle|building block", "toys"),
    (r"\bcards?\b.*\bgame|trading card|playing card|board game", "card games playing cards"),
    (
        r"video game|game console|gamepad|controller for (?:ps|xbox|switch)|joystick",
        "video game consoles",
    ),
    (
        r"\blamp\b|lighting|luminaire|chandelier|light fixture|led light|ceiling light",
        "lamps lighting fittings luminaires",
    ),
    (r"\bcable\b|\bwire\b|\bcord\b", "insulated wire cable electric conductors"),
    (r"\bconnector|\bplug\b|\bsocket\b|terminal", "connectors plugs sockets"),
    (r"battery|batteries|\bmah\b", "accumulators batteries"),
    (r"charger|power supply|adapter|driver", "static converters power supply"),
    (r"\bwatch(?:es)?\b", "wrist watches"),
    (r"kettle", "electro-thermic domestic appliances"),
    (r"\bwok\b|frying pan|saucepan|cookware|\bpot\b", "table kitchen household articles"),
    (r"\bcups?\b|\bmugs?\b|tumbler|water bottle|drinkware", "tableware kitchenware"),
    (r"\bknife|knives|scissors|blade", "knives cutting blades"),
    (r"\bscrewdriver|wrench|spanner|pliers|hand tool", "hand tools"),
    (r"sticker|poster|printed card|postcard", "printed matter"),
    (r"\bfan\b|fans\b", "fans"),
    (r"\bkite\b", "kites"),
    (r"furniture|cabinet|\bshelf|shelves|wardrobe|\bdesk\b|\bchair\b|\bsofa\b", "furniture"),
    (r"\bmold\b|\bmould\b", "moulds"),
    (r"keychain|key chain|key ring|keyring", "key rings"),
    (r"nail polish|gel polish|manicure|pedicure|nail art", "manicure pedicure preparations"),
    (r"makeup|cosmetic|lipstick|eyeshadow|foundation", "beauty make-up preparations"),
    # Chinese listing words
    (r"不锈钢", "stainless steel"),
    (r"塑料|硅胶", "plastics"),
    (r"棉", "cotton"),
    (r"鞋", "footwear"),
    (r"项链|手链|耳环|戒指|吊坠|饰品", "jewellery"),
    (r"锅", "cooking pot household articles"),
    (r"玩具", "toys"),
    (r"灯", "lamps lighting"),
)
_COMPILED = tuple((re.compile(pattern), words) for pattern, words in _RULES)


def expansions(text: str) -> list[str]:
    """Tariff words implied by a listing's text, each once, in rule order."""
    lowered = text.lower()
    out: list[str] = []
    for pattern, words in _COMPILED:
        if pattern.search(lowered) and words not in out:
            out.append(words)
    return out
