"""``seaward fair reindex``: embed every product on show again and store its vectors.

Progress goes to stderr (a bar, or one line per 10 % when stderr is not a terminal); the
summary is one JSON line on stdout. Wire it from ``seaward.fair.commands.register`` with
``reindex_cli.register(fair_sub)``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def register(fair_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = fair_subparsers.add_parser(
        "reindex",
        help="re-embed the products on show (after a model change or a bulk import)",
        description="Embeds every product put on show at any event and stores its vectors.",
    )
    parser.add_argument("--event", type=int, default=None, help="only this event's products")
    parser.set_defaults(func=_reindex)


def _progress(done: int, total: int, started: float) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
            f"{time.monotonic() - started:.0f}s"
        )
        if done == total:
            sys.stderr.write("\n")
    elif done and (done == total or done % max(total // 10, 1) == 0):
        sys.stderr.write(f"reindex: {done}/{total}\n")
    sys.stderr.flush()


def _reindex(args: argparse.Namespace) -> int:
    if args.event is not None and not 0 < args.event < 2**63:
        print("seaward fair reindex: error: --event must be a positive id", file=sys.stderr)
        return 2
    from seaward.cli import django_setup

    django_setup()
    from seaward.catalog.models import Product
    from seaward.fair.embedding_store import record_product_vectors
    from seaward.fair.models import ShowProduct

    shows = ShowProduct.all_objects.all()
    if args.event is not None:
        shows = shows.filter(exhibitor__event_id=args.event)
    product_ids = sorted(set(shows.values_list("product_id", flat=True)))
    started = time.monotonic()
    vectors = 0
    _progress(0, len(product_ids), started)
    for done, product in enumerate(
        Product.all_objects.filter(pk__in=product_ids).order_by("pk").iterator(), start=1
    ):
        vectors += record_product_vectors(product)
        _progress(done, len(product_ids), started)
    print(
        json.dumps(
            {
                "products": len(product_ids),
                "vectors": vectors,
                "seconds": round(time.monotonic() - started, 3),
            }
        )
    )
    return 0
