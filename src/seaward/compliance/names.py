"""Name normalization for screening: one comparable form for any way a name is written.

``analyze(text, entity_type)`` turns a raw name into a ``NameForm``: Latin lower-case
tokens without accents or punctuation, other scripts transliterated, "SURNAME, Given"
put in reading order, honorifics and legal forms (LLC, Ltd, 有限公司, OOO…) set apart,
number words as digits, dotted initials joined ("A.B.C." → "abc"), and a phonetic key
per token. Pure functions, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from seaward.compliance.scripts import transliterate

MAX_NAME_CHARS = 1000


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("|") if p.strip()]


_LEGAL_SINGLE = _words(
    """llc ltd limited inc incorporated corp corporation co company cos plc gmbh ag
    aktiengesellschaft sa sas sarl srl spa bv bvba nv oy oyj kg kgaa llp lp jsc ojsc cjsc pjsc
    oao zao pao ooo ao tov pte pvt bhd fzco fze fzc fzllc ltda cia sl slu sro kft zrt doo ead
    eood lda sae saog wll pty kk na gie se ohg ug sdn sp oo ab"""
)
_LEGAL_MULTI = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in _phrases(
                """joint stock company|open joint stock company|closed joint stock company|
            public joint stock company|limited liability company|limited liability partnership|
            public limited company|private limited company|private limited|company limited|
            gesellschaft mit beschrankter haftung|sp z oo|sp z o o|s de rl de cv|sa de cv|s de rl|
            obshchestvo s ogranichennoi otvetstvennostyu|
            obshchestvo s ogranichennoy otvetstvennostyu|aktsionernoe obshchestvo|
            otkrytoe aktsionernoe obshchestvo|zakrytoe aktsionernoe obshchestvo|
            publichnoe aktsionernoe obshchestvo|sociedad anonima|societe anonyme|sdn bhd|pte ltd|
            and co"""
            )
        ),
        key=len,
        reverse=True,
    )
)
# Words that name a kind of organization without being a legal form; enough to guess a type.
_ORG_WORDS = _words(
    """bank group holding holdings industries industry trading trade enterprise enterprises
    company corporation foundation association institute university ministry organization
    organisation agency establishment factory plant shipping airlines airline services
    international import export logistics technology technologies systems center centre
    office bureau fund trust partners investment investments petroleum oil gas energy"""
)
HONORIFICS = _words(
    """mr mrs ms miss mister dr prof sir madam mme mlle herr frau sheikh shaikh shaykh sheik
    haji hajji alhaj alhajj hadji mullah mulla maulvi maulavi mawlawi maulana qari general gen
    colonel col captain capt major brigadier lieutenant lt admiral hon rev eng"""
)
# Particles carry little identity: "al", "bin", "van der"…; they count for less in a score.
PARTICLES = _words(
    """al el bin bn ibn bint ben abu de da di del della der den van von la le du dos das y e the of
    and und et for in"""
)
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SPECIAL = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "þ": "th", "ð": "d"}
)
_APOSTROPHES = re.compile(r"['’‘`´ʻʼʿʾ]")
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.\s?){2,}(?:[^\W\d_](?![^\W\d_]))?")
_NON_WORD = re.compile(r"[^\w]+|_")


@dataclass(frozen=True)
class NameForm:
    """A name ready to compare: core tokens, the legal forms set apart, phonetic keys."""

    original: str
    tokens: tuple[str, ...]
    legal: tuple[str, ...]
    phonetic: tuple[str, ...]
    reordered: bool  # written "SURNAME, Given"
    joined: NameForm | None = None  # the same name with hyphenated parts written as one word

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def compact(self) -> str:
        return "".join(self.tokens)


def fold(text: str) -> str:
    """Lower-case Latin text without accents; other scripts transliterated."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text)
    # Twice: a letter with a diacritic unknown to the tables is known without it ("ヺ").
    for _ in range(2):
        text = transliterate(text).translate(_SPECIAL)
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_SPECIAL)
        if text.isascii():
            break
    return text


def _number_words(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in _TENS:
            value = _TENS[tok]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in _UNITS and _UNITS[nxt] < 10:
                value += _UNITS[nxt]
                i += 1
            elif nxt.isdigit() and len(nxt) == 1:
                value += int(nxt)
                i += 1
            out.append(str(value))
        elif tok in _UNITS:
            out.append(str(_UNITS[tok]))
        else:
            out.append(tok)
        i += 1
    return out


def tokenize(text: str) -> list[str]:
    """Folded tokens of a raw string (no reordering, nothing removed)."""
    folded = fold(text)
    folded = _APOSTROPHES.sub("", folded).replace("&", " and ")
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", folded)
    return [t for t in _NON_WORD.split(folded) if t]


_LONG_LEGAL = ("aktiengesellschaft", "incorporated", "corporation", "gesellschaft", "limited")


def _is_legal(token: str) -> bool:
    """A legal form, allowing a typo in the long ones ("Aktiengeselschaft")."""
    if token in _LEGAL_SINGLE:
        return True
    if len(token) < 7:
        return False
    return any(Levenshtein.distance(token, form, score_cutoff=2) <= 2 for form in _LONG_LEGAL)


_PHRASE_HEADS = frozenset(phrase[0] for phrase in _LEGAL_MULTI)


def _strip_phrase(core: list[str], anywhere: bool) -> str | None:
    if not any(t in _PHRASE_HEADS for t in core):
        return None
    for phrase in _LEGAL_MULTI:
        n = len(phrase)
        if len(core) <= n:
            continue
        starts = range(len(core) - n + 1) if anywhere else (0, len(core) - n)
        for start in starts:
            if tuple(core[start : start + n]) == phrase:
                del core[start : start + n]
                return " ".join(phrase)
    return None


def _strip_legal(tokens: list[str], entity_type: str | None) -> tuple[list[str], list[str]]:
    """Legal forms set apart: anywhere in an organization's name, at the ends of others.

    Two-letter forms ("Na", "Sa", "Co"…) are also parts of personal names: a person's name
    keeps them, a name of unknown type loses them only at its ends.
    """
    organization = entity_type in ("organization", "vessel", "aircraft")
    person = entity_type == "person"
    legal: list[str] = []
    core = list(tokens)
    while len(core) > 1:
        phrase = _strip_phrase(core, anywhere=not person)
        if phrase is not None:
            legal.append(phrase)
            continue
        ends = (0, len(core) - 1)

        def strippable(p: int, ends: tuple[int, int] = ends) -> bool:
            if not _is_legal(core[p]):
                return False
            if organization:
                return True
            if person:
                return p in ends and len(core[p]) > 2
            return p in ends or len(core[p]) > 2

        found = next((p for p in range(len(core)) if strippable(p)), None)
        if found is None:
            break
        legal.append(core.pop(found))
    return core, legal


def looks_like_organization(text: str) -> bool:
    """A guess for lists without a type column: legal form or organization word present."""
    tokens = tokenize(text)
    return any(t in _LEGAL_SINGLE or t in _ORG_WORDS for t in tokens) or len(tokens) > 6


_PHONETIC_STEPS = (
    ("sch", "s"), ("tch", "c"), ("sh", "s"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("dh", "d"), ("ck", "k"), ("ch", "c"), ("dj", "j"),
    ("dzh", "j"), ("ts", "s"), ("tz", "s"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
)  # fmt: skip
_PHONETIC_LETTERS = str.maketrans({"q": "k", "x": "s", "z": "s", "w": "v", "y": "i", "j": "i"})
_SOFT_C = re.compile(r"c(?=[ei])")
_TAIL_VOWELS = re.compile(r"[aeiou]")
_SILENT_H = re.compile(r"(?<=[aeiou])h(?![aeiou])")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def phonetic_key(token: str) -> str:
    """A coarse sound key (consonant skeleton) that tolerates common transcription variants."""
    if not token or token.isdigit():
        return token
    key = token
    for src, dst in _PHONETIC_STEPS:
        if src in key:
            key = key.replace(src, dst)
    key = key.translate(_PHONETIC_LETTERS)
    if key.startswith("hs"):
        key = key[1:]
    key = _SILENT_H.sub("", _SOFT_C.sub("s", key).replace("c", "k"))
    head = "a" if key[0] in "aeiou" else key[0]
    return _REPEATS.sub(r"\1", head + _TAIL_VOWELS.sub("", key[1:]))


@lru_cache(maxsize=100_000)
def sound_key(token: str) -> str:
    """Consonants unified like ``phonetic_key`` but vowels kept: for short tokens ("Xi"/"Shi")."""
    key = token
    for src, dst in _PHONETIC_STEPS:
        if src in key:
            key = key.replace(src, dst)
    key = key.translate(_PHONETIC_LETTERS)
    if key.startswith("hs"):
        key = key[1:]
    return _REPEATS.sub(r"\1", _SILENT_H.sub("", _SOFT_C.sub("s", key).replace("c", "k")))


def _reorder(raw: str, entity_type: str | None) -> tuple[str, bool]:
    """Put "SURNAME, Given" in reading order when the name is a person's."""
    if raw.count(",") != 1 or entity_type not in (None, "", "person"):
        return raw, False
    head, tail = (part.strip() for part in raw.split(","))
    tail_tokens = tokenize(tail)
    if not head or not tail_tokens or len(tail_tokens) > 5:
        return raw, False
    if any(t in _LEGAL_SINGLE for t in tail_tokens) or tail_tokens[0] in ("jr", "sr", "ii", "iii"):
        return raw, False
    return f"{tail} {head}", True


@lru_cache(maxsize=200_000)
def analyze(text: str, entity_type: str | None = None) -> NameForm:
    """The comparable form of a name (``entity_type`` decides reordering and legal forms)."""
    raw = " ".join(text.split())[:MAX_NAME_CHARS]
    ordered, reordered = _reorder(raw, entity_type)
    joined = None
    if re.search(r"[^\W\d_]-[^\W\d_]", ordered):
        joined = _form(
            raw, re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", "", ordered), reordered, entity_type, None
        )
    return _form(raw, ordered, reordered, entity_type, joined)


def _form(
    raw: str, ordered: str, reordered: bool, entity_type: str | None, joined: NameForm | None
) -> NameForm:
    tokens = _number_words(tokenize(ordered))
    core, legal = _strip_legal(tokens, entity_type or None)
    if entity_type in (None, "", "person"):
        while len(core) > 1 and core[0] in HONORIFICS:
            core.pop(0)
    if not core:
        core = tokens
    return NameForm(
        original=raw,
        tokens=tuple(core),
        legal=tuple(legal),
        phonetic=tuple(phonetic_key(t) for t in core),
        reordered=reordered,
        joined=joined,
    )


def normalize(text: str, entity_type: str | None = None) -> str:
    """The normalized text of a name: its core tokens joined by single spaces."""
    return analyze(text, entity_type).text


def encode_form(form: NameForm) -> str:
    """A compact string of an analyzed name, for a cached index: "tokens|keys|legal|joined"."""
    parts = [
        " ".join(form.tokens),
        " ".join(form.phonetic),
        " ".join(form.legal),
        "1" if form.reordered else "",
    ]
    if form.joined is not None:
        parts += [" ".join(form.joined.tokens), " ".join(form.joined.phonetic)]
    return "|".join(parts)


def decode_form(original: str, row: str) -> NameForm:
    """The ``NameForm`` of ``encode_form``."""
    parts = row.split("|")
    joined = None
    if len(parts) > 4:
        joined = NameForm(
            original, tuple(parts[4].split()), (), tuple(parts[5].split()), bool(parts[3])
        )
    return NameForm(
        original=original,
        tokens=tuple(parts[0].split()),
        legal=tuple(parts[2].split()) if parts[2] else (),
        phonetic=tuple(parts[1].split()),
        reordered=bool(parts[3]),
        joined=joined,
    )
