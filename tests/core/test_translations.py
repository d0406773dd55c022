"""Every message of the back office has a real Simplified Chinese translation."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "seaward"
CATALOGUES = sorted(PACKAGE.glob("**/locale/*/LC_MESSAGES/django.po"))
CHINESE = [path for path in CATALOGUES if "/zh_Hans/" in path.as_posix()]


def _read(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("path", CHINESE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_message_is_translated_into_chinese(path):
    catalog = _read(path)
    missing = [
        m.id
        for m in catalog
        if m.id
        and ("fuzzy" in m.flags or not (m.string if isinstance(m.string, str) else all(m.string)))
    ]
    assert missing == []


@pytest.mark.parametrize("path", CHINESE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_chinese_translations_are_not_english_copies(path):
    # A copy is only acceptable for codes and bare placeholders ("SKU", "%(message)s").
    def has_words(text: str) -> bool:
        return re.search(r"[a-z]{3,}", re.sub(r"%\([^)]*\)[sd]", "", text)) is not None

    copies = [
        m.id
        for m in _read(path)
        if m.id and isinstance(m.id, str) and m.string == m.id and has_words(m.id)
    ]
    assert copies == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_compiled_catalogues_match_their_sources(path):
    from io import BytesIO

    from babel.messages.mofile import write_mo

    compiled = BytesIO()
    write_mo(compiled, _read(path), use_fuzzy=False)
    mo = path.with_suffix(".mo")
    assert mo.read_bytes() == compiled.getvalue(), f"run `make messages` ({path})"
