"""Aiken and spreadsheet CSV import: the documented examples, a BOM + CRLF export, and broken rows."""

from __future__ import annotations

from interchange_support import fixture_bytes

from app.core.models import Choice, KeyPoint, Pair, QuestionType
from app.interchange.aiken import read_aiken
from app.interchange.csv_read import read_csv, split_escaped, unescape


def test_aiken_examples() -> None:
    result = read_aiken(fixture_bytes("aiken.txt"), "aiken.txt", "LMS Basics")
    assert result.errors == []
    first, second, chinese = (item.question for item in result.questions)
    assert [item.line for item in result.questions] == [1, 8, 17]
    assert first.stem == "What is the correct answer to this question?"
    assert first.correct_keys == ("D",)
    assert first.choices[0] == Choice("A", "Is it this one?", False)
    assert (first.type, first.topic, first.tags, first.difficulty) == (
        QuestionType.SINGLE,
        "lms-basics",
        ("aiken",),
        3,
    )
    assert [c.text for c in second.choices] == [
        "Moodle",
        "ATutor",
        "Claroline",
        "Blackboard",
        "WebCT",
        "Ilias",
    ]
    assert second.correct_keys == ("A",)
    assert chinese.correct_keys == ("B",)
    assert first.id.startswith("aiken-")


def test_aiken_errors_keep_their_item_lines() -> None:
    text = (
        "Good?\nA. yes\nB. no\nANSWER: A\n\n"
        "Wrong key?\nA. x\nB. y\nANSWER: E\n\n"
        "One option?\nA. only\nANSWER: A\n\n"
        "No answer line?\nA. x\nB. y\n"
        "Next one?\nA) p\nB) q\nANSWER: b\n\n"
        "ANSWER: A\n"
        "Dangling?\nA. x\n"
    )
    result = read_aiken(text.encode(), "t.txt", "misc")
    assert [item.line for item in result.questions] == [1, 18]
    assert result.questions[1].question.correct_keys == ("B",)
    assert [(e.line, e.message) for e in result.errors] == [
        (9, "ANSWER 'E' is not one of the options A B"),
        (11, "an Aiken question needs at least two options like 'A. text'"),
        (15, "question has no 'ANSWER: X' line after its options"),
        (23, "ANSWER line without a question before it"),
        (24, "question has no 'ANSWER: X' line after its options"),
    ]


def test_csv_spreadsheet_export_with_bom_crlf_and_multi_line_cells() -> None:
    result = read_csv(fixture_bytes("spreadsheet.csv"), "spreadsheet.csv", "misc")
    assert result.errors == []
    q = {item.question.id: item.question for item in result.questions}
    assert [item.line for item in result.questions] == [2, 3, 4, 5, 6, 7, 8, 11]
    ttl = q["redis-ttl"]
    assert (ttl.type, ttl.topic, ttl.difficulty, ttl.tags) == (
        QuestionType.SINGLE,
        "redis",
        2,
        ("cache", "ttl", "csv"),
    )
    assert ttl.correct_keys == ("B",)
    assert ttl.explanation == "SETEX sets value and TTL in one step."
    multiple = result.questions[1].question
    assert multiple.id.startswith("spreadsheet-")
    assert multiple.type is QuestionType.MULTIPLE
    assert multiple.correct_keys == ("A", "B")
    assert q["redis-single-thread"].truth is True
    assert q["redis-port"].blanks == (("6379",), ("redis.conf", "/etc/redis/redis.conf"))
    assert q["k8s-pod-start"].order_items == ("schedule", "pull image", "start container")
    assert q["k8s-match"].pairs == (Pair("kubelet", "runs pods"), Pair("etcd", "stores state"))
    assert q["k8s-match"].distractors == ("compiles code",)
    assert q["k8s-open"].model_answer == "It holds the namespaces.\n\nOther containers join them."
    assert q["k8s-open"].key_points == (
        KeyPoint("holds the network namespace", 2.0),
        KeyPoint("keeps the pod alive across restarts", 1.0),
    )
    assert q["py-output"].stem == "What does this print?\n\n```python\nprint(1 + 1)\n```"
    assert q["py-output"].outputs == ("2",)


def test_csv_bad_rows_are_errors_at_their_lines() -> None:
    text = (
        "id,type,stem,options,answer,difficulty\n"
        "a,single,Good?,*x|y,,\n"
        "b,essay,Unknown type?,,,\n"
        "c,single,No right one?,x|y,,\n"
        '"d",truefalse,"Multi\nline?",,maybe,\n'
        "e,fill,No marks in the stem,,x,\n"
        "f,truefalse,Hard?,,true,9\n"
        "a,truefalse,Same id?,,true,\n"
        "g,truefalse,Fine?,,false,\n"
    )
    result = read_csv(text.encode(), "rows.csv", "misc")
    assert [item.question.id for item in result.questions] == ["a", "g"]
    assert [item.line for item in result.questions] == [2, 10]
    assert [e.line for e in result.errors] == [3, 4, 5, 7, 8, 9]
    assert "unknown type 'essay'" in result.errors[0].message
    assert "no option is marked correct" in result.errors[1].message
    assert "truefalse answer must be true or false" in result.errors[2].message
    assert "{{1}}" in result.errors[3].message
    assert "difficulty must be 1-5" in result.errors[4].message
    assert "id 'a' is used by an earlier row" in result.errors[5].message


def test_csv_without_the_required_header_is_not_csv_questions() -> None:
    result = read_csv(b"name,age\nbob,3\n", "people.csv", "misc")
    assert result.nothing_read
    assert result.errors[0].line == 1
    assert "no column type, stem" in result.errors[0].message


def test_semicolon_separated_excel_export() -> None:
    text = "type;stem;options\r\nsingle;Pick one;*a|b\r\n"
    result = read_csv(text.encode(), "excel.csv", "misc")
    assert [q.question.correct_keys for q in result.questions] == [("A",)]


def test_list_cells_escape_separators() -> None:
    assert split_escaped(r"a\|b|c\\|d", "|") == [r"a\|b", r"c\\", "d"]
    assert [unescape(p) for p in split_escaped(r"a\|b|c\\|d", "|")] == ["a|b", "c\\", "d"]
    assert unescape(r"re:runtime\.x\(\)") == r"re:runtime\.x\(\)"
