"""Transliteration of non-Latin scripts to Latin letters, for name comparison only.

Tables follow common romanizations (BGN/PCGN-like for Cyrillic, a consonant-faithful
scheme for Arabic/Persian, Revised Romanization for Hangul, Hepburn for kana, pinyin for
Chinese through pypinyin). They aim at names that compare well with how the lists spell
them, not at a reversible transliteration.
"""

from __future__ import annotations

import re
import unicodedata


def _syllables(text: str) -> list[str]:
    return text.split()


_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "қ": "k", "ғ": "g", "ү": "u",
    "ұ": "u", "ң": "n", "ө": "o", "һ": "h", "ә": "a",
}  # fmt: skip
_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b",
    "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "u", "ي": "i",
    "ى": "a", "پ": "p", "چ": "ch", "ژ": "zh", "ک": "k", "گ": "g", "ی": "i", "ۀ": "e", "ە": "e",
    "َ": "a", "ُ": "u", "ِ": "i", "ّ": "", "ْ": "", "ً": "", "ٌ": "", "ٍ": "", "ـ": "",
}  # fmt: skip
_HEBREW = {
    "א": "a", "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "v", "ז": "z", "ח": "kh", "ט": "t",
    "י": "y", "כ": "k", "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s",
    "ע": "", "פ": "p", "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k", "ר": "r", "ש": "sh", "ת": "t",
}  # fmt: skip
_KANA = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
        "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポァィゥェォャュョッー・",
        _syllables(
            "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he "
            "ho ma mi mu me mo ya yu yo ra ri ru re ro wa o n ga gi gu ge go za ji zu ze zo da ji "
            "zu de do ba bi bu be bo pa pi pu pe po a i u e o ~ya ~yu ~yo _ - ."
        ),
        strict=True,
    )
) | {"ー": "", "・": " "}
_HANGUL_INITIAL = _syllables("g kk n d tt r m b pp s ss _ j jj ch k t p h")
_HANGUL_MEDIAL = _syllables("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i")
_HANGUL_FINAL = ["", *_syllables("k k k n n n t l k m l l l p l m p p t t ng t t k t p t")]

_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])ال(?=[\u0600-\u06ff]{2,})")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAN_LEGAL = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|株式会社|有限会社|公司)$")


def _hangul(ch: str) -> str:
    code = ord(ch) - 0xAC00
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    head = _HANGUL_INITIAL[initial].replace("_", "")
    return head + _HANGUL_MEDIAL[medial] + _HANGUL_FINAL[final]


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_run_start(text: str, index: int) -> bool:
    return index == 0 or not _is_hangul(text[index - 1])


def _hangul_run_length(text: str, index: int) -> int:
    end = index
    while end < len(text) and _is_hangul(text[end]):
        end += 1
    return end - index


def _han_run(run: str) -> str:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(run)
    # A 2-4 character run is most often a personal name: surname, then the given name
    # written as one word, the way the lists print Chinese names ("Xi Jinping").
    if 2 <= len(syllables) <= 3:
        return f" {syllables[0]} {''.join(syllables[1:])} "
    return " " + "".join(syllables) + " "


def has_non_latin(text: str) -> bool:
    return any(ord(ch) > 0x024F for ch in text)


def transliterate(text: str) -> str:
    """Latin letters for Cyrillic, Greek, Arabic, Persian, Hebrew, Hangul, kana and Han."""
    if not has_non_latin(text):
        return text
    text = _HAN_LEGAL.sub(" 有限公司", text) if _HAN.search(text) else text
    text = text.replace("有限公司", " ltd ")
    text = _HAN.sub(lambda m: _han_run(m.group(0)), text)
    # The Arabic article is written joined ("الفتاح"); lists write it apart ("al-Fattah").
    text = _ARABIC_ARTICLE.sub("ال ", text)
    out: list[str] = []
    for index, ch in enumerate(text):
        low = ch.lower()
        if "\u0370" <= low <= "\u03ff" or "\u1f00" <= low <= "\u1fff":
            # Accented Greek letters: transliterate the base letter.
            low = unicodedata.normalize("NFD", low)[0]
        if low in _CYRILLIC:
            out.append(_CYRILLIC[low])
        elif low in _GREEK:
            out.append(_GREEK[low])
        elif ch in _ARABIC:
            out.append(_ARABIC[ch])
        elif ch in _HEBREW:
            out.append(_HEBREW[ch])
        elif ch in _KANA:
            out.append(_KANA[ch])
        elif _is_hangul(ch):
            out.append(_hangul(ch))
            if _is_run_start(text, index) and 1 < _hangul_run_length(text, index) <= 4:
                out.append(" ")
        else:
            out.append(ch)
    result = "".join(out)
    # Kana: the small tsu doubles the next consonant, the long mark lengthens nothing here.
    result = re.sub(r"_(\w)", r"\1\1", result).replace("_", "")
    # Small ya/yu/yo fuse with the syllable before: ジョ = "jo", キョ = "kyo".
    result = re.sub(r"(sh|ch|j)i~y", r"\1", result)
    result = re.sub(r"i~y", "y", result).replace("~", "")
    return result
