"""Cross-lingual matchmaking of sourcing requests (RFQ) to products.

Pure core (no Django import): frozen dataclasses in, frozen dataclasses out.

Method (see docs/adr/0005-fair-matching-and-scheduling.md):

1. Text preparation. A category path ("女装 > 半身裙 > 半身裙") is split on its
   separators and repeated levels are dropped, so that a path says each thing
   once; the leaf is also read with its parent ("流行饰品 手链"), because a short
   leaf is ambiguous alone; free text is one segment.
2. Semantic similarity with the shared multilingual embedding model, two ways:
   the whole text (centred: each side's mean vector is removed, because every
   language sits in its own region of the space) and a late interaction over
   segments (each request segment against its best product segment and back),
   which lets a leaf category or a product's description match on its own.
3. A small lexical term: shared Latin words, numbers and model codes ("LED",
   "3D", "USB-C") and shared Chinese character bigrams; it counts when both
   sides write the same term, whatever the language around it.
4. Hubness correction (CSLS, Conneau et al. 2018): some products sit close to
   every query of the other language; each candidate's mean similarity to its
   ``k`` nearest requests of the batch is taken off its score. It needs a batch
   of requests (an event's requests, or the CLI's file); a lone request is
   ranked without it.
5. Hard constraints filter first: MOQ <= quantity, required certifications held,
   the exhibitor ships to the destination.

The score is higher-is-better and comparable within one batch only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from seaward.fair.errors import DuplicateId
from seaward.fair.vectorindex import VectorIndex, make_index

FloatArray = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], FloatArray]

_PATH_SEPARATORS = re.compile(r"\s*(?:>|＞|›|»|→)\s*")
_LATIN_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-+.]*[a-z0-9+]|[a-z0-9]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Function words that would make two texts look alike without sharing a product.
_STOPWORDS_TEXT = (
    "a an and or of for the with in on to by from at as is are our your new hot "
    "de del la el los las y o con para por en un una unos unas que se al su sus "
    "und der die das mit für von et le les des du pour avec sur"
)
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split(" "))


class ExplanationCode(StrEnum):
    """Why a product was matched: stable codes the UI renders in the reader's language."""

    SEMANTIC_TITLE = "semantic_title"
    SEMANTIC_DESCRIPTION = "semantic_description"
    SEMANTIC_CATEGORY_LEVEL = "semantic_category_level"
    SHARED_TERM = "shared_term"
    MOQ_MET = "moq_met"
    CERTIFICATIONS_MET = "certifications_met"
    SHIPS_TO_DESTINATION = "ships_to_destination"


class ExclusionReason(StrEnum):
    """Why a product was left out by a hard constraint."""

    MOQ_ABOVE_QUANTITY = "moq_above_quantity"
    MISSING_CERTIFICATION = "missing_certification"
    DOES_NOT_SHIP_TO_DESTINATION = "does_not_ship_to_destination"


@dataclass(frozen=True)
class Product:
    """A listing as the matcher sees it."""

    id: str
    title: str
    description: str = ""
    exhibitor_id: str = ""
    moq: int | None = None
    certifications: frozenset[str] = frozenset()
    #: ISO 3166 alpha-2 codes the exhibitor ships to; ``None`` means no restriction declared.
    ships_to: frozenset[str] | None = None


@dataclass(frozen=True)
class SourcingRequest:
    """A buyer's request for quotation: free text in any language plus hard constraints."""

    id: str
    text: str
    quantity: int | None = None
    destination_country: str | None = None
    required_certifications: frozenset[str] = frozenset()


@dataclass(frozen=True)
class MatchedTerm:
    """One piece of evidence: a request term and the product term it matched."""

    code: ExplanationCode
    request_term: str
    product_term: str
    similarity: float


@dataclass(frozen=True)
class Explanation:
    """Structured reasons for one match (codes + terms, no prose)."""

    codes: tuple[ExplanationCode, ...]
    terms: tuple[MatchedTerm, ...]
    semantic: float
    lexical: float
    hubness: float


@dataclass(frozen=True)
class Match:
    product_id: str
    exhibitor_id: str
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class RequestMatches:
    """The ranked matches of one request and how many products each constraint excluded."""

    request_id: str
    matches: tuple[Match, ...]
    excluded: tuple[tuple[ExclusionReason, int], ...] = ()


@dataclass(frozen=True)
class MatchingSettings:
    """The method's few knobs; defaults follow the literature, not the evaluation rows."""

    whole_weight: float = 0.5
    segment_weight: float = 0.5
    lexical_weight: float = 0.1
    #: CSLS neighbourhood size (the paper's default).
    hubness_k: int = 10
    #: Share of the mean neighbour similarity taken off. CSLS proper is 0.5 (2cos - r_q - r_p,
    #: ranked per query); the full penalty ranked better in both directions and on titles.
    hubness_weight: float = 1.0
    #: Below this many requests the batch is too small to estimate hubness or a language mean
    #: (10 neighbours out of a few dozen requests is most of the batch: it was neutral to
    #: slightly harmful on samples of 20-40 requests, helpful from about 80).
    min_batch: int = 50
    #: Candidates taken from the vector index per request before re-ranking.
    candidates: int = 200
    #: Segment pairs at least this similar are reported as matched terms.
    evidence_threshold: float = 0.45


# ---------------------------------------------------------------- text preparation


def normalize_text(text: str) -> str:
    """NFKC (full-width forms to ASCII), trimmed, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def split_segments(text: str) -> tuple[str, ...]:
    """A category path's levels without repeats, or the free text as one segment."""
    clean = normalize_text(text)
    parts = [p.strip() for p in _PATH_SEPARATORS.split(clean)]
    seen: list[str] = []
    keys: set[str] = set()
    for part in parts:
        key = part.casefold()
        if part and key not in keys:
            keys.add(key)
            seen.append(part)
    return tuple(seen) if seen else (clean or "-",)


def lexical_terms(text: str) -> frozenset[str]:
    """Latin words and codes (lower case) and Chinese character bigrams."""
    clean = normalize_text(text).casefold()
    terms = {t for t in _LATIN_TOKEN.findall(clean) if t not in _STOPWORDS and len(t) > 1}
    for run in _CJK_RUN.findall(clean):
        if len(run) == 1:
            continue
        terms.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(terms)


@dataclass(frozen=True)
class _Document:
    """A text prepared for matching: its whole form, its segments, its terms."""

    whole: str
    segments: tuple[str, ...]
    segment_fields: tuple[ExplanationCode, ...]
    terms: frozenset[str]


def _with_context(segments: tuple[str, ...]) -> tuple[str, ...]:
    """Add the leaf read with its parent: a short leaf ("手链") is ambiguous on its own."""
    if len(segments) < 2:
        return segments
    return (*segments, f"{segments[-2]} {segments[-1]}")


def _product_document(product: Product) -> _Document:
    levels = split_segments(product.title)
    segments = _with_context(levels)
    if len(levels) > 1:
        fields = [ExplanationCode.SEMANTIC_CATEGORY_LEVEL] * (len(levels) - 1)
        fields += [ExplanationCode.SEMANTIC_TITLE] * (len(segments) - len(levels) + 1)
    else:
        fields = [ExplanationCode.SEMANTIC_TITLE]
    description = normalize_text(product.description)
    if description:
        segments = (*segments, description[:300])
        fields.append(ExplanationCode.SEMANTIC_DESCRIPTION)
    return _Document(
        " > ".join(levels),
        segments,
        tuple(fields),
        lexical_terms(f"{product.title} {product.description}"),
    )


def _request_document(request: SourcingRequest) -> _Document:
    levels = split_segments(request.text)
    segments = _with_context(levels)
    return _Document(
        " > ".join(levels),
        segments,
        (ExplanationCode.SEMANTIC_TITLE,) * len(segments),
        lexical_terms(request.text),
    )


class _EmbeddingCache:
    """Embeds each distinct text once per batch: segments repeat across paths."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def embed(self, texts: Sequence[str]) -> FloatArray:
        unique = list(dict.fromkeys(texts))
        if not unique:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = np.asarray(self._embedder(unique), dtype=np.float32)
        row = {text: i for i, text in enumerate(unique)}
        return vectors[[row[t] for t in texts]]


def _normalize_rows(matrix: FloatArray) -> FloatArray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def default_embedder() -> Embedder:
    """The shared multilingual model (loaded lazily on first use)."""
    from seaward.core.embeddings import embed

    return embed


# ---------------------------------------------------------------- the catalog


class Catalog:
    """Products prepared for matching: embeddings, segments, terms and a vector index."""

    def __init__(
        self,
        products: Sequence[Product],
        embedder: Embedder | None = None,
        index: VectorIndex | None = None,
    ) -> None:
        ids = [p.id for p in products]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise DuplicateId(params={"id": dup})
        self.products: tuple[Product, ...] = tuple(products)
        self.embedder = embedder or default_embedder()
        self._documents = [_product_document(p) for p in self.products]
        cache = _EmbeddingCache(self.embedder)
        all_segments = [s for d in self._documents for s in d.segments]
        embedded = cache.embed([d.whole for d in self._documents] + all_segments)
        n = len(self.products)
        dims = embedded.shape[1] if embedded.size else 512
        self.whole_vectors: FloatArray = (
            embedded[:n] if n else np.zeros((0, dims), dtype=np.float32)
        )
        self.segment_vectors: FloatArray = embedded[n:]
        counts = np.array([len(d.segments) for d in self._documents], dtype=np.int64)
        self.segment_offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.mean_vector: FloatArray = (
            self.whole_vectors.mean(axis=0) if n else np.zeros(dims, dtype=np.float32)
        )
        self.centred_vectors = _normalize_rows(self.whole_vectors - self.mean_vector)
        self.index = index or make_index(dims, n)
        if n and len(self.index) == 0:
            self.index.add(np.arange(n), self.whole_vectors)

    def __len__(self) -> int:
        return len(self.products)

    def document(self, row: int) -> _Document:
        return self._documents[row]


# ---------------------------------------------------------------- constraints


def _exclusion(product: Product, request: SourcingRequest) -> ExclusionReason | None:
    if request.quantity is not None and product.moq is not None and product.moq > request.quantity:
        return ExclusionReason.MOQ_ABOVE_QUANTITY
    required = {c.strip().upper() for c in request.required_certifications if c.strip()}
    if required and not required <= {c.strip().upper() for c in product.certifications}:
        return ExclusionReason.MISSING_CERTIFICATION
    if (
        request.destination_country
        and product.ships_to is not None
        and request.destination_country.strip().upper()
        not in {c.strip().upper() for c in product.ships_to}
    ):
        return ExclusionReason.DOES_NOT_SHIP_TO_DESTINATION
    return None


def _constraint_codes(product: Product, request: SourcingRequest) -> list[ExplanationCode]:
    codes = []
    if request.quantity is not None and product.moq is not None:
        codes.append(ExplanationCode.MOQ_MET)
    if request.required_certifications:
        codes.append(ExplanationCode.CERTIFICATIONS_MET)
    if request.destination_country and product.ships_to is not None:
        codes.append(ExplanationCode.SHIPS_TO_DESTINATION)
    return codes


# ---------------------------------------------------------------- scoring


def _segment_scores(
    q_vectors: FloatArray,
    q_offsets: npt.NDArray[np.int64],
    p_vectors: FloatArray,
    p_offsets: npt.NDArray[np.int64],
) -> tuple[FloatArray, FloatArray]:
    """Symmetric late interaction over segments, and the raw segment similarities."""
    sims = q_vectors @ p_vectors.T
    # For every request segment, its best segment of each product (and back).
    best_per_product = np.maximum.reduceat(sims, p_offsets[:-1], axis=1)
    best_per_request = np.maximum.reduceat(sims, q_offsets[:-1], axis=0)
    q_counts = np.diff(q_offsets).astype(np.float32)
    p_counts = np.diff(p_offsets).astype(np.float32)
    forward = np.add.reduceat(best_per_product, q_offsets[:-1], axis=0) / q_counts[:, None]
    backward = np.add.reduceat(best_per_request, p_offsets[:-1], axis=1) / p_counts[None, :]
    return (0.5 * (forward + backward)).astype(np.float32), sims


def _lexical_score(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / float(np.sqrt(len(a) * len(b))) if shared else 0.0


def _semantic_matrix(
    catalog: Catalog,
    union: npt.NDArray[np.int64],
    q_centred: FloatArray,
    p_for_queries: FloatArray,
    q_segments: FloatArray,
    q_offsets: npt.NDArray[np.int64],
    cfg: MatchingSettings,
) -> tuple[FloatArray, Callable[[int, int], FloatArray]]:
    """Semantic scores of every request against the candidate products (in blocks)."""
    out = np.empty((len(q_centred), len(union)), dtype=np.float32)
    src = catalog.segment_offsets
    for start in range(0, len(union), 1024):
        rows = union[start : start + 1024]
        seg_index = np.concatenate([np.arange(src[r], src[r + 1]) for r in rows])
        p_offsets = np.concatenate([[0], np.cumsum(src[rows + 1] - src[rows])]).astype(np.int64)
        seg_score, _ = _segment_scores(
            q_segments, q_offsets, catalog.segment_vectors[seg_index], p_offsets
        )
        whole = q_centred @ p_for_queries[rows].T
        out[:, start : start + 1024] = cfg.whole_weight * whole + cfg.segment_weight * seg_score

    def seg_sims_of(request_row: int, product_row: int) -> FloatArray:
        q = q_segments[q_offsets[request_row] : q_offsets[request_row + 1]]
        p = catalog.segment_vectors[src[product_row] : src[product_row + 1]]
        return (q @ p.T).astype(np.float32)

    return out, seg_sims_of


def match_requests(
    catalog: Catalog,
    requests: Sequence[SourcingRequest],
    top: int = 10,
    settings: MatchingSettings | None = None,
) -> tuple[RequestMatches, ...]:
    """Rank the catalog's eligible products for each request, best first, with reasons."""
    cfg = settings or MatchingSettings()
    if not requests or len(catalog) == 0 or top <= 0:
        return tuple(RequestMatches(r.id, ()) for r in requests)
    documents = [_request_document(r) for r in requests]
    cache = _EmbeddingCache(catalog.embedder)
    n_q = len(requests)
    all_segments = [s for d in documents for s in d.segments]
    embedded = cache.embed([d.whole for d in documents] + all_segments)
    q_whole, q_segments = embedded[:n_q], embedded[n_q:]
    q_counts = np.array([len(d.segments) for d in documents], dtype=np.int64)
    q_offsets = np.concatenate([[0], np.cumsum(q_counts)]).astype(np.int64)

    batch = n_q >= cfg.min_batch
    q_centred = _normalize_rows(q_whole - q_whole.mean(axis=0)) if batch else q_whole
    p_for_queries = catalog.centred_vectors if batch else catalog.whole_vectors

    if len(catalog) <= cfg.candidates:
        candidate_rows = [np.arange(len(catalog)) for _ in requests]
    else:
        candidate_rows = [
            np.asarray(catalog.index.search(q, cfg.candidates).keys, dtype=np.int64)
            for q in q_whole
        ]
    union = np.unique(np.concatenate(candidate_rows))
    column_of = {int(r): c for c, r in enumerate(union.tolist())}
    semantic_all, seg_sims_of = _semantic_matrix(
        catalog, union, q_centred, p_for_queries, q_segments, q_offsets, cfg
    )
    if batch:
        k = min(cfg.hubness_k, n_q)
        hub = np.partition(semantic_all, n_q - k, axis=0)[n_q - k :].mean(axis=0)
    else:
        hub = np.zeros(len(union), dtype=np.float32)

    results = []
    for i, request in enumerate(requests):
        rows = candidate_rows[i]
        excluded: dict[ExclusionReason, int] = {}
        eligible = []
        for row in rows.tolist():
            reason = _exclusion(catalog.products[row], request)
            if reason is None:
                eligible.append(row)
            else:
                excluded[reason] = excluded.get(reason, 0) + 1
        if not eligible:
            results.append(RequestMatches(request.id, (), tuple(sorted(excluded.items()))))
            continue
        rows_arr = np.asarray(eligible, dtype=np.int64)
        cols = np.array([column_of[r] for r in eligible], dtype=np.int64)
        lexical = np.array(
            [_lexical_score(documents[i].terms, catalog.document(r).terms) for r in eligible],
            dtype=np.float32,
        )
        semantic = semantic_all[i, cols]
        hubness = hub[cols]
        score = semantic + cfg.lexical_weight * lexical - cfg.hubness_weight * hubness
        order = np.lexsort((rows_arr, -score))[:top]
        matches = []
        for j in order.tolist():
            row = int(rows_arr[j])
            product = catalog.products[row]
            terms = _evidence(
                documents[i],
                catalog.document(row),
                seg_sims_of(i, row),
                cfg.evidence_threshold,
            )
            codes = list(dict.fromkeys(t.code for t in terms))
            codes += _constraint_codes(product, request)
            matches.append(
                Match(
                    product_id=product.id,
                    exhibitor_id=product.exhibitor_id,
                    score=round(float(score[j]), 6),
                    explanation=Explanation(
                        codes=tuple(codes),
                        terms=terms,
                        semantic=round(float(semantic[j]), 6),
                        lexical=round(float(lexical[j]), 6),
                        hubness=round(float(hubness[j]), 6),
                    ),
                )
            )
        results.append(RequestMatches(request.id, tuple(matches), tuple(sorted(excluded.items()))))
    return tuple(results)


def _evidence(
    request_doc: _Document,
    product_doc: _Document,
    seg_sims: FloatArray,
    threshold: float,
) -> tuple[MatchedTerm, ...]:
    """The aligned segment pairs and the shared terms that support one match."""
    terms: list[MatchedTerm] = []
    for qi, q_text in enumerate(request_doc.segments):
        pj = int(np.argmax(seg_sims[qi]))
        sim = float(seg_sims[qi, pj])
        if sim >= threshold:
            terms.append(
                MatchedTerm(
                    product_doc.segment_fields[pj], q_text, product_doc.segments[pj], round(sim, 4)
                )
            )
    terms.sort(key=lambda t: -t.similarity)
    for shared in sorted(request_doc.terms & product_doc.terms):
        terms.append(MatchedTerm(ExplanationCode.SHARED_TERM, shared, shared, 1.0))
    return tuple(terms)


def match_one(
    catalog: Catalog,
    request: SourcingRequest,
    top: int = 10,
    settings: MatchingSettings | None = None,
) -> RequestMatches:
    """Match a single request (no batch: hubness correction does not apply)."""
    return match_requests(catalog, [request], top=top, settings=settings)[0]


def as_contract_line(result: RequestMatches) -> dict[str, object]:
    """The CLI contract's JSON object for one request."""
    return {
        "request_id": result.request_id,
        "matches": [{"product_id": m.product_id, "score": m.score} for m in result.matches],
    }


def explanation_as_data(explanation: Explanation) -> Mapping[str, object]:
    """A JSON-ready form of an explanation for the API and templates."""
    return {
        "codes": [str(c) for c in explanation.codes],
        "terms": [
            {
                "code": str(t.code),
                "request_term": t.request_term,
                "product_term": t.product_term,
                "similarity": t.similarity,
            }
            for t in explanation.terms
        ],
        "semantic": explanation.semantic,
        "lexical": explanation.lexical,
        "hubness": explanation.hubness,
    }


def products_from_rows(rows: Iterable[Mapping[str, str]]) -> list[Product]:
    """Products from CSV-like rows with ``id``, ``title`` and optional ``description``."""
    return [
        Product(id=r["id"], title=r.get("title") or "", description=r.get("description") or "")
        for r in rows
    ]


__all__ = [
    "Catalog",
    "Embedder",
    "ExclusionReason",
    "Explanation",
    "ExplanationCode",
    "Match",
    "MatchedTerm",
    "MatchingSettings",
    "Product",
    "RequestMatches",
    "SourcingRequest",
    "as_contract_line",
    "explanation_as_data",
    "lexical_terms",
    "match_one",
    "match_requests",
    "normalize_text",
    "split_segments",
]
