"""HS 2022 classification assistant: product text in any language → top subheadings.

Method (pure, offline, CPU):

* a kNN over labelled descriptions — UK parcel and search references, Chinese
  tariff-line names, US rulings, US HTS and UK tariff lines, HS subheading
  texts, plus the organization's confirmed classifications — searched twice:
  by the shared multilingual sentence embedding (title, category path and a
  combined view) and by BM25 over words and Chinese bigrams;
* each search votes for the six-digit subheadings of its nearest entries
  (weighted by similarity and by how close the source's wording is to a
  seller's), the votes are pooled per subheading, heading and chapter, and a
  subheading's score adds the mass of its heading and chapter, so that agreement
  at a higher level lifts the right branch;
* the answer keeps the entries and words that voted, as the *why*.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from seaward.customs.hs_curated import CURATED_EXAMPLES
from seaward.customs.hs_errors import BadClassificationInput, UnknownHsCode
from seaward.customs.hs_index import Embedder, EmbeddingIndex, load_index
from seaward.customs.hs_knowledge import (
    SOURCE_CN_TARIFF,
    SOURCE_CONFIRMED,
    SOURCE_CURATED,
    SOURCE_HS,
    SOURCE_UK_REFERENCE,
    SOURCE_UK_TARIFF,
    SOURCE_US_HTS,
    SOURCE_US_RULING,
    KnowledgeEntry,
    knowledge_entries,
    knowledge_hash,
)
from seaward.customs.hs_nomenclature import (
    Nomenclature,
    PathStep,
    load_nomenclature,
    normalise_code,
)
from seaward.customs.hs_rules import (
    GENDER_MISMATCH,
    MATERIAL_MATCH,
    MATERIAL_MISMATCH,
    MENS_LISTING,
    MENS_TARIFF,
    PARTS_LISTING,
    PARTS_MATCH,
    PARTS_MISMATCH,
    PARTS_SUBHEADING,
    RULES,
    WOMENS_LISTING,
    WOMENS_TARIFF,
    material_bits,
    material_names,
)
from seaward.customs.hs_text import (
    Bm25Index,
    ProductInput,
    informative_attributes,
    query_views,
    tokens,
    weighted_query_terms,
)


@dataclass(frozen=True)
class ClassifierSettings:
    """The method's knobs; the defaults are what the benchmark measures."""

    neighbours: int = 15
    temperature: float = 0.02  # softness of the embedding vote (cosine units)
    lexical_power: float = 2.0  # sharpness of the BM25 vote
    view_weights: Mapping[str, float] = field(
        default_factory=lambda: {"full": 1.0, "title": 0.6, "category": 0.0, "lexical": 1.0}
    )
    # Weights of the pooled signals in a subheading's score.
    embedding_weight: float = 1.0
    neighbour_lexical_weight: float = 0.5
    subheading_document_weight: float = 1.0
    heading_document_weight: float = 0.75
    document_temperature: float = 0.1  # softness over BM25 scores relative to the best
    confirmed_weight: float = 1.5
    material_match: float = MATERIAL_MATCH
    material_mismatch: float = MATERIAL_MISMATCH
    source_weights: Mapping[str, float] = field(
        default_factory=lambda: {
            SOURCE_UK_REFERENCE: 1.0,
            SOURCE_US_RULING: 1.0,
            SOURCE_CN_TARIFF: 0.8,
            SOURCE_US_HTS: 0.8,
            SOURCE_UK_TARIFF: 0.6,
            SOURCE_HS: 0.8,
            SOURCE_CONFIRMED: 3.0,
            SOURCE_CURATED: 1.5,
        }
    )


@dataclass(frozen=True)
class ConfirmedExample:
    """A classification an organization confirmed: this text is this subheading."""

    text: str
    code: str


@dataclass(frozen=True)
class Evidence:
    text: str
    source: str
    code: str
    similarity: float  # cosine for "meaning", BM25 relative to the best entry for "words"
    signal: str = "meaning"

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "source": self.source,
            "code": self.code,
            "signal": self.signal,
            "similarity": round(self.similarity, 3),
        }


@dataclass(frozen=True)
class Candidate:
    code: str
    score: float
    path: list[PathStep]
    evidence: list[Evidence]
    words: list[str]
    attributes: list[str]
    notes: list[str] = field(default_factory=list)

    def as_dict(self, explain: bool = True) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "score": round(self.score, 4),
            "path": [step.as_dict() for step in self.path],
        }
        if explain:
            out["why"] = {
                "words": self.words,
                "attributes": self.attributes,
                "notes": self.notes,
                "examples": [e.as_dict() for e in self.evidence],
            }
        return out


@dataclass(frozen=True)
class Classification:
    codes: list[Candidate]

    def as_dict(self, explain: bool = True) -> dict[str, object]:
        return {"codes": [c.as_dict(explain) for c in self.codes]}


class HsClassifier:
    """Ranks HS 2022 subheadings for product texts; reusable and thread-safe for reads."""

    def __init__(
        self,
        entries: Sequence[KnowledgeEntry],
        index: EmbeddingIndex,
        embedder: Embedder,
        nomenclature: Nomenclature,
        settings: ClassifierSettings | None = None,
        curated: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.entries = list(entries)
        self.index = index
        self.embedder = embedder
        self.nomenclature = nomenclature
        self.settings = settings or ClassifierSettings()
        self.codes = sorted(n.code for n in nomenclature.subheadings)
        self._code_row = {code: i for i, code in enumerate(self.codes)}
        self.headings = sorted({code[:4] for code in self.codes})
        heading_row = {h: i for i, h in enumerate(self.headings)}
        self._heading_of = np.array([heading_row[c[:4]] for c in self.codes], dtype=np.int32)
        self._entry_code = np.array([self._code_row.get(e.hs6, -1) for e in self.entries])
        self._source_weight = self._weights_of(self.entries)
        self._hs_rows = np.array([i for i, e in enumerate(self.entries) if e.source == SOURCE_HS])
        self.curated = [
            KnowledgeEntry(text, normalise_code(code), SOURCE_CURATED)
            for text, code in curated
            if normalise_code(code) in self._code_row
        ]
        self._curated_vectors = (
            self.index.project(embedder([e.text for e in self.curated]))
            if self.curated
            else np.zeros((0, self.index.vectors.shape[1]), np.float32)
        )
        # One BM25 document per entry (for neighbours) and per subheading and heading:
        # pooled documents gather every wording of a code, so a listing's noun finds
        # its code even when no single line names it together with the material.
        entry_counts = [Counter(tokens(e.text)) for e in self.entries]
        self.lexical = Bm25Index(counts=entry_counts)
        self._material = np.array(
            [self._code_material(code) for code in self.codes], dtype=np.int64
        )
        self._parts = np.array(
            [bool(PARTS_SUBHEADING.search(nomenclature.description(c))) for c in self.codes]
        )
        wording = [
            f"{nomenclature.description(c[:4])} {nomenclature.description(c)}" for c in self.codes
        ]
        self._mens = np.array([bool(MENS_TARIFF.search(w)) for w in wording])
        self._womens = np.array([bool(WOMENS_TARIFF.search(w)) for w in wording])
        self._rule_masks = [
            np.array([c.startswith(rule.prefixes) for c in self.codes]) for rule in RULES
        ]
        per_code: list[Counter[str]] = [Counter() for _ in self.codes]
        for counts, row in zip(entry_counts, self._entry_code, strict=True):
            if row >= 0:
                per_code[row].update(counts)
        for entry in self.curated:
            per_code[self._code_row[entry.hs6]].update(tokens(entry.text))
        per_heading: list[Counter[str]] = [Counter() for _ in self.headings]
        for row, counts in enumerate(per_code):
            per_heading[self._heading_of[row]].update(counts)
        self.subheading_documents = Bm25Index(counts=per_code, b=0.3)
        self.heading_documents = Bm25Index(counts=per_heading, b=0.3)

    def _code_material(self, code: str) -> int:
        bits = material_bits(self.nomenclature.description(code), use_listing_patterns=False)
        return bits or material_bits(
            self.nomenclature.description(code[:4]), use_listing_patterns=False
        )

    def _weights_of(self, entries: Sequence[KnowledgeEntry]) -> npt.NDArray[np.float32]:
        weights = self.settings.source_weights
        return np.array([weights.get(e.source, 1.0) for e in entries], dtype=np.float32)

    # -- public API -------------------------------------------------------------------

    def classify(
        self,
        product: ProductInput | str,
        top: int = 5,
        confirmed: Sequence[ConfirmedExample] = (),
    ) -> Classification:
        """The ``top`` most likely subheadings for one product."""
        item = ProductInput(product) if isinstance(product, str) else product
        return self.classify_many([item], top=top, confirmed=confirmed)[0]

    def classify_many(
        self,
        products: Sequence[ProductInput],
        top: int = 5,
        confirmed: Sequence[ConfirmedExample] = (),
    ) -> list[Classification]:
        """Classify several products, embedding them in batches."""
        if top < 1:
            raise BadClassificationInput("top must be at least 1")
        confirmed_entries = self._confirmed_entries(confirmed)
        examples = [*self.curated, *confirmed_entries]
        example_vectors = np.vstack(
            [
                self._curated_vectors,
                self.index.project(self.embedder([e.text for e in confirmed_entries]))
                if confirmed_entries
                else np.zeros((0, self._curated_vectors.shape[1]), np.float32),
            ]
        )
        views = [query_views(p) for p in products]
        wanted = {name for name, weight in self.settings.view_weights.items() if weight > 0}
        flat = [
            (i, name, text)
            for i, v in enumerate(views)
            for name, text in sorted(v.items())
            if name in wanted
        ]
        vectors = self.embedder([text for _, _, text in flat]) if flat else np.zeros((0, 512))
        by_product: list[dict[str, npt.NDArray[np.float32]]] = [{} for _ in products]
        for (i, name, _), vector in zip(flat, vectors, strict=True):
            by_product[i][name] = np.asarray(vector, dtype=np.float32)
        return [
            self._classify_one(p, by_product[i], examples, example_vectors, top)
            for i, p in enumerate(products)
        ]

    def baseline(self, product: ProductInput | str, top: int = 5) -> list[str]:
        """Nearest HS subheading descriptions by the same embedding model (the baseline)."""
        item = ProductInput(product) if isinstance(product, str) else product
        vector = self.embedder([query_views(item).get("full", item.text)])
        sims = self.index.project(vector)[0] @ self.index.vectors[self._hs_rows].T
        order = np.argsort(-sims)[:top]
        return [self.entries[self._hs_rows[i]].hs6 for i in order]

    # -- method ------------------------------------------------------------------------

    def _confirmed_entries(self, confirmed: Sequence[ConfirmedExample]) -> list[KnowledgeEntry]:
        out = []
        for example in confirmed:
            code = normalise_code(example.code)[:6]
            if code not in self._code_row:
                raise UnknownHsCode(example.code)
            if example.text.strip():
                out.append(KnowledgeEntry(example.text.strip(), code, SOURCE_CONFIRMED))
        return out

    def _entry(self, row: int, examples: Sequence[KnowledgeEntry]) -> KnowledgeEntry:
        return self.entries[row] if row < len(self.entries) else examples[row - len(self.entries)]

    def _neighbour_vote(
        self,
        scores: npt.NDArray[np.float32],
        weights: npt.NDArray[np.float32],
        codes: npt.NDArray[np.int64],
        evidence: list[tuple[float, int, float, str]],
        signal: str,
    ) -> npt.NDArray[np.float32]:
        """Votes of the ``neighbours`` heaviest entries, summing to one."""
        votes = np.zeros(len(self.codes), dtype=np.float32)
        k = min(self.settings.neighbours, len(weights))
        if k == 0:
            return votes
        best = np.argpartition(-weights, k - 1)[:k]
        best = best[(weights[best] > 0) & (codes[best] >= 0)]
        total = float(weights[best].sum())
        if total <= 0:
            return votes
        shares = weights[best] / total
        np.add.at(votes, codes[best], shares)
        for share, row, value in zip(
            shares.tolist(), best.tolist(), scores[best].tolist(), strict=True
        ):
            evidence.append((share, row, value, signal))
        return votes

    def _soft(self, scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """BM25 scores as a distribution, relative to the best document."""
        best = float(scores.max(initial=0.0))
        if best <= 0:
            return np.zeros_like(scores)
        soft = np.exp((scores / best - 1.0) / self.settings.document_temperature)
        soft[scores <= 0] = 0.0
        return (soft / soft.sum()).astype(np.float32)

    def _classify_one(
        self,
        product: ProductInput,
        vectors: Mapping[str, npt.NDArray[np.float32]],
        examples: Sequence[KnowledgeEntry],
        example_vectors: npt.NDArray[np.float32],
        top: int,
    ) -> Classification:
        s = self.settings
        evidence: list[tuple[float, int, float, str]] = []
        codes = np.concatenate(
            [self._entry_code, np.array([self._code_row[e.hs6] for e in examples], dtype=np.int64)]
        ).astype(np.int64)
        source_weight = np.concatenate([self._source_weight, self._weights_of(examples)])

        is_curated = np.array([e.source == SOURCE_CURATED for e in examples], dtype=bool)
        embedding_votes = np.zeros(len(self.codes), dtype=np.float32)
        confirmed_votes = np.zeros(len(self.codes), dtype=np.float32)
        view_total = 0.0
        for name, vector in vectors.items():
            view_weight = s.view_weights.get(name, 0.0)
            if view_weight <= 0:
                continue
            query = self.index.project(vector[None, :])[0]
            sims = self.index.vectors @ query
            if len(examples):
                example_sims = example_vectors @ query
                sims = np.concatenate([sims, example_sims])
                # A confirmed twin of this product outweighs the public knowledge.
                closeness = np.clip((example_sims - 0.6) / 0.3, 0.0, 1.0) * view_weight
                closeness[is_curated] = 0.0
                np.maximum.at(confirmed_votes, codes[len(self.entries) :], closeness)
            weights = np.exp((sims - float(sims.max())) / s.temperature) * source_weight
            embedding_votes += view_weight * self._neighbour_vote(
                sims, weights, codes, evidence, "meaning"
            )
            view_total += view_weight
        if view_total:
            embedding_votes /= view_total
            confirmed_votes /= view_total

        terms = weighted_query_terms(product)
        lexical = self.lexical.scores(terms.items())
        if len(examples):
            lexical = np.concatenate([lexical, self._example_lexical(examples, terms)])
        lexical_votes = np.zeros(len(self.codes), dtype=np.float32)
        if float(lexical.max(initial=0.0)) > 0:
            relative = lexical / float(lexical.max())
            lexical_votes = self._neighbour_vote(
                relative,
                (relative**s.lexical_power * source_weight).astype(np.float32),
                codes,
                evidence,
                "words",
            )
        subheading_docs = self._soft(self.subheading_documents.scores(terms.items()))
        heading_docs = self._soft(self.heading_documents.scores(terms.items()))

        # Words the knowledge base has never seen (another language, brand names)
        # make lexical matches a matter of chance: trust them in proportion.
        own = weighted_query_terms(product, expansion_weight=0.0)
        known = sum(w for t, w in own.items() if t in self.lexical.idf)
        trust = min(1.0, 2.0 * known / sum(own.values())) if own else 0.0
        weights = (
            s.embedding_weight,
            s.neighbour_lexical_weight * trust,
            s.subheading_document_weight * trust,
            s.heading_document_weight * trust,
            s.confirmed_weight if not is_curated.all() else 0.0,
        )
        score = (
            weights[0] * embedding_votes
            + weights[1] * lexical_votes
            + weights[2] * subheading_docs
            + weights[3] * heading_docs[self._heading_of]
            + weights[4] * confirmed_votes
        ) / max(sum(weights), 1e-9)
        listing = " ".join(
            [product.text, product.category_path_en, product.category_path_zh]
            + [v for _, v in informative_attributes(product.attributes)]
        )
        active = [
            (rule, mask)
            for rule, mask in zip(RULES, self._rule_masks, strict=True)
            if bool(rule.condition.search(listing)) == rule.when_present
        ]
        for rule, mask in active:
            score[mask] *= rule.factor
        for_men = bool(MENS_LISTING.search(listing))
        for_women = bool(WOMENS_LISTING.search(listing))
        if for_men != for_women:
            score[self._womens if for_men else self._mens] *= GENDER_MISMATCH
        is_part = bool(PARTS_LISTING.search(listing))
        score[self._parts] *= PARTS_MATCH if is_part else PARTS_MISMATCH
        made_of = material_bits(listing, use_listing_patterns=True)
        if made_of:
            named = self._material != 0
            matches = (self._material & made_of) != 0
            score[named & matches] *= self.settings.material_match
            score[named & ~matches] *= self.settings.material_mismatch
        score /= max(1.0, float(score.max()))
        # Ties (e.g. nothing matched at all) fall back to nomenclature order.
        order = np.lexsort((np.arange(len(score)), -score))[:top]
        notes: dict[int, list[str]] = {}
        for row in order.tolist():
            notes[row] = [rule.reason for rule, mask in active if mask[row]]
            if self._parts[row]:
                notes[row].append(
                    "listing presents a part"
                    if is_part
                    else "a parts subheading, listing names no part"
                )
            shared = int(self._material[row]) & made_of
            if shared:
                notes[row].append("made of " + ", ".join(material_names(shared)))
        return self._explain(
            product, [(int(i), float(score[i])) for i in order], evidence, examples, terms, notes
        )

    def _example_lexical(
        self, examples: Sequence[KnowledgeEntry], terms: Mapping[str, float]
    ) -> npt.NDArray[np.float32]:
        out = np.zeros(len(examples), dtype=np.float32)
        for i, example in enumerate(examples):
            for term in set(tokens(example.text)):
                if term in terms:
                    out[i] += terms[term] * self.lexical.idf.get(term, 5.0)
        return out

    def _explain(
        self,
        product: ProductInput,
        ranked: list[tuple[int, float]],
        evidence: list[tuple[float, int, float, str]],
        examples: Sequence[KnowledgeEntry],
        terms: Mapping[str, float],
        notes: Mapping[int, list[str]],
    ) -> Classification:
        attributes = informative_attributes(product.attributes)
        ordered_terms = [t for t in _ordered_terms(product) if t in terms]
        candidates = []
        for code_row, score in ranked:
            code = self.codes[code_row]
            heading_row = int(self._heading_of[code_row])
            votes = sorted(
                (e for e in evidence if self._entry(e[1], examples).hs6 == code), reverse=True
            )
            shown: list[Evidence] = []
            for _, row, similarity, signal in votes:
                entry = self._entry(row, examples)
                if all(entry.text != e.text for e in shown):
                    code_shown = entry.national_code or entry.hs6
                    shown.append(Evidence(entry.text, entry.source, code_shown, similarity, signal))
                if len(shown) == 3:
                    break
            evidence_terms = {t for e in shown for t in tokens(e.text)}
            words = [
                t
                for t in ordered_terms
                if t in evidence_terms
                or self.subheading_documents.contains(t, code_row)
                or self.heading_documents.contains(t, heading_row)
            ]
            used = [
                f"{k}: {v}"
                for k, v in attributes
                if any(
                    self.subheading_documents.contains(t, code_row)
                    or self.heading_documents.contains(t, heading_row)
                    for t in tokens(v)
                )
            ]
            candidates.append(
                Candidate(
                    code,
                    min(1.0, max(0.0, score)),
                    self.nomenclature.path(code),
                    shown,
                    words[:8],
                    used[:5],
                    notes.get(code_row, []),
                )
            )
        return Classification(candidates)


def _ordered_terms(product: ProductInput) -> list[str]:
    seen: list[str] = []
    for term in tokens(f"{product.text} {product.category_path_en} {product.category_path_zh}"):
        if term not in seen:
            seen.append(term)
    return seen


_default: HsClassifier | None = None


def default_classifier(settings: ClassifierSettings | None = None) -> HsClassifier:
    """The classifier over the shipped knowledge base (built once per process)."""
    global _default
    if _default is not None and settings is None:
        return _default
    from seaward.core.embeddings import embed

    entries = knowledge_entries()
    index = load_index([e.text for e in entries], knowledge_hash(entries), embed)
    classifier = HsClassifier(
        entries, index, embed, load_nomenclature(), settings, curated=CURATED_EXAMPLES
    )
    if settings is None:
        _default = classifier
    return classifier


def with_settings(classifier: HsClassifier, **changes: object) -> HsClassifier:
    """A classifier sharing the same knowledge and index with other settings."""
    settings = replace(classifier.settings, **changes)  # type: ignore[arg-type]
    clone = HsClassifier.__new__(HsClassifier)
    clone.__dict__.update(classifier.__dict__)
    clone.settings = settings
    clone._source_weight = clone._weights_of(clone.entries)
    return clone
