"""Benchmark of the sales context: render a 200-line commercial invoice as PDF (p50).

Runs against a throw-away SQLite database in a temporary folder: migrate, one exporter
with 200 catalog SKUs (English + Chinese titles), a 200-line quotation accepted into an
order, then the commercial invoice rendered in English and bilingual (English + Chinese)
several times. Writes benchmarks/results/sales.json.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("SALES_BENCH_RUNS", "7"))
LINES = 200


def main() -> int:
    data_dir = tempfile.mkdtemp(prefix="seaward-bench-sales-")
    os.environ["SEAWARD_DATA_DIR"] = data_dir
    os.environ.setdefault("SEAWARD_TESTING", "1")
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seaward.settings")
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from seaward.catalog import services as catalog
    from seaward.catalog.pricing import Tier
    from seaward.core.tenancy import activate
    from seaward.organizations.models import Organization, Party
    from seaward.sales import rendering, services

    exporter = Organization.objects.create(
        name="Bench Kitchenware", slug="bench", kind="exporter", country="CN"
    )
    with activate(exporter):
        buyer = Party.objects.create(name="Bench Buyer S.L.", is_buyer=True, country="ES")
        lines = []
        for n in range(LINES):
            product = catalog.product_create(
                actor=None,
                title={"en": f"Stainless steel pot model {n:03d}", "zh": f"不锈钢锅 型号{n:03d}"},
                hs_code="732393",
                origin_country="CN",
            )
            sku = catalog.sku_create(
                actor=None,
                product=product,
                code=f"SP-{n:03d}",
                units_per_carton=6,
                carton_length_cm=Decimal(50),
                carton_width_cm=Decimal(30),
                carton_height_cm=Decimal(30),
                carton_net_kg=Decimal("6.5"),
                carton_gross_kg=Decimal("7.2"),
                tiers=[Tier("EUR", Decimal(1), Decimal("7.35") + Decimal(n) / 100)],
            )
            lines.append(services.LineInput(quantity=Decimal(60 + n), sku_id=sku.pk))
        quotation = services.quotation_create(
            actor=None,
            buyer=buyer,
            currency="EUR",
            incoterm="CIF",
            named_place="ESVLC",
            named_place_name="Valencia",
            fx_rate=Decimal("7.8"),
            lines=lines,
        )
        quotation = services.quotation_send(actor=None, quotation=quotation)
        order = services.quotation_accept(actor=None, quotation=quotation)
        document = services.document_issue(actor=None, order=order, kind="commercial-invoice")
        results = {}
        for language in ("en", "bilingual"):
            rendering.document_pdf(document, language)  # warm-up: fonts, templates
            timings = []
            size = 0
            for _ in range(RUNS):
                started = time.perf_counter()
                pdf = rendering.document_pdf(document, language)
                timings.append(time.perf_counter() - started)
                size = len(pdf)
            results[language] = {
                "p50_seconds": round(statistics.median(timings), 3),
                "min_seconds": round(min(timings), 3),
                "max_seconds": round(max(timings), 3),
                "runs": RUNS,
                "pdf_bytes": size,
            }
    from importlib.metadata import version

    output = {
        "benchmark": "render a 200-line commercial invoice PDF (WeasyPrint, Noto Sans CJK)",
        "lines": LINES,
        "results": results,
        "weasyprint": version("weasyprint"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
    }
    out = HERE / "results" / "sales.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(output, indent=2) + "\n")
    print(json.dumps(output, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
