"""Build the shipped embedding index of the HS knowledge base.

Run ``python -m seaward.customs.hs_index_build`` after the reference data or the
knowledge-base rules change; it embeds every knowledge text (or reuses the cache)
and writes ``src/seaward/customs/hs_index.npz``: a PCA projection and int8
vectors, ~12 MB, so that a fresh install classifies without minutes of
embedding first. The file records the knowledge digest; a stale file is ignored.
"""

from __future__ import annotations

import argparse
import sys

from seaward.customs.hs_index import SHIPPED_INDEX, load_index, write_compact
from seaward.customs.hs_knowledge import knowledge_entries, knowledge_hash

DEFAULT_DIMS = 256


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=DEFAULT_DIMS, help="PCA dimensions kept")
    args = parser.parse_args(argv)
    entries = knowledge_entries()
    digest = knowledge_hash(entries)
    if SHIPPED_INDEX.exists():
        SHIPPED_INDEX.unlink()  # rebuild from the full-precision matrix, not from itself
    index = load_index([e.text for e in entries], digest)
    write_compact(SHIPPED_INDEX, index.vectors, digest, args.dims)
    size = SHIPPED_INDEX.stat().st_size / 1e6
    print(
        f"wrote {SHIPPED_INDEX} ({len(entries)} texts, {args.dims} dims, {size:.1f} MB)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
