from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.compliance.entities import EntityName, Identifier, ListEntity
from seaward.compliance.matching import (
    DEFAULT_ALERT_THRESHOLD,
    Query,
    compare_names,
    score_entity,
)

T = DEFAULT_ALERT_THRESHOLD


def score(a: str, b: str, entity_type: str | None = None) -> float:
    return compare_names(a, b, entity_type).score


def test_surname_given_form_equals_reading_order():
    assert score("Dmitry Khoroshev", "KHOROSHEV, Dmitry", "person") == 100
    assert score("SALEK, ABDULHAI", "ABDULHAI SALEK") == 100


def test_typos_and_transcriptions_still_match():
    assert score("Alexander Luakshenko", "Alexander Lukashenko", "person") >= T
    assert score("Mohamed bin Salman", "Mohammed bin Salman", "person") >= T
    assert score("Mahmood Ahmadinezhad", "Mahmoud Ahmadinejad", "person") >= T
    assert score("Wladimir Putin", "Vladimir Putin", "person") >= T
    assert score("Exxor Mobil Corporation", "Exxon Mobil Corporation", "organization") >= T


def test_joined_and_split_words_match():
    assert score("AlisherUsmanov", "Alisher Usmanov", "person") >= T
    assert score("vanderbilt corp", "van der bilt corp", "organization") >= T


def test_different_people_with_a_shared_name_do_not_match():
    assert score("Daniel Tusk", "Donald Tusk", "person") < T
    assert score("Boris Abramovich", "Roman Abramovich", "person") < T
    assert score("ABDUL LATIF NOORI", "ABDUL LATIF MANSUR", "person") < T
    assert score("Volkswagen Aktiengesellschaft", "Siemens Aktiengesellschaft") < T


def test_initials_match_only_their_own_letter():
    same = score("Hans J Friedrich", "Hans Joachim Friedrich", "person")
    other = score("Hans O Friedrich", "Hans Joachim Friedrich", "person")
    assert same >= T > other
    assert score("JC Juncker", "Jean-Claude Juncker", "person") >= T
    assert score("Ng Wai Kit", "Nathan Gerald Wai Kit", "person") < T


def test_cross_script_names_compare():
    assert score("Ротенберг Аркадий", "Arkadii Romanovich Rotenberg", "person") >= T
    assert score("Barack Obama", "バラク・オバマ", "person") >= T


def test_given_names_in_other_languages_match():
    assert score("John Doe", "Juan Doe", "person") >= T
    assert score("Bill Gates", "William Gates", "person") >= T
    assert score("Paul Murphy", "Pol Pot", "person") < T


def test_names_written_without_vowels_match_their_consonants():
    assert score("محمد علي", "Mohammed Ali", "person") >= T
    assert score("Putin", "Potanin", "person") < T


def test_acronym_of_an_organization():
    assert score("PLA", "People's Liberation Army", "organization") >= T


def test_explanation_names_the_features():
    result = compare_names("Alexandr Lukashnko", "Alexander Lukashenko", "person")
    assert {"tokens", "token_pairs", "unmatched_query_tokens"} <= set(result.features)
    assert "lukashnko~lukashenko" in str(result.features["token_pairs"])


def _person(**kwargs) -> ListEntity:
    defaults = {
        "list_id": "un_sc",
        "entity_id": "QDi.001",
        "entity_type": "person",
        "names": (EntityName("IVAN PETROV"),),
    }
    return ListEntity(**(defaults | kwargs))


def _final(query: Query, entity: ListEntity, strong: bool = True) -> float:
    name = compare_names(query.name, entity.names[0].text, entity.entity_type)
    return score_entity(query, entity, name, strong=strong)[0]


def test_birth_date_raises_or_lowers():
    entity = _person(birth_dates=("1970-03-01",))
    plain = _final(Query("Ivan Petrof", "person"), entity)
    assert _final(Query("Ivan Petrof", "person", birth_date="1970-03-01"), entity) > plain
    assert _final(Query("Ivan Petrof", "person", birth_date="1970"), entity) > plain
    assert _final(Query("Ivan Petrof", "person", birth_date="1971"), entity) == plain
    assert _final(Query("Ivan Petrof", "person", birth_date="1988-05-05"), entity) < T <= plain


def test_country_supports_or_conflicts():
    entity = _person(countries=("RU",))
    plain = _final(Query("Ivan Petrof"), entity)
    assert _final(Query("Ivan Petrof", country="RU"), entity) > plain
    assert _final(Query("Ivan Petrof", country="BR"), entity) < plain


def test_identifiers_raise_and_conflicting_ones_lower():
    entity = _person(identifiers=(Identifier("passport", "AB123456", "RU"),))
    weak_name = Query("Ivan Petrof")
    plain = _final(weak_name, entity)
    same = Query("Ivan Petrof", identifiers=(Identifier("passport", "AB123456", "RU"),))
    other = Query("Ivan Petrof", identifiers=(Identifier("passport", "ZZ999999", "RU"),))
    assert _final(same, entity) > plain > _final(other, entity)


def test_weak_alias_and_type_conflict_lower_the_score():
    entity = _person()
    plain = _final(Query("Ivan Petrov"), entity)
    assert _final(Query("Ivan Petrov"), entity, strong=False) < plain
    assert _final(Query("Ivan Petrov", "vessel"), entity) < plain


names = st.text(alphabet=st.characters(categories=("L", "Nd", "Zs", "Pd", "Po")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(names, names)
def test_score_is_bounded_and_nearly_symmetric(a, b):
    ab, ba = score(a, b), score(b, a)
    assert 0 <= ab <= 100
    assert abs(ab - ba) <= 5


@settings(deadline=None)  # the first call loads pypinyin's dictionary
@given(names)
def test_a_name_matches_itself(a):
    result = compare_names(a, a)
    assert result.score == 100 or "empty" in result.features
