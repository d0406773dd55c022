import json
import re

import pytest

from seaward.cli import main


def run(capsys, *argv):
    status = main(["hs", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_contract_codes(codes):
    assert len(codes) == 5
    previous = 1.0
    for entry in codes:
        assert re.fullmatch(r"\d{6}", entry["code"])
        assert 0 <= entry["score"] <= previous
        previous = entry["score"]
        assert entry["path"][0]["code"] and entry["path"][-1]["code"] == entry["code"]
        assert all({"code", "description"} <= set(step) for step in entry["path"])


def test_classify_text_prints_one_json_object_following_the_contract(capsys):
    status, out, _ = run(capsys, "classify", "electric kettle", "--json")

    assert status == 0
    lines = out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert_contract_codes(result["codes"])
    assert result["codes"][0]["path"][1]["code"] == result["codes"][0]["code"][:2]
    assert "why" in result["codes"][0]


def test_classify_input_csv_prints_one_line_per_row_in_order(capsys, tmp_path):
    source = tmp_path / "products.csv"
    source.write_text(
        "id,text,attributes,category_path_en,category_path_zh,price\n"
        'b2,Stainless steel wok,"{""Material"": ""Steel""}",Home & Garden > Cookware,,12 USD\n'
        "a1,Cotton T-shirt for men,,Men's Clothing > Tops,男装 > 上衣,5 USD\n"
        "c3,蓝牙耳机,,,,\n",
        encoding="utf-8",
    )

    status, out, err = run(capsys, "classify", "--input", str(source), "--json")

    assert status == 0, err
    objects = [json.loads(line) for line in out.strip().splitlines()]
    assert [o["id"] for o in objects] == ["b2", "a1", "c3"]
    for o in objects:
        assert_contract_codes(o["codes"])


def test_classify_empty_text_fails_with_a_message_and_no_stdout(capsys):
    status, out, err = run(capsys, "classify", "   ", "--json")

    assert status != 0
    assert out == ""
    assert "empty" in err


def test_classify_row_with_empty_text_is_reported_and_others_still_answered(capsys, tmp_path):
    source = tmp_path / "products.csv"
    source.write_text("id,text\n1,\n2,electric kettle\n", encoding="utf-8")

    status, out, err = run(capsys, "classify", "--input", str(source), "--json")

    assert status == 1
    objects = [json.loads(line) for line in out.strip().splitlines()]
    assert objects[0]["id"] == "1" and "empty" in objects[0]["error"]
    assert_contract_codes(objects[1]["codes"])
    assert "line 2" in err


def test_classify_csv_without_text_column_is_rejected(capsys, tmp_path):
    source = tmp_path / "products.csv"
    source.write_text("id,title\n1,kettle\n", encoding="utf-8")

    status, out, err = run(capsys, "classify", "--input", str(source), "--json")

    assert status == 2 and out == "" and "id,text" in err


def test_classify_missing_input_file_is_a_clear_error(capsys, tmp_path):
    status, out, err = run(capsys, "classify", "--input", str(tmp_path / "nope.csv"), "--json")

    assert status == 2 and out == "" and "not found" in err


def test_lines_lists_national_extensions(capsys):
    status, out, _ = run(capsys, "lines", "8516.71", "--json")

    assert status == 0
    result = json.loads(out)
    assert result["subheading"] == "851671"
    assert any(line["code"] == "8516710020" for line in result["us"])


@pytest.mark.parametrize("code", ["0000.00", "77", "7777"])
def test_path_of_unknown_code_fails(capsys, code):
    status, out, err = run(capsys, "path", code, "--json")

    assert status == 2 and out == "" and "unknown" in err


def test_confirmed_classifications_file_changes_the_answer(capsys, tmp_path):
    confirmed = tmp_path / "confirmed.csv"
    confirmed.write_text("text,code\nZorbex QX-7 unit,8516.71\n", encoding="utf-8")

    status, out, err = run(
        capsys, "classify", "Zorbex QX-7 unit", "--confirmed", str(confirmed), "--json"
    )

    assert status == 0, err
    assert json.loads(out)["codes"][0]["code"] == "851671"


def test_confirmed_file_with_unknown_code_is_rejected(capsys, tmp_path):
    confirmed = tmp_path / "confirmed.csv"
    confirmed.write_text("text,code\nkettle,1234.56\n", encoding="utf-8")

    status, out, err = run(capsys, "classify", "kettle", "--confirmed", str(confirmed), "--json")

    assert status == 2 and out == "" and "unknown HS 2022 code" in err
