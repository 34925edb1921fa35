"""Dumping a Question and parsing it back gives the same question: shipped files and generated ones."""

from __future__ import annotations

import dataclasses
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.bank import load_bank
from app.core.bank.dump import question_to_markdown
from app.core.bank.parse import parse_question
from app.core.bank.problems import ProblemSink
from app.core.models import Choice, KeyPoint, Pair, Question, QuestionId, QuestionType
from app.paths import shipped_bank_dir

_WORD = st.text(alphabet=string.ascii_letters + "写时复制调度索引锁", min_size=1, max_size=8)
_LINE = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
_ITEM = st.lists(_LINE, min_size=1, max_size=2).map("\n".join)
_MARKDOWN = st.lists(_LINE, min_size=1, max_size=4).map("\n\n".join)
_SLUG = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True)


def _reparse(question: Question) -> Question:
    sink = ProblemSink("dumped.md")
    parsed = parse_question(question_to_markdown(question), "dumped.md", sink)
    assert parsed is not None, [str(p) for p in sink.items]
    assert not sink.items, [str(p) for p in sink.items]
    return parsed


def _same(a: Question, b: Question) -> bool:
    return dataclasses.replace(a, path="", content_hash="") == dataclasses.replace(
        b, path="", content_hash=""
    )


def test_every_shipped_question_survives_a_dump() -> None:
    load = load_bank([shipped_bank_dir()])
    assert load.questions
    for question in load.questions:
        assert _same(_reparse(question), question), question.id


@st.composite
def questions(draw: st.DrawFn) -> Question:
    qtype = draw(st.sampled_from(list(QuestionType)))
    key: dict[str, object] = {}
    stem = draw(_MARKDOWN)
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        texts = draw(st.lists(_ITEM, min_size=2, max_size=6, unique=True))
        right = draw(st.sets(st.integers(0, len(texts) - 1), min_size=1, max_size=len(texts)))
        if qtype is QuestionType.SINGLE:
            right = {min(right)}
        key["choices"] = tuple(Choice(string.ascii_uppercase[i], t, i in right) for i, t in enumerate(texts))
    elif qtype is QuestionType.TRUEFALSE:
        key["truth"] = draw(st.booleans())
    elif qtype is QuestionType.FILL:
        blanks = draw(st.lists(st.lists(_LINE, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3))
        key["blanks"] = tuple(blanks)
        stem += "\n\n" + " ".join(f"{{{{{i}}}}}" for i in range(1, len(blanks) + 1))
    elif qtype is QuestionType.ORDER:
        key["order_items"] = tuple(draw(st.lists(_ITEM, min_size=2, max_size=6, unique=True)))
    elif qtype is QuestionType.MATCH:
        lefts = draw(st.lists(_LINE, min_size=2, max_size=5, unique=True))
        key["pairs"] = tuple(Pair(left, draw(_ITEM)) for left in lefts)
        key["distractors"] = tuple(draw(st.lists(_LINE, max_size=2)))
    elif qtype is QuestionType.OPEN:
        key["model_answer"] = draw(_MARKDOWN)
        weights = st.sampled_from([1.0, 2.0, 0.5, 1.5])
        key["key_points"] = tuple(
            KeyPoint(t, draw(weights)) for t in draw(st.lists(_ITEM, min_size=1, max_size=4))
        )
    else:
        outputs = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
        key["outputs"] = tuple(draw(st.lists(outputs | st.just("```\ninside\n```"), min_size=1, max_size=2)))
    return Question(
        id=QuestionId(draw(_SLUG)),
        type=qtype,
        topic=draw(_SLUG),
        stem=stem,
        explanation=draw(_MARKDOWN),
        difficulty=draw(st.integers(1, 5)),
        tags=tuple(draw(st.lists(_SLUG, max_size=3))),
        facts=tuple(draw(st.lists(st.from_regex(r"\d{3}\.\d{1,2}\.\d{1,2}", fullmatch=True), max_size=3))),
        source=draw(st.sampled_from(["", "000_925237987d5159a6.txt", '笔记: a "b"'])),
        section=draw(st.sampled_from(["", "000.10", "003.2 Go GMP", "yes"])),
        time=draw(st.none() | st.integers(1, 600)),
        points=draw(st.sampled_from([1.0, 2.0, 0.5])),
        versions=tuple(
            draw(st.dictionaries(_SLUG, st.sampled_from([">=1.22", "8.0", "yes"]), max_size=2)).items()
        ),
        followups=tuple(QuestionId(f) for f in draw(st.lists(_SLUG, max_size=2))),
        **key,  # type: ignore[arg-type]
    )


@settings(max_examples=300, deadline=None)
@given(questions())
def test_generated_questions_survive_a_dump(question: Question) -> None:
    assert _same(_reparse(question), question)
