"""Generated questions full of the formats' special characters survive JSON, CSV and GIFT round trips."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from interchange_support import visible

from app.core.models import Choice, Pair, Question, QuestionId, QuestionType
from app.core.scoring import regex_of
from app.interchange.build import canonical
from app.interchange.csv_read import read_csv
from app.interchange.csv_write import write_csv
from app.interchange.gift_read import read_gift
from app.interchange.gift_write import write_gift
from app.interchange.jsonfmt import read_json, write_json
from app.interchange.moodle_read import read_moodle_xml
from app.interchange.moodle_write import write_moodle_xml

SPECIAL = "{}=~#:\\|;*%[]`_\"',<>&"
_TOKENS = st.sampled_from(["%50%", "->", "re:x", "TRUE", "[html]", "\\n", "####", "::"])
_WORD = st.text(alphabet=string.ascii_letters + "写时复制" + SPECIAL, min_size=1, max_size=8) | _TOKENS
_LINE = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_TEXT = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_TYPES = [
    QuestionType.SINGLE,
    QuestionType.MULTIPLE,
    QuestionType.TRUEFALSE,
    QuestionType.FILL,
    QuestionType.MATCH,
]
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@st.composite
def questions(draw: st.DrawFn) -> Question:
    qtype = draw(st.sampled_from(_TYPES))
    stem = draw(_TEXT)
    key: dict[str, object] = {}
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        texts = draw(st.lists(_LINE, min_size=2, max_size=5, unique=True))
        right = draw(st.integers(0, len(texts) - 1))
        many = qtype is QuestionType.MULTIPLE and draw(st.booleans())
        key["choices"] = tuple(
            Choice(string.ascii_uppercase[i], t, i == right or (many and i % 2 == 0))
            for i, t in enumerate(texts)
        )
    elif qtype is QuestionType.TRUEFALSE:
        key["truth"] = draw(st.booleans())
    elif qtype is QuestionType.FILL:
        key["blanks"] = (tuple(draw(st.lists(_LINE, min_size=1, max_size=3, unique=True))),)
        stem = draw(
            st.sampled_from([f"{stem} {{{{1}}}}", f"{{{{1}}}} {stem}", f"{stem}\n\n{{{{1}}}}, {stem}"])
        )
    else:
        lefts = draw(st.lists(_LINE, min_size=2, max_size=4, unique=True))
        key["pairs"] = tuple(Pair(left, draw(_LINE)) for left in lefts)
        key["distractors"] = tuple(draw(st.lists(_LINE, max_size=2)))
    question = Question(
        id=QuestionId("gen-q"),
        type=qtype,
        topic="generated",
        stem=stem,
        explanation=draw(st.one_of(st.just(""), _TEXT)),
        difficulty=draw(st.integers(1, 5)),
        tags=tuple(draw(st.lists(_LINE, max_size=2, unique=True))),
        **key,  # type: ignore[arg-type]
    )
    good, _ = canonical(question)
    assume(good is not None)
    assert good is not None
    return good


@SETTINGS
@given(question=questions())
def test_json_and_csv_keep_generated_questions(question: Question) -> None:
    (back,) = [
        item.question for item in read_json(write_json([question]).text.encode(), "g.json", "x").questions
    ]
    assert back == question
    result = read_csv(write_csv([question]).text.encode(), "g.csv", "x")
    assert result.errors == []
    (row,) = [item.question for item in result.questions]
    assert row == question.__class__(**{**question.__dict__, "tags": (*question.tags, "csv")}) or (
        "csv" in question.tags and row == question
    )


@SETTINGS
@given(question=questions())
def test_gift_keeps_generated_questions(question: Question) -> None:
    exported = write_gift([question])
    assume(not exported.skipped)
    result = read_gift(exported.text.encode(), "g.gift", "x")
    assert result.errors == [], exported.text
    (back,) = [item.question for item in result.questions]
    assert (back.type, back.stem, back.explanation, back.truth) == (
        question.type,
        question.stem,
        question.explanation,
        question.truth,
    )
    assert [(c.text, c.correct) for c in back.choices] == [(c.text, c.correct) for c in question.choices]
    assert (back.pairs, back.distractors) == (question.pairs, question.distractors)
    if question.type is QuestionType.FILL:
        literal = tuple(a for a in question.blanks[0] if regex_of(a) is None and "*" not in a)
        assert back.blanks == (literal,)


@SETTINGS
@given(question=questions())
def test_moodle_xml_keeps_what_a_reader_sees_of_generated_questions(question: Question) -> None:
    exported = write_moodle_xml([question])
    assume(not exported.skipped)
    result = read_moodle_xml(exported.text.encode(), "g.xml", "x")
    assert (result.errors, result.skipped) == ([], [])
    (back,) = [item.question for item in result.questions]
    assert (visible(back.stem), visible(back.explanation)) == (
        visible(question.stem),
        visible(question.explanation),
    )
    assert [(visible(c.text), c.correct) for c in back.choices] == [
        (visible(c.text), c.correct) for c in question.choices
    ]
    assert [(visible(p.left), p.right) for p in back.pairs] == [
        (visible(p.left), p.right) for p in question.pairs
    ]
    if question.type is QuestionType.FILL:
        assert back.blanks == (tuple(a for a in question.blanks[0] if regex_of(a) is None and "*" not in a),)
