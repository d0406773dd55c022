"""Product text for HS classification: the query views and a small BM25 index.

Seller listings are noisy ("Hot Sale New 2024 High Quality …"); the words that
decide a classification are the goods noun, its material and its use. This
module turns a listing (title, attributes, category paths) into the texts the
classifier embeds and the tokens it matches, in English or Chinese alike.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from seaward.customs.hs_errors import BadClassificationInput, EmptyProductText

_WORD = re.compile(r"[a-zà-ÿ]+|[\u3400-\u9fff]+", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
# Attribute names that describe what the goods are, are made of, or are for.
_INFORMATIVE_KEY = re.compile(
    r"material|type|^use|usage|application|function|fabric|metal|stone|purpose|"
    r"department|gender|fine or fashion|power source|compatib|theme|item",
    re.IGNORECASE,
)
_NOISE_KEY = re.compile(r"package|brand|model|origin|measure|sold in|each pack|chemical|size", re.I)
_NOISE_VALUE = re.compile(
    r"^(none|no|yes|null|noennname_null|noenname_null|as picture|other|n/?a)$", re.I
)

_STOPWORD_TEXT = """
a an and or the of for to in on with without by from at as is are be its it this that
new hot sale high quality best free shipping style fashion pcs pc lot set sets piece pieces
other than not excluding excl incl including etc kind kinds used use type types whether
more less cm mm ml kg g inch x
de del la las el los en con para por sin y un una que
le les des du au aux avec pour sans et une
der die das und mit fur für von ohne ein eine
da do dos com sem e um uma
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class ProductInput:
    """A product to classify: its text plus what a listing usually carries besides."""

    text: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    category_path_en: str = ""
    category_path_zh: str = ""
    price: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise EmptyProductText()


def parse_attributes(raw: str | Mapping[str, object] | None) -> dict[str, str]:
    """Attributes from a JSON object string (as in a marketplace export) or a mapping."""
    if raw is None or raw == "":
        return {}
    if isinstance(raw, Mapping):
        return {str(k): str(v) for k, v in raw.items() if v is not None}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise BadClassificationInput(f"attributes are not a JSON object: {error.msg}") from error
    if not isinstance(value, dict):
        raise BadClassificationInput("attributes must be a JSON object of key–values")
    return {str(k): str(v) for k, v in value.items() if v is not None}


def informative_attributes(attributes: Mapping[str, str]) -> list[tuple[str, str]]:
    """The attribute pairs that say what the goods are (material, type, use…)."""
    kept = []
    for key, value in attributes.items():
        value = value.strip()
        if not value or _NOISE_VALUE.match(value) or _NOISE_KEY.search(key):
            continue
        if not _INFORMATIVE_KEY.search(key) or re.fullmatch(r"[\d.,\s]+", value):
            continue
        kept.append((key, value[:80]))
    return kept


def category_text(path: str) -> str:
    """A category path with repeated levels removed ("A > B > B > B" → "A > B")."""
    parts: list[str] = []
    for part in path.split(">"):
        part = part.strip()
        # Exports often carry mojibake levels ("灏___"); they carry no meaning.
        if part and "_" not in part and part not in parts:
            parts.append(part)
    return " > ".join(parts)


def query_views(product: ProductInput) -> dict[str, str]:
    """The texts the classifier embeds for one product."""
    # Listings beyond a few hundred characters add noise and embedding time, not meaning.
    title = " ".join(product.text.split())[:MAX_QUERY_CHARS]
    category = "; ".join(
        c
        for c in (category_text(product.category_path_en), category_text(product.category_path_zh))
        if c
    )
    attributes = ", ".join(f"{k}: {v}" for k, v in informative_attributes(product.attributes))
    views = {"title": title}
    if category:
        views["category"] = category
    if category or attributes:
        views["full"] = ". ".join(p for p in (category, title, attributes) if p)[
            : 2 * MAX_QUERY_CHARS
        ]
    return views


def stem(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Stemmed English words and Chinese character bigrams, stopwords dropped."""
    out = []
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        if _CJK.match(word):
            if len(word) == 1:
                out.append(word)
            out.extend(word[i : i + 2] for i in range(len(word) - 1))
        elif len(word) > 1 and word not in STOPWORDS:
            out.append(stem(word))
    return out


class Bm25Index:
    """BM25 over short labelled texts, with postings as numpy arrays."""

    def __init__(
        self,
        texts: Sequence[str] = (),
        k1: float = 1.2,
        b: float = 0.6,
        counts: Sequence[Mapping[str, int]] | None = None,
    ) -> None:
        """Index ``texts``, or documents already tokenised into term ``counts``."""
        docs: Sequence[Mapping[str, int]] = (
            [Counter(tokens(t)) for t in texts] if counts is None else counts
        )
        self.size = len(docs)
        lengths = np.array([sum(d.values()) for d in docs], dtype=np.float32)
        average = float(lengths.mean()) if self.size else 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for doc_id, doc in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[doc_id] / average)
            for term, tf in doc.items():
                postings[term].append((doc_id, tf * (k1 + 1) / (tf + norm)))
        self._postings: dict[str, tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]] = {}
        self.idf: dict[str, float] = {}
        for term, items in postings.items():
            ids = np.fromiter((i for i, _ in items), dtype=np.int32, count=len(items))
            weights = np.fromiter((w for _, w in items), dtype=np.float32, count=len(items))
            self._postings[term] = (ids, weights)
            df = len(items)
            self.idf[term] = math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def contains(self, term: str, doc_id: int) -> bool:
        """Whether a document holds the (already tokenised) term."""
        posting = self._postings.get(term)
        if posting is None:
            return False
        ids = posting[0]
        at = int(np.searchsorted(ids, doc_id))
        return at < len(ids) and int(ids[at]) == doc_id

    def scores(self, query: Iterable[tuple[str, float]]) -> npt.NDArray[np.float32]:
        """BM25 score of every document for weighted query terms."""
        out = np.zeros(self.size, dtype=np.float32)
        for term, weight in query:
            posting = self._postings.get(term)
            if posting is not None:
                ids, values = posting
                out[ids] += weight * self.idf[term] * values
        return out


def weighted_query_terms(
    product: ProductInput,
    expansion_weight: float = 0.6,
    category_weight: float = 1.0,
    category_top_weight: float = 0.3,
) -> dict[str, float]:
    """Query terms with weights: the title counts most, then category, then attributes.

    Tariff words implied by the listing (see :mod:`seaward.customs.hs_lexicon`)
    come in with ``expansion_weight``.
    """
    from seaward.customs.hs_lexicon import expansions

    weights: dict[str, float] = defaultdict(float)
    for term in set(tokens(product.text)):
        weights[term] += 1.0
    category = (
        f"{category_text(product.category_path_en)} {category_text(product.category_path_zh)}"
    )
    # Deeper category levels name the goods ("Necklace"); the top one, a department.
    category_weights: dict[str, float] = {}
    for path in (product.category_path_en, product.category_path_zh):
        levels = category_text(path).split(" > ") if path.strip() else []
        for depth, level in enumerate(levels):
            weight = category_top_weight if depth == 0 and len(levels) > 1 else category_weight
            for term in tokens(level):
                category_weights[term] = max(category_weights.get(term, 0.0), weight)
    for term, weight in category_weights.items():
        weights[term] += weight
    attributes = informative_attributes(product.attributes)
    for key, value in attributes:
        for term in set(tokens(value)):
            weights[term] += 0.5 if "material" not in key.lower() else 0.7
    if expansion_weight > 0:
        listing = " ".join([product.text, category, *(v for _, v in attributes)])
        for words in expansions(listing):
            for term in set(tokens(words)):
                weights[term] = max(weights[term], expansion_weight)
    return dict(weights)
