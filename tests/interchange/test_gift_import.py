"""GIFT import: the Moodle documentation's examples field by field, escapes, categories, and broken items."""

from __future__ import annotations

import re

import pytest
from interchange_support import by_title, fixture_bytes

from app.core.models import Choice, Pair, QuestionType
from app.core.scoring import blank_matches
from app.interchange.gift_read import read_gift
from app.interchange.model import ParseResult


@pytest.fixture(scope="module")
def examples() -> ParseResult:
    return read_gift(fixture_bytes("examples.gift"), "examples.gift", "misc")


def test_every_example_is_read_and_essay_and_description_are_skipped(examples: ParseResult) -> None:
    assert examples.errors == []
    assert len(examples.questions) == 22
    assert [(s.line, s.message) for s in examples.skipped] == [
        (109, "essay without key points cannot be self-graded"),
        (111, "description-only item (no answers): nothing to ask"),
    ]


def test_multiple_choice_with_title_and_category(examples: ParseResult) -> None:
    item = examples.questions[0]
    q = item.question
    assert (item.line, q.id, q.type, q.topic) == (6, "examples-grant-tomb-mc", QuestionType.SINGLE, "basics")
    assert q.stem == "Who's buried in Grant's tomb?"
    assert q.choices == (
        Choice("A", "Grant", False),
        Choice("B", "Jefferson", False),
        Choice("C", "no one", True),
    )
    assert q.tags == ("grant-s-tomb", "basics", "gift")
    assert (q.difficulty, q.facts, q.explanation) == (3, (), "")


def test_missing_word_choice_keeps_the_blank_where_the_braces_were(examples: ParseResult) -> None:
    q = examples.questions[1].question
    assert q.id == "examples-abb8ab5c7e"  # no title: a hash of the text
    assert q.stem == r"Grant is \_\_\_\_\_ in Grant's tomb."
    assert q.correct_keys == ("B",)


def test_true_false_short_answer_and_matching(examples: ParseResult) -> None:
    q = by_title(examples, "examples")
    assert q["grant-tf"].truth is False
    assert q["sun"].truth is True
    assert q["grant-sa"].type is QuestionType.FILL
    assert q["grant-sa"].stem == "Who's buried in Grant's tomb?{{1}}"
    assert q["grant-sa"].blanks == (("no one", "nobody"),)
    assert q["two-plus-two"].stem == "Two plus two equals {{1}}."
    assert q["capitals"].pairs[:2] == (Pair("Canada", "Ottawa"), Pair("Italy", "Rome"))
    assert len(q["capitals"].pairs) == 4


def test_numerical_tolerance_and_range_accept_the_interval(examples: ParseResult) -> None:
    q = by_title(examples, "examples")
    born = q["grant-born"].blanks[0]
    assert born[0] == "1822"
    assert all(blank_matches(v, born) for v in ("1821", "1822", "1823", "1822.0", "+1823"))
    assert not any(blank_matches(v, born) for v in ("1820", "1824", "18223"))
    pi = q["pi-tolerance"].blanks[0]
    assert all(blank_matches(v, pi) for v in ("3.141", "3.1415", "3.142", "3.1420"))
    assert not any(blank_matches(v, pi) for v in ("3.14", "3.143", "3.1409"))
    assert q["pi-range"].blanks == q["pi-tolerance"].blanks
    assert q["pi-range"].stem == "What is the value of pi (to 3 decimal places)? {{1}}."
    assert q["pi-range"].topic == "numbers"


def test_partial_credit_numeric_answers_are_dropped_with_a_warning(examples: ParseResult) -> None:
    q = by_title(examples, "examples")["grant-born-weighted"]
    assert q.blanks == (("1822",),)
    assert "He was born in 1822. You get 50% credit for being close." in q.explanation
    assert any(w.line == 49 and "1822:2" in w.message for w in examples.warnings)


def test_feedback_becomes_a_teaching_explanation(examples: ParseResult) -> None:
    q = by_title(examples, "examples")
    assert q["feedback-mc"].explanation == (
        "- **wrong answer**: feedback comment on the wrong answer\n"
        "- **another wrong answer**: feedback comment on this wrong answer\n"
        "- **right answer** (correct): Very good!"
    )
    assert q["general-feedback"].explanation == "We hope you're feeling well."
    assert q["tf-feedback"].explanation == "- **true**: No one is buried in Grant's tomb."


def test_weights_make_multiple_answers_and_partial_singles(examples: ParseResult) -> None:
    q = by_title(examples, "examples")
    two = q["two-people"]
    assert two.type is QuestionType.MULTIPLE
    assert [c.correct for c in two.choices] == [False, True, True, False]
    hometown = q["jesus-hometown"]
    assert hometown.type is QuestionType.SINGLE
    assert hometown.correct_keys == ("D",)


def test_escapes_formats_and_chinese(examples: ParseResult) -> None:
    q = by_title(examples, "examples")
    control = q["gift-control-characters"]
    assert [c.text for c in control.choices] == ["~", "=", "#", "{", "}", "\\"]
    assert control.correct_keys == ("F",)
    assert q["escaped-colon"].stem == "1 + 2 = ? The answer: {{1}}"
    assert q["markdown-text"].stem == "Who's buried in **Grant's tomb**?{{1}}"
    assert q["html-text"].stem == "Which tag makes text **bold**?"
    assert [c.text for c in q["html-text"].choices] == ["<b>", "<i>"]
    chinese = examples.questions[-1].question
    assert re.fullmatch(r"examples-[0-9a-f]{10}", chinese.id)
    assert chinese.stem == "Go 语言中，哪个关键字用于启动 goroutine？"


BROKEN = """// good, then broken items
::good one::1 + 1 = ? {=2 =two}

::unclosed::Grant is {~buried =entombed

::stray::Grant is } buried

::no right::Who? {~a ~b}

::bad match::Match {=a -> b =c}

::nan::Pi? {#three:0.1}

::good two::The sky is blue.{T}

::cloze::A {=b} and {=c}
"""


def test_broken_items_are_errors_at_their_lines_and_the_rest_imports() -> None:
    result = read_gift(BROKEN.encode(), "broken.gift", "misc")
    assert [q.question.id for q in result.questions] == ["broken-good-one", "broken-good-two"]
    assert [(e.line, e.message) for e in result.errors] == [
        (4, "'{' is never closed with '}'"),
        (6, "'}' without an opening '{'"),
        (8, "no answer is marked correct ('=' or a positive %weight%)"),
        (10, "matching answer 'c' has no '->'"),
        (12, "'three:0.1' is not a number, a number:tolerance or a low..high range"),
    ]
    assert [(s.line, s.message) for s in result.skipped] == [
        (16, "several answer blocks in one item (cloze) are not supported")
    ]


def test_multi_line_item_reports_the_line_of_the_problem() -> None:
    text = "::a::first line\nsecond line\n{=x\n~y\n"
    result = read_gift(text.encode(), "t.gift", "misc")
    assert [(e.line, e.message) for e in result.errors] == [(3, "'{' is never closed with '}'")]


def test_crlf_bom_and_duplicate_titles() -> None:
    text = "\ufeff::Same::A? {T}\r\n\r\n::Same::B? {F}\r\n\r\n::same::C? {T}\r\n"
    result = read_gift(text.encode(), "Quiz 1.txt", "misc")
    assert [q.question.id for q in result.questions] == ["quiz-1-same", "quiz-1-same-2", "quiz-1-same-3"]
    assert [q.line for q in result.questions] == [1, 3, 5]
    assert [q.question.topic for q in result.questions] == ["misc"] * 3


def test_bad_utf8_loses_only_its_item() -> None:
    data = b"::a::ok? {T}\n\n::b::bad" + b"\xff\xfe" + b" ? {F}\n\n::c::fine? {F}\n"
    result = read_gift(data, "enc.gift", "misc")
    assert [q.question.id for q in result.questions] == ["enc-a", "enc-c"]
    assert [e.line for e in result.errors] == [3]
    assert "UTF-8" in result.errors[0].message


def test_empty_or_foreign_input_reads_nothing() -> None:
    for data in (b"", b"just some prose\n\nand more", b"\x00\x01\x02"):
        result = read_gift(data, "x.gift", "misc")
        assert result.nothing_read
        assert result.errors or result.skipped
