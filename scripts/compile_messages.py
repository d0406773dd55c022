"""Compile the .po catalogues to .mo with babel (no system gettext needed)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "seaward"


def main() -> int:
    for po_path in sorted(PACKAGE.glob("**/locale/*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        with po_path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        print(f"compiled {po_path.relative_to(PACKAGE)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
