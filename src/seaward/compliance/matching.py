"""Scoring a query against one listed name and one listed entity.

``compare_names`` is the name-versus-name score (0–100): tokens of both names are aligned
one to one (order-free, so "KHOROSHEV, Dmitry" = "Dmitry Khoroshev"), each pair scored
with rapidfuzz's OSA similarity raised by sound keys, unwritten vowels, given-name
equivalents, initials and prefixes; conflicting and unaligned tokens count against the
score; joined words and acronyms are checked on the side. ``score_entity`` adds the supporting
evidence: weak alias, entity type, country, date of birth, identifiers.
Every score comes with a per-feature explanation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from seaward.compliance.entities import Identifier, ListEntity
from seaward.compliance.given_names import same_given_name
from seaward.compliance.names import PARTICLES, NameForm, analyze, phonetic_key, sound_key

# The organization default: a hit scoring at least this opens an alert.
DEFAULT_ALERT_THRESHOLD = 80.0

PAIR_MIN_SIMILARITY = 0.5
EXTRA_TOKEN_COST = {"person": 0.45, "other": 0.6}
CONFLICT_PENALTY = 0.05
PHONETIC_FLOOR = 0.86
PHONETIC_MIN_SIMILARITY = 0.5
SHORT_TOKEN = 4
ABJAD_FLOOR = 0.8
GIVEN_NAME_FLOOR = 0.86
PREFIX_FLOOR = 0.72
INITIAL_SIMILARITY = 0.9
# Token similarity is mapped through a logistic curve: a typo (similarity ~0.85) stays
# close to a match, a different word of similar letters (~0.6) counts as a mismatch.
CURVE_MIDPOINT = 0.72
CURVE_STEEPNESS = 15.0
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ovych|ogly|oglu|uly|kyzy)$")


@dataclass(frozen=True, slots=True)
class Query:
    """What is screened: a name and optional facts about the party."""

    name: str
    entity_type: str | None = None
    country: str = ""  # alpha-2
    birth_date: str = ""  # "YYYY" or "YYYY-MM-DD"
    identifiers: tuple[Identifier, ...] = ()


@dataclass(slots=True)
class NameComparison:
    score: float  # 0-100
    features: dict[str, float | str] = field(default_factory=dict)


def _weight(token: str) -> float:
    if token in PARTICLES:
        return 0.3
    if len(token) == 1 or _PATRONYMIC.search(token):
        return 0.5
    return 1.0


def _curve(sim: float) -> float:
    if sim >= 1.0:
        return 1.0
    return 1.0 / (1.0 + math.exp(-(sim - CURVE_MIDPOINT) * CURVE_STEEPNESS))


def _dropped_letters(a: str, b: str) -> bool:
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    letters = iter(longer)
    return len(shorter) < len(longer) and all(ch in letters for ch in shorter)


@lru_cache(maxsize=200_000)
def token_similarity(a: str, b: str, key_a: str, key_b: str) -> float:
    """Similarity of two name tokens in [0, 1]."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_SIMILARITY if a[0] == b[0] else 0.0
    if a.isdigit() or b.isdigit():
        return 0.0
    sim = OSA.normalized_similarity(a, b)
    if same_given_name(a, b):
        sim = max(sim, GIVEN_NAME_FLOOR)
    # Same sound only counts for spellings that also look alike (Mahmood/Mahmoud,
    # Husayn/Hussein), not for any two names with the same consonants (Jason/Ihsan).
    # Short tokens keep their vowels: "Xi" = "Shi", but "Ying" is not "Yang".
    if min(len(a), len(b)) <= SHORT_TOKEN:
        if sound_key(a) == sound_key(b):
            sim = max(sim, PHONETIC_FLOOR)
    elif key_a == key_b and abs(len(a) - len(b)) <= 1 and sim >= PHONETIC_MIN_SIMILARITY:
        sim = max(sim, PHONETIC_FLOOR)
    if key_a == key_b and len(key_a) >= 2 and _dropped_letters(a, b):
        # Short vowels left unwritten (names from Arabic or Hebrew script: "mhmd" for
        # "mohammed"): same consonants, and one spelling is the other minus letters.
        sim = max(sim, ABJAD_FLOOR)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= 3 and longer.startswith(shorter):
        sim = max(sim, PREFIX_FLOOR)
    return sim


def _align(q: NameForm, c: NameForm) -> tuple[list[tuple[int, int, float]], list[int], list[int]]:
    pairs = []
    for i, (a, ka) in enumerate(zip(q.tokens, q.phonetic, strict=True)):
        for j, (b, kb) in enumerate(zip(c.tokens, c.phonetic, strict=True)):
            sim = token_similarity(a, b, ka, kb)
            if sim >= PAIR_MIN_SIMILARITY:
                # Ties go to the pair in the same position: repeated tokens align in order.
                pairs.append((sim, -abs(i - j), i, j))
    pairs.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    aligned = []
    for sim, _, i, j in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        aligned.append((i, j, sim))
    rest_q = [i for i in range(len(q.tokens)) if i not in used_q]
    rest_c = [j for j in range(len(c.tokens)) if j not in used_c]
    return aligned, rest_q, rest_c


_CONSONANTS_ONLY = re.compile(r"[b-df-hj-np-tv-z]{2,3}")
_SYLLABLES = frozenset({"ng", "hm"})  # whole names (Cantonese "Ng"), not initials


def _spread_initials(form: NameForm) -> NameForm | None:
    """The name with a run of 2–3 consonants read as initials, in a multi-word name."""
    # Initials show as capitals in a name written in mixed case ("JC Juncker"); in an
    # all-capitals name or a transliterated one ("hsn" for حسن) a cluster is not initials.
    original = form.original
    if len(form.tokens) < 2 or original.isupper() or not original.isascii():
        return None
    clusters = [
        t
        for t in form.tokens
        if _CONSONANTS_ONLY.fullmatch(t) and t not in _SYLLABLES and t.upper() in original.split()
    ]
    if not clusters:
        return None
    tokens: list[str] = []
    for token in form.tokens:
        tokens.extend(token if token in clusters else [token])
    return NameForm(
        form.original,
        tuple(tokens),
        form.legal,
        tuple(phonetic_key(t) for t in tokens),
        form.reordered,
    )


def _acronym(q: NameForm, c: NameForm) -> bool:
    """ "PLA" for "People's Liberation Army" (either way round)."""
    for short, long_ in ((q, c), (c, q)):
        if len(short.tokens) == 1 and 2 <= len(short.tokens[0]) <= 6 and len(long_.tokens) >= 2:
            initials = "".join(t[0] for t in long_.tokens if t not in PARTICLES)
            if short.tokens[0] == initials and len(initials) == len(short.tokens[0]):
                return True
    return False


@dataclass(slots=True)
class _Alignment:
    score: float
    q: NameForm
    c: NameForm
    aligned: list[tuple[int, int, float]]
    rest_q: list[int]
    rest_c: list[int]
    conflicts: int

    def features(self) -> dict[str, float | str]:
        pairs = "; ".join(
            f"{self.q.tokens[i]}{'=' if sim >= 1 else '~'}{self.c.tokens[j]} {round(sim * 100)}"
            for i, j, sim in sorted(self.aligned)
        )
        return {
            "tokens": round(max(self.score, 0.0) * 100, 1),
            "token_pairs": pairs,
            "conflicting_tokens": self.conflicts,
            "unmatched_query_tokens": " ".join(self.q.tokens[i] for i in self.rest_q),
            "unmatched_list_tokens": " ".join(self.c.tokens[j] for j in self.rest_c),
        }


def _token_score(q: NameForm, c: NameForm, person: bool) -> _Alignment:
    aligned, rest_q, rest_c = _align(q, c)
    matched = 0.0
    mass = 0.0
    conflicts = min(len(rest_q), len(rest_c))
    for i, j, sim in aligned:
        w = (_weight(q.tokens[i]) + _weight(c.tokens[j])) / 2
        value = _curve(sim)
        matched += w * value
        mass += w
        if value < 0.5:
            conflicts += 1
    extra_q = sum(_weight(q.tokens[i]) for i in rest_q)
    extra_c = sum(_weight(c.tokens[j]) for j in rest_c)
    mass += EXTRA_TOKEN_COST["person" if person else "other"] * (extra_q + extra_c)
    score = matched / mass if mass else 0.0
    score -= CONFLICT_PENALTY * conflicts
    return _Alignment(score, q, c, aligned, rest_q, rest_c, conflicts)


def compare_forms(
    q: NameForm, c: NameForm, entity_type: str | None = None, *, explain: bool = True
) -> NameComparison:
    """Name-versus-name score of two analyzed names (``explain`` fills the features)."""
    if not q.tokens or not c.tokens:
        return NameComparison(0.0, {"empty": 1.0})
    person = entity_type == "person"
    best = _token_score(q, c, person)
    # Hyphenated given names ("Chin-ping" / "Jinping"): also try them written as one word.
    if q.joined is not None or c.joined is not None:
        q_joined, c_joined = q.joined or q, c.joined or c
        for q_form, c_form in ((q_joined, c), (q, c_joined), (q_joined, c_joined)):
            if q_form is q and c_form is c:
                continue
            other = _token_score(q_form, c_form, person)
            if other.score > best.score:
                best = other
    # A person's initials written together ("JC Juncker" for "Jean-Claude Juncker").
    for a, swap in ((q, False), (c, True)) if person else ():
        spread = _spread_initials(a)
        if spread is not None:
            other = _token_score(c, spread, person) if swap else _token_score(spread, c, person)
            if other.score > best.score:
                best = other
    score = best.score
    extra: dict[str, float | str] = {}
    # Word joining and splitting ("AlisherUsmanov", "van der bilt"): compare without spaces.
    if q.compact and c.compact and len(q.tokens) != len(c.tokens):
        compact = Levenshtein.normalized_similarity(q.compact, c.compact)
        if compact >= 0.9:
            extra["joined"] = round(compact * 100, 1)
            score = max(score, compact * 0.97)
    if _acronym(q, c):
        extra["acronym"] = 1.0
        score = max(score, 0.85)
    features = {**best.features(), **extra} if explain else extra
    return NameComparison(round(max(0.0, min(1.0, score)) * 100, 1), features)


def compare_names(query: str, candidate: str, entity_type: str | None = None) -> NameComparison:
    """Name-versus-name score (0–100) of two raw names."""
    return compare_forms(analyze(query, entity_type), analyze(candidate, entity_type), entity_type)


WEAK_ALIAS_PENALTY = 10.0
TYPE_CONFLICT_PENALTY = 15.0
BIRTH_CONFLICT_PENALTY = 25.0
COUNTRY_CONFLICT_PENALTY = 5.0
COUNTRY_SUPPORT = 3.0
BIRTH_YEAR_SUPPORT = 3.0
BIRTH_DATE_SUPPORT = 6.0
IDENTIFIER_SUPPORT = 20.0
IDENTIFIER_CONFLICT_PENALTY = 10.0


def _birth_evidence(query_date: str, listed: tuple[str, ...]) -> tuple[float, str]:
    if not query_date or not listed:
        return 0.0, ""
    year = int(query_date[:4])
    if len(query_date) == 10 and query_date in listed:
        return BIRTH_DATE_SUPPORT, "same date of birth"
    years = {int(d[:4]) for d in listed if d[:4].isdigit()}
    if year in years:
        exact_other = [d for d in listed if len(d) == 10 and d[:4] == str(year)]
        if len(query_date) == 10 and exact_other:
            # Same year, another day: neither support nor a clear conflict.
            return 0.0, "same year of birth, another date"
        return BIRTH_YEAR_SUPPORT, "same year of birth"
    if any(abs(year - y) <= 1 for y in years):
        return 0.0, "year of birth within one year"
    return -BIRTH_CONFLICT_PENALTY, "different year of birth"


def _identifier_evidence(
    query_ids: tuple[Identifier, ...], listed: tuple[Identifier, ...]
) -> float:
    if not query_ids or not listed:
        return 0.0
    values = {i.value for i in listed}
    if any(q.value in values for q in query_ids):
        return IDENTIFIER_SUPPORT
    kinds = {(i.kind, i.country) for i in listed}
    if any((q.kind, q.country) in kinds for q in query_ids):
        return -IDENTIFIER_CONFLICT_PENALTY
    return 0.0


def score_entity(
    query: Query, entity: ListEntity, name: NameComparison, *, strong: bool
) -> tuple[float, dict[str, float | str]]:
    """Final 0–100 score of a hit: the name score moved by the supporting evidence."""
    explanation: dict[str, float | str] = {"name": name.score, **name.features}
    score = name.score
    if not strong:
        score -= WEAK_ALIAS_PENALTY
        explanation["weak_alias"] = -WEAK_ALIAS_PENALTY
    if query.entity_type and query.entity_type != entity.entity_type:
        persons = "person" in (query.entity_type, entity.entity_type)
        penalty = TYPE_CONFLICT_PENALTY if persons else TYPE_CONFLICT_PENALTY / 3
        score -= penalty
        explanation["type"] = -penalty
    if entity.entity_type == "person":
        delta, why = _birth_evidence(query.birth_date, entity.birth_dates)
        if why:
            score += delta
            explanation["birth_date"] = delta
            explanation["birth_date_note"] = why
    if query.country and entity.countries:
        delta = COUNTRY_SUPPORT if query.country in entity.countries else -COUNTRY_CONFLICT_PENALTY
        score += delta
        explanation["country"] = delta
    delta = _identifier_evidence(query.identifiers, entity.identifiers)
    if delta:
        score += delta
        explanation["identifier"] = delta
    return round(max(0.0, min(100.0, score)), 1), explanation
