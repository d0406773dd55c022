from __future__ import annotations

import json
from pathlib import Path

import pytest

from seaward.cli import main
from seaward.compliance import index as index_module
from seaward.compliance.index import ScreeningIndex
from seaward.compliance.matching import DEFAULT_ALERT_THRESHOLD

HIT_KEYS = {"list", "entity_id", "name", "matched_name", "score", "alert", "explanation"}


@pytest.fixture(autouse=True)
def _small_lists(monkeypatch, small_index: ScreeningIndex):
    monkeypatch.setattr(index_module, "shipped_index", lambda: small_index)


def run(capsys, *argv: str) -> tuple[int, list[dict], str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_screen_one_name_prints_the_contract(capsys):
    status, lines, _ = run(capsys, "screen", "SALEK, ABDULHAI", "--country", "Afghanistan",
                           "--type", "person", "--birth-date", "1965", "--json")  # fmt: skip
    assert status == 0 and len(lines) == 1
    result = lines[0]
    assert result["query"]["country"] == "AF" and result["query"]["type"] == "person"
    first = result["hits"][0]
    assert set(first) >= HIT_KEYS
    assert (first["list"], first["entity_id"], first["alert"]) == ("un_sc", "TAi.108", True)
    assert 0 <= first["score"] <= 100 and isinstance(first["explanation"], dict)
    scores = [h["score"] for h in result["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_screen_batch_keeps_input_order(capsys, tmp_path: Path):
    path = tmp_path / "in.csv"
    path.write_text(
        "id,name,country,type,birth_date\n"
        "b,Zzyzx Qwerty,,person,\n"
        'a,"KHOROSHEV, Dmitry",RU,person,1993-04-17\n'
        "c,ADF,,organization,\n",
        encoding="utf-8",
    )
    status, lines, _ = run(capsys, "screen", "--input", str(path), "--json")
    assert status == 0
    assert [line["id"] for line in lines] == ["b", "a", "c"]
    assert lines[0]["hits"] == []
    assert lines[1]["hits"][0]["entity_id"] == "48603" and lines[1]["hits"][0]["alert"]
    assert all(set(h) >= HIT_KEYS for line in lines for h in line["hits"])


def test_batch_in_two_processes_gives_the_same_lines_in_order(capsys, tmp_path: Path):
    path = tmp_path / "in.csv"
    rows = ["SALEK, ABDULHAI", "Zzyzx Qwerty", "KHOROSHEV, Dmitry", "ADF"] * 300
    path.write_text("id,name\n" + "".join(f'{i},"{n}"\n' for i, n in enumerate(rows)))
    status, one, _ = run(capsys, "screen", "--input", str(path), "--json", "--workers", "1")
    status_two, two, _ = run(capsys, "screen", "--input", str(path), "--json", "--workers", "2")
    assert status == status_two == 0
    assert [line["id"] for line in two] == [str(i) for i in range(len(rows))]
    assert one == two


def test_batch_keeps_the_year_of_an_impossible_date(capsys, tmp_path: Path):
    path = tmp_path / "in.csv"
    path.write_text("id,name,country,type,birth_date\n1,ABDULHAI SALEK,AF,person,1965-02-30\n")
    status, lines, _ = run(capsys, "screen", "--input", str(path), "--json")
    assert status == 0 and lines[0]["hits"][0]["explanation"]["birth_date"] > 0


def test_compare_prints_score_and_match_per_pair(capsys, tmp_path: Path):
    path = tmp_path / "pairs.csv"
    path.write_text(
        'id,query,candidate,type\n1,Dmitry Khoroshev,"KHOROSHEV, Dmitry",person\n'
        "2,Daniel Tusk,Donald Tusk,person\n3,Siemens AG,Siemens Aktiengesellschaft,\n",
        encoding="utf-8",
    )
    status, lines, _ = run(capsys, "screen", "compare", "--input", str(path), "--json")
    assert status == 0
    assert [(line["id"], line["match"]) for line in lines] == [
        ("1", True),
        ("2", False),
        ("3", True),
    ]
    for line in lines:
        assert line["match"] is (line["score"] >= DEFAULT_ALERT_THRESHOLD)


def test_a_party_named_compare_can_still_be_screened(capsys):
    status, lines, _ = run(capsys, "screen", "--name", "compare", "--json")
    assert status == 0 and lines[0]["query"]["name"] == "compare"


@pytest.mark.parametrize(
    "argv",
    [
        ["screen", "", "--json"],
        ["screen", "   ", "--json"],
        ["screen", "x" * 10_000_000, "--json"],
        ["screen", "Ivan \udcff", "--json"],
        ["screen", "Ivan\x00Petrov", "--json"],
        ["screen", "Ivan", "--birth-date", "1990-02-30", "--json"],
        ["screen", "Ivan", "--birth-date", "90", "--json"],
        ["screen", "Ivan", "--type", "spaceship", "--json"],
        ["screen", "Ivan", "--country", "Atlantis", "--json"],
        ["screen", "Ivan", "--threshold", "150", "--json"],
        ["screen", "--json"],
        ["screen", "compare", "--json"],
    ],
)
def test_bad_single_input_fails_cleanly(capsys, argv):
    status, lines, err = run(capsys, *argv)
    assert status != 0 and lines == []
    assert "seaward screen: error:" in err


def _csv(tmp_path: Path, content: bytes) -> str:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    return str(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,name\n1,Société Générale\n".encode("latin-1"), "line 2: not UTF-8"),
        ("id,name\n1,Ivan\n".encode("utf-16"), "UTF-8"),
        (b"id,name\n1,Ivan\n2,\n", "line 3: name is empty"),
        (b"id,name\n1," + b"x" * (10 * 1024 * 1024) + b"\n", "line 2"),
        (b"id,fullname\n1,Ivan\n", "header lacks column(s) name"),
        (b"", "empty"),
        (b'id,name\n1,"Ivan\n', "bad CSV"),
    ],
)
def test_bad_csv_fails_cleanly_and_prints_nothing(capsys, tmp_path, content, message):
    status, lines, err = run(capsys, "screen", "--input", _csv(tmp_path, content), "--json")
    assert status != 0 and lines == []
    assert message in err


def test_compare_rejects_a_bad_pairs_file(capsys, tmp_path):
    status, lines, err = run(
        capsys, "screen", "compare", "--input", _csv(tmp_path, b"id,query\n1,x\n"), "--json"
    )
    assert status != 0 and lines == [] and "candidate" in err
