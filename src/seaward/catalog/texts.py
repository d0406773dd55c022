"""Multilingual texts of catalog entries: ``{language: text}`` maps. Pure Python.

Languages are stored by their base code (``en``, ``zh``, ``es``, ``ar`` …) so that a
Django language such as ``zh-hans`` and a buyer's ``zh`` find the same text.
"""

from __future__ import annotations

from collections.abc import Mapping

FALLBACK_ORDER = ("en", "zh", "es")


def base_language(code: str) -> str:
    """``zh-hans`` → ``zh``, ``es-ES`` → ``es``, ``EN`` → ``en``."""
    return code.strip().lower().replace("_", "-").split("-", 1)[0]


def clean_texts(texts: Mapping[str, str] | None) -> dict[str, str]:
    """Texts keyed by base language, stripped, without empty entries."""
    cleaned: dict[str, str] = {}
    for language, text in (texts or {}).items():
        # NUL cannot be stored in PostgreSQL text or JSON; it is never meaningful here.
        value = str(text or "").replace("\x00", "").strip()
        key = base_language(str(language).replace("\x00", ""))
        if value and key:
            cleaned[key] = value
    return cleaned


def pick(texts: Mapping[str, str] | None, language: str) -> str:
    """The text in ``language``, else English, Chinese, Spanish, else any; '' when none."""
    if not texts:
        return ""
    wanted = base_language(language) if language else ""
    if wanted and texts.get(wanted):
        return texts[wanted]
    for fallback in FALLBACK_ORDER:
        if texts.get(fallback):
            return texts[fallback]
    return next((text for text in texts.values() if text), "")
