"""Moodle XML import: an export with CDATA HTML, categories, numerical, description and cloze; broken XML."""

from __future__ import annotations

import pytest
from interchange_support import by_title, fixture_bytes

from app.core.models import Choice, Pair, QuestionType
from app.core.scoring import blank_matches
from app.interchange.model import ParseResult
from app.interchange.moodle_read import read_moodle_xml


@pytest.fixture(scope="module")
def export() -> ParseResult:
    return read_moodle_xml(fixture_bytes("moodle_export.xml"), "moodle_export.xml", "misc")


def test_supported_questions_read_and_the_others_skipped_with_reasons(export: ParseResult) -> None:
    assert export.errors == []
    assert len(export.questions) == 7
    assert [(s.line, s.message) for s in export.skipped] == [
        (202, "essay without key points cannot be self-graded"),
        (219, "description-only item: nothing to ask"),
        (229, "cloze questions are not supported"),
    ]


def test_multichoice_html_becomes_markdown_with_code_and_feedback(export: ParseResult) -> None:
    item = export.questions[0]
    q = item.question
    assert (item.line, q.id, q.type) == (15, "moodle-export-gmp-local-queue", QuestionType.SINGLE)
    assert q.topic == "go-runtime"
    assert q.tags == ("default-for-backend-101", "go-runtime", "scheduler", "moodle-xml")
    assert q.points == 2.0
    assert q.stem == (
        "Which component of the **GMP** model owns the *local run queue*?\n\n"
        "```go\ngo func() { work() }()\n```"
    )
    assert q.choices == (
        Choice("A", "G (goroutine)", False),
        Choice("B", "M (machine)", False),
        Choice("C", "P (processor)", True),
    )
    assert q.explanation == (
        "P is the scheduling context & holds the LRQ.\n\n"
        "- **G (goroutine)**: A G is the work, not the queue owner.\n"
        "- **P (processor)** (correct): Right."
    )


def test_multiple_truefalse_matching(export: ParseResult) -> None:
    q = by_title(export, "moodle-export")
    assert q["which-are-true"].type is QuestionType.MULTIPLE
    assert q["which-are-true"].correct_keys == ("A", "B")
    assert q["which-are-true"].stem == "Which statements are true?\n\n- pick all"
    assert q["work-stealing"].truth is False
    assert q["work-stealing"].stem == "Work stealing takes *all* goroutines of the victim's queue."
    assert q["work-stealing"].explanation == "It takes half."
    assert q["capitals"].pairs == (Pair("Canada", "Ottawa"), Pair("Italy", "Rome"))
    assert q["capitals"].distractors == ("Sydney",)


def test_short_answer_and_numerical_become_fill(export: ParseResult) -> None:
    q = by_title(export, "moodle-export")
    size = q["lrq-size"]
    assert size.topic == "numbers"
    assert size.stem == "A P's local run queue holds {{1}} goroutines."
    assert size.blanks[0][0] == "256"
    assert blank_matches("two hundred fifty-six", size.blanks[0])  # Moodle's * wildcard
    assert not blank_matches("255", size.blanks[0])  # 50% credit answers are not accepted
    born = q["grant-born"]
    assert born.stem == "When was Ulysses S. Grant born?\n\n{{1}}"
    assert blank_matches("1823", born.blanks[0])
    assert not blank_matches("1824", born.blanks[0])


def test_chinese_name_uses_a_hash_id(export: ParseResult) -> None:
    q = export.questions[-1].question
    assert q.id == "moodle-export-ff52c07482"
    assert q.stem == "Go 语言中，哪个关键字用于启动 goroutine？"


QUESTION = """  <question type="truefalse">
    <name><text>{name}</text></name>
    <questiontext format="html"><text><![CDATA[<p>{name} is true.</p>]]></text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
"""


def test_a_malformed_question_loses_only_itself() -> None:
    broken = QUESTION.format(name="two").replace("</name>", "</nam>")
    text = (
        "<?xml version='1.0'?>\n<quiz>\n"
        + QUESTION.format(name="one")
        + broken
        + QUESTION.format(name="three")
    )
    result = read_moodle_xml((text + "</quiz>\n").encode(), "q.xml", "misc")
    assert [q.question.id for q in result.questions] == ["q-one", "q-three"]
    assert [e.line for e in result.errors] == [10]  # the line of the bad tag, inside question two (line 9)
    assert "mismatched tag" in result.errors[0].message


def test_truncated_file_keeps_the_complete_questions() -> None:
    text = "<?xml version='1.0'?>\n<quiz>\n" + QUESTION.format(name="one") + QUESTION.format(name="two")[:90]
    result = read_moodle_xml(text.encode(), "q.xml", "misc")
    assert [q.question.id for q in result.questions] == ["q-one"]
    assert [e.line for e in result.errors] == [11]  # where question two (line 9) breaks off


def test_item_errors_and_unsupported_types() -> None:
    text = """<quiz>
<question type="multichoice"><name><text>none right</text></name>
<questiontext><text>Q?</text></questiontext>
<answer fraction="0"><text>a</text></answer><answer fraction="0"><text>b</text></answer></question>
<question type="calculated"><name><text>calc</text></name></question>
<question type="numerical"><name><text>nan</text></name><questiontext><text>N?</text></questiontext>
<answer fraction="100"><text>abc</text></answer></question>
</quiz>"""
    result = read_moodle_xml(text.encode(), "q.xml", "misc")
    assert result.questions == []
    assert [(e.line, e.message) for e in result.errors] == [
        (2, "no answer is correct (fraction 100, or positive when several may be chosen)"),
        (6, "numerical answer 'abc' is not a number"),
    ]
    assert [(s.line, s.message) for s in result.skipped] == [(5, "'calculated' questions are not supported")]


@pytest.mark.parametrize(
    ("data", "line", "needle"),
    [
        (b"", 1, "no element found"),
        (b"<html><body>hi</body></html>", 1, "root element is <html>"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>', 2, "DOCTYPE"),
        (b"not xml at all", 1, "malformed XML"),
    ],
)
def test_not_moodle_xml_at_all(data: bytes, line: int, needle: str) -> None:
    result = read_moodle_xml(data, "x.xml", "misc")
    assert result.nothing_read
    assert result.errors[0].line == line
    assert needle in result.errors[0].message
