"""Stored product vectors: embed each product text once (in a background task), reuse it.

Matching (``seaward.fair.matching``) asks an *embedder* for the vectors of the texts it
derives from each product. ``record_product_vectors`` runs the matcher's own preparation
on one product with a recording embedder and stores what it embedded, keyed by the text's
SHA-256; ``StoredEmbedder`` answers from those rows and embeds only what is missing (a
request's text, or a product changed since its task ran).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np

from seaward.catalog.models import Product as CatalogProduct
from seaward.core import embeddings
from seaward.fair import matching
from seaward.fair.models import ProductCertification, ProductVector

FloatArray = matching.FloatArray


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def primary_language(texts: dict[str, str]) -> str:
    """The language the exporter wrote in: Chinese, else English, else the first given."""
    for language in ("zh", "en"):
        if texts.get(language):
            return language
    return next(iter(texts), "en")


def matcher_product(
    product: CatalogProduct,
    *,
    key: str,
    exhibitor_id: str = "",
    moq: int | None = None,
    ships_to: Iterable[str] | None = None,
) -> matching.Product:
    """The catalog product as the matcher sees it: its original-language title and text."""
    language = primary_language(product.title or {})
    certifications = frozenset(
        ProductCertification.all_objects.filter(product=product).values_list("code", flat=True)
    )
    ships = frozenset(c.upper() for c in ships_to) if ships_to else None
    return matching.Product(
        id=key,
        title=(product.title or {}).get(language, "") or str(product),
        description=(product.description or {}).get(language, ""),
        exhibitor_id=exhibitor_id,
        moq=moq,
        certifications=frozenset(c.upper() for c in certifications),
        ships_to=ships,
    )


class StoredEmbedder:
    """An embedder that reads stored vectors first and embeds only the misses."""

    def __init__(self, stored: dict[str, bytes] | None = None) -> None:
        self._stored = dict(stored or {})
        self.misses = 0

    @classmethod
    def for_products(cls, product_ids: Iterable[int]) -> StoredEmbedder:
        rows = ProductVector.all_objects.filter(
            product_id__in=list(product_ids), model_name=embeddings.MODEL_NAME
        ).values_list("text_hash", "vector")
        return cls({h: bytes(v) for h, v in rows})

    def __call__(self, texts: Sequence[str]) -> FloatArray:
        out = np.zeros((len(texts), embeddings.DIMENSIONS), dtype=np.float32)
        missing: list[int] = []
        for i, text in enumerate(texts):
            blob = self._stored.get(text_hash(text))
            if blob is None:
                missing.append(i)
            else:
                out[i] = np.frombuffer(blob, dtype=np.float32)
        if missing:
            self.misses += len(missing)
            fresh = embeddings.embed([texts[i] for i in missing])
            for row, i in enumerate(missing):
                out[i] = fresh[row]
        return out


def record_product_vectors(product: CatalogProduct) -> int:
    """Embed and store every text the matcher derives from ``product``; returns how many."""
    captured: dict[str, bytes] = {}

    def recording(texts: Sequence[str]) -> FloatArray:
        vectors = np.asarray(embeddings.embed(list(texts)), dtype=np.float32)
        for text, vector in zip(texts, vectors, strict=True):
            captured[text_hash(text)] = vector.astype(np.float32).tobytes()
        return vectors

    matching.Catalog([matcher_product(product, key="p")], embedder=recording)
    ProductVector.all_objects.filter(product=product).exclude(text_hash__in=captured).delete()
    for digest, blob in captured.items():
        ProductVector.all_objects.update_or_create(
            product=product,
            text_hash=digest,
            defaults={
                "organization_id": product.organization_id,
                "vector": blob,
                "model_name": embeddings.MODEL_NAME,
            },
        )
    return len(captured)
