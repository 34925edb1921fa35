"""Export then import gives back what each format carries: exactly for JSON and Markdown folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from interchange_support import clean, visible

from app.core.models import Question, QuestionType
from app.core.scoring import normalize_output, regex_of
from app.interchange.aiken import read_aiken, write_aiken
from app.interchange.csv_read import read_csv
from app.interchange.csv_write import write_csv
from app.interchange.folder import read_markdown, read_markdown_folder, write_markdown_folder
from app.interchange.gift_read import read_gift
from app.interchange.gift_write import write_gift
from app.interchange.jsonfmt import read_json, write_json
from app.interchange.model import Exported, ParseResult
from app.interchange.moodle_read import read_moodle_xml
from app.interchange.moodle_write import write_moodle_xml
from app.interchange.text import one_line

BANKS = ["good_questions", "shipped_sample"]


def _round_trip(
    questions: list[Question], exported: Exported, result: ParseResult
) -> list[tuple[Question, Question]]:
    assert result.errors == []
    assert result.skipped == []
    left_out = {s.question_id for s in exported.skipped}
    kept = [q for q in questions if q.id not in left_out]
    assert len(result.questions) == len(kept)
    return list(zip(kept, (item.question for item in result.questions), strict=True))


def _literal(blanks: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    return tuple(a for a in blanks[0] if regex_of(a) is None and "*" not in a)


@pytest.mark.parametrize("bank", BANKS)
def test_json_round_trip_is_exact(bank: str, request: pytest.FixtureRequest) -> None:
    questions: list[Question] = request.getfixturevalue(bank)
    exported = write_json(questions)
    pairs = _round_trip(questions, exported, read_json(exported.text.encode(), "bank.json", "misc"))
    assert all(clean(a) == b for a, b in pairs)


@pytest.mark.parametrize("bank", BANKS)
def test_markdown_folder_round_trip_is_exact(
    bank: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    questions: list[Question] = request.getfixturevalue(bank)
    written = write_markdown_folder(questions, tmp_path / "out")
    assert len(written) == len(questions)
    result = read_markdown_folder(tmp_path / "out")
    assert result.errors == []
    assert {item.question.id: item.question for item in result.questions} == {
        q.id: clean(q) for q in questions
    }
    assert all(item.file.endswith(f"{item.question.id}.md") for item in result.questions)
    single = read_markdown(written[0].read_bytes(), written[0].name, "misc")
    assert [item.question for item in single.questions] == [clean(questions[0])]


@pytest.mark.parametrize("bank", BANKS)
def test_csv_round_trip_keeps_every_column(bank: str, request: pytest.FixtureRequest) -> None:
    questions: list[Question] = request.getfixturevalue(bank)
    exported = write_csv(questions)
    for a, b in _round_trip(questions, exported, read_csv(exported.text.encode(), "bank.csv", "misc")):
        assert (b.id, b.type, b.topic, b.difficulty, b.facts, b.stem) == (
            a.id,
            a.type,
            a.topic,
            a.difficulty,
            a.facts,
            a.stem,
        )
        assert b.tags == (*a.tags, "csv") if "csv" not in a.tags else a.tags
        assert (b.choices, b.truth, b.blanks, b.order_items) == (a.choices, a.truth, a.blanks, a.order_items)
        assert (b.pairs, b.distractors, b.model_answer, b.key_points) == (
            a.pairs,
            a.distractors,
            a.model_answer,
            a.key_points,
        )
        assert [normalize_output(o) for o in b.outputs] == [normalize_output(o) for o in a.outputs[:1]]
        assert b.explanation == a.explanation


@pytest.mark.parametrize("bank", BANKS)
def test_gift_round_trip_keeps_text_and_keys(bank: str, request: pytest.FixtureRequest) -> None:
    questions: list[Question] = request.getfixturevalue(bank)
    exported = write_gift(questions)
    assert {s.question_id for s in exported.skipped} >= {
        q.id for q in questions if q.type in (QuestionType.ORDER, QuestionType.OPEN, QuestionType.OUTPUT)
    }
    for a, b in _round_trip(questions, exported, read_gift(exported.text.encode(), "bank.gift", "misc")):
        assert (b.type, b.topic, b.stem, b.explanation) == (a.type, a.topic, a.stem, a.explanation)
        assert [(c.text, c.correct) for c in b.choices] == [(c.text, c.correct) for c in a.choices]
        assert (b.truth, b.pairs, b.distractors) == (a.truth, a.pairs, a.distractors)
        if a.type is QuestionType.FILL:
            assert b.blanks == (_literal(a.blanks),)


@pytest.mark.parametrize("bank", BANKS)
def test_moodle_xml_round_trip_keeps_what_a_reader_sees(bank: str, request: pytest.FixtureRequest) -> None:
    questions: list[Question] = request.getfixturevalue(bank)
    exported = write_moodle_xml(questions)
    assert {s.question_id for s in exported.skipped} == {
        q.id
        for q in questions
        if q.type is QuestionType.FILL and (len(q.blanks) > 1 or not _literal(q.blanks))
    }
    for a, b in _round_trip(questions, exported, read_moodle_xml(exported.text.encode(), "bank.xml", "misc")):
        assert (b.type, b.topic, b.points, b.truth) == (a.type, a.topic, a.points, a.truth)
        assert set(a.tags) <= set(b.tags)
        assert visible(b.stem) == visible(a.stem)
        assert visible(b.explanation) == visible(a.explanation)
        assert [(visible(c.text), c.correct) for c in b.choices] == [
            (visible(c.text), c.correct) for c in a.choices
        ]
        assert [(visible(p.left), p.right) for p in b.pairs] == [(visible(p.left), p.right) for p in a.pairs]
        assert b.distractors == a.distractors
        assert [visible(i) for i in b.order_items] == [visible(i) for i in a.order_items]
        assert visible(b.model_answer) == visible(a.model_answer)
        assert [(visible(p.text), p.weight) for p in b.key_points] == [
            (visible(p.text), p.weight) for p in a.key_points
        ]
        assert [normalize_output(o) for o in b.outputs] == [normalize_output(o) for o in a.outputs]
        if a.type is QuestionType.FILL:
            assert b.blanks == (_literal(a.blanks),)


@pytest.mark.parametrize("bank", BANKS)
def test_aiken_round_trip_keeps_single_choice(bank: str, request: pytest.FixtureRequest) -> None:
    questions: list[Question] = request.getfixturevalue(bank)
    exported = write_aiken(questions)
    for a, b in _round_trip(questions, exported, read_aiken(exported.text.encode(), "bank.txt", "misc")):
        assert a.type is QuestionType.SINGLE
        assert b.stem == one_line(a.stem)
        assert [(c.text, c.correct) for c in b.choices] == [(one_line(c.text), c.correct) for c in a.choices]
