"""Curated examples: goods commonly sold across borders, in sellers' words, with their code.

The shipped knowledge speaks the tariff's language and says little about the
goods small exporters list online (fashion jewellery, PU shoes, wigs, phone
accessories). These examples, written from the HS 2022 nomenclature and its
explanatory notes (not copied from any evaluation case), take part in the
classifier's neighbour search like an organization's confirmed examples, with
an ordinary weight. Extend them as customs practice is confirmed.
"""

from __future__ import annotations

CURATED_EXAMPLES: tuple[tuple[str, str], ...] = (
    # imitation and precious jewellery (chapter 71)
    ("fashion necklace with pendant, stainless steel or zinc alloy, imitation jewellery", "711719"),
    ("fashion bracelet or bangle of alloy, gold plated, costume jewellery", "711719"),
    ("fashion earrings, studs or hoops of base metal, imitation jewellery", "711719"),
    ("fashion ring of stainless steel or copper, imitation jewellery", "711719"),
    ("metal charms and pendants for jewellery making, base metal", "711719"),
    ("enamel brooch pin of zinc alloy, imitation jewellery", "711719"),
    ("beaded bracelet of acrylic, plastic, glass or wooden beads, imitation jewellery", "711790"),
    ("resin or fabric earrings and hair jewellery, imitation jewellery not of metal", "711790"),
    ("925 sterling silver ring, necklace or earrings", "711311"),
    ("solid 14k or 18k gold jewellery", "711319"),
    ("jewellery set with cubic zirconia or synthetic stones", "711620"),
    # watches (chapter 91)
    ("quartz wrist watch with hands, stainless steel case", "910211"),
    ("digital electronic wrist watch with LED display", "910212"),
    ("watch strap or band of silicone, leather or nylon", "911390"),
    ("stainless steel watch band bracelet", "911320"),
    # footwear (chapter 64)
    ("sneakers or running shoes, mesh textile upper, rubber sole", "640411"),
    ("casual canvas or knitted textile shoes, rubber sole", "640419"),
    ("slippers or sandals with plastic or rubber upper and sole", "640299"),
    ("women's high heels or pumps with PU synthetic leather upper", "640299"),
    ("ankle boots or knee high boots with PU upper and rubber sole", "640291"),
    ("flip-flops with thong of rubber or plastic", "640220"),
    ("genuine leather shoes with rubber sole", "640399"),
    ("genuine leather ankle boots", "640391"),
    # bags (heading 42.02)
    ("handbag, shoulder bag or tote of PU leather, nylon or canvas", "420222"),
    ("handbag of genuine leather", "420221"),
    ("backpack or travel bag of polyester or nylon", "420292"),
    ("wallet, card holder or coin purse of PU leather", "420232"),
    ("cosmetic bag or toiletry pouch of polyester", "420292"),
    # hair and flowers (chapter 67)
    ("human hair wig, lace front wig", "670420"),
    ("human hair bundles, weft hair extensions, remy virgin hair", "670420"),
    ("synthetic fibre wig, cosplay wig", "670411"),
    ("false eyelashes, mink or synthetic strip lashes", "670490"),
    ("artificial flowers of plastics, fake plants", "670210"),
    ("silk or fabric artificial flowers, wedding bouquet of fake roses", "670290"),
    # toys, games, festive articles (chapter 95)
    ("plush stuffed toy, doll, action figure, building blocks", "950300"),
    ("playing cards, poker cards", "950440"),
    ("board game or card game for family", "950490"),
    ("video game controller, gamepad or handheld game console", "950450"),
    ("Christmas tree ornaments and Christmas decorations", "950510"),
    ("party decorations, Halloween or birthday party supplies", "950590"),
    # plastics (chapter 39)
    ("plastic storage box or drawer organizer for home", "392490"),
    ("plastic or silicone cup, water bottle, tableware", "392410"),
    # kitchen and household (chapters 69, 70, 73)
    ("stainless steel cookware, wok, frying pan or pot", "732393"),
    ("stainless steel tumbler, cup or water bottle", "732393"),
    ("ceramic mug or stoneware tableware", "691200"),
    ("porcelain tableware, plates and bowls", "691110"),
    ("drinking glasses of glass", "701337"),
    # electrical (chapter 85)
    ("HDMI, USB or DisplayPort cable with connectors", "854442"),
    ("LED driver, AC/DC power adapter or switching power supply", "850440"),
    ("USB phone charger", "850440"),
    ("lithium-ion battery pack, rechargeable", "850760"),
    ("electrical connector, plug or socket for circuits", "853669"),
    ("wireless bluetooth earphones or headphones", "851830"),
    ("smart watch or fitness tracker with bluetooth", "851762"),
    ("LED strip light or LED lamp", "940542"),
    ("electric kettle", "851679"),
    ("hair dryer", "851631"),
    ("hair straightener or curling iron", "851632"),
    # garments (chapters 61, 62)
    ("cotton T-shirt, knitted", "610910"),
    ("women's dress, knitted polyester", "610443"),
    ("women's blouse or shirt, woven", "620640"),
    ("women's trousers or pants of synthetic fibres, woven", "620463"),
    ("men's jeans of denim", "620342"),
    ("bra, brassiere", "621210"),
    ("women's panties or briefs, knitted cotton", "610821"),
    ("women's pyjamas or nightdress, knitted", "610832"),
    ("women's bikini or swimsuit, knitted synthetic", "611241"),
    ("socks, knitted", "611595"),
    ("baby romper or bodysuit, knitted cotton", "611120"),
    ("hoodie or sweatshirt, knitted", "611030"),
    # tools and cutlery (chapter 82)
    ("screwdriver set, hand tools", "820540"),
    ("pliers and cutting pliers", "820320"),
    ("folding pocket knife, EDC knife", "821193"),
    ("kitchen knife set", "821191"),
    # beauty
    ("nail polish, UV gel polish, manicure preparations", "330430"),
    ("lipstick, eyeshadow, make-up", "330420"),
    # printed matter
    ("stickers, printed decals", "491199"),
)
