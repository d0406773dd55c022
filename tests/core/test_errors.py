from seaward.core.errors import Conflict, IllegalTransition, InvalidInput, NotFound


def test_errors_carry_stable_codes_statuses_and_one_shape():
    error = IllegalTransition(params={"current": "draft", "target": "shipped"})
    assert (error.code, error.http_status) == ("illegal_transition", 409)
    assert isinstance(error, Conflict)
    assert error.as_dict() == {
        "code": "illegal_transition",
        "message": "Cannot move from draft to shipped.",
        "field": None,
        "details": {},
    }
    assert NotFound().http_status == 404
    assert InvalidInput("Bad %(what)s.", field="x", params={"what": "x"}).message == "Bad x."


def test_message_is_translated_before_interpolation():
    error = InvalidInput("Unknown country: %(code)s.", params={"code": "XX"})
    catalogue = {"Unknown country: %(code)s.": "未知国家：%(code)s。"}
    assert error.render(lambda text: catalogue.get(text, text)) == "未知国家：XX。"
