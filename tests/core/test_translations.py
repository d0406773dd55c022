"""Every message of the back office has a real Simplified Chinese translation."""

from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "src" / "seaward" / "locale"


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle)


def test_every_message_is_translated_into_chinese():
    missing = [m.id for m in _catalog("zh_Hans") if m.id and not (
        m.string if isinstance(m.string, str) else all(m.string))]
    assert missing == []


def test_chinese_translations_are_not_english_copies():
    copies = [m.id for m in _catalog("zh_Hans") if m.id and isinstance(m.id, str)
              and m.string == m.id and any(c.isalpha() for c in m.id)
              and m.id not in {"SWIFT/BIC"}]
    assert copies == []


def test_compiled_catalogues_match_their_sources():
    from io import BytesIO

    from babel.messages.mofile import write_mo

    for language in ("zh_Hans", "es"):
        compiled = BytesIO()
        write_mo(compiled, _catalog(language), use_fuzzy=False)
        mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
        assert mo.read_bytes() == compiled.getvalue(), f"run `make messages` ({language})"
