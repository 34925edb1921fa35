"""The wrong-question book rule, practice kept apart from accuracy, trends, pacing and attempt reviews."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from app.core.analytics import (
    Pace,
    pace_by_topic,
    pace_points,
    practice_days,
    score_series,
    streak_days,
    summarize,
    topic_accuracy_series,
)
from app.core.bank.dump import question_to_markdown
from app.core.history import BookEntry, build_history, wrong_book
from app.core.models import ALL_TYPES, Answer, AttemptId, AttemptRecord, Blueprint, Mode, QuestionId
from app.core.review import ReviewFilter, by_difficulty, by_topic, previous_of, review_attempt, weakest
from app.core.scoring import key_response
from app.storage.codec import blueprint_from_json, blueprint_to_json

EXAM = Blueprint("周测", 2, 600, types=ALL_TYPES)
PRACTICE = dataclasses.replace(EXAM, name="练习", mode=Mode.PRACTICE)


def attempt(good, number: int, answers: dict[str, object], blueprint: Blueprint = EXAM) -> AttemptRecord:
    """A submitted attempt at time number*1000 of the questions answered ("key" = right, else as given)."""
    stored = {}
    for qid, given in answers.items():
        question = good.get(qid)
        response = key_response(question) if given == "key" and question else given
        content = question.content_hash if question else "gone"
        stored[QuestionId(qid)] = Answer(QuestionId(qid), content, response, number * 1000.0, 30_000)
    return AttemptRecord(
        id=AttemptId(number),
        blueprint=blueprint,
        seed=number,
        question_ids=tuple(QuestionId(q) for q in answers),
        started_at=number * 1000.0,
        deadline=None,
        finished_at=number * 1000.0 + 500,
        score=float(sum(v == "key" for v in answers.values())),
        max_score=float(len(answers)),
        mode=blueprint.mode.value,
        answers=stored,
    )


def test_wrong_book_rule_enter_on_a_miss_leave_after_two_right_in_a_row(good) -> None:
    attempts = [
        attempt(good, 1, {"fx-single": "A", "fx-truefalse": "key"}),
        attempt(good, 2, {"fx-single": "key", "fx-truefalse": True}),
        attempt(good, 3, {"fx-single": "A", "fx-truefalse": "key"}),
        attempt(good, 4, {"fx-single": "key", "fx-truefalse": "key"}),
        attempt(good, 5, {"fx-single": "key"}),
    ]
    assert wrong_book(attempts[:1], good) == [BookEntry(QuestionId("fx-single"), "go-runtime", 1, 0, 1500.0)]
    after_four = {e.question_id: e for e in wrong_book(attempts[:4], good)}
    assert set(after_four) == {"fx-single"}  # fx-truefalse: missed in 2, right in 3 and 4, so it left
    assert after_four[QuestionId("fx-single")].misses == 2
    assert after_four[QuestionId("fx-single")].streak == 1
    everything = {e.question_id for e in wrong_book(attempts, good)}
    assert everything == set()  # fx-single: right in 4 and 5


def test_pending_open_answers_never_enter_the_book(good) -> None:
    record = attempt(good, 1, {"fx-open": "我的回答"})
    assert wrong_book([record], good) == []
    graded = dataclasses.replace(
        record, answers={k: dataclasses.replace(a, self_grade=()) for k, a in record.answers.items()}
    )
    assert [e.question_id for e in wrong_book([graded], good)] == ["fx-open"]


def test_practice_answers_stay_out_of_accuracy_unless_asked(good) -> None:
    attempts = [attempt(good, 1, {"fx-single": "key"}), attempt(good, 2, {"fx-single": "A"}, PRACTICE)]
    exams_only = build_history(attempts, good)
    assert exams_only.topic_accuracy == {"go-runtime": 1.0}
    stats = exams_only.questions[QuestionId("fx-single")]
    assert (stats.seen, stats.graded, stats.correct) == (2, 1, 1)
    assert stats.in_wrong_book  # the book learns from practice too
    both = build_history(attempts, good, include_practice=True)
    assert both.topic_accuracy == {"go-runtime": 0.5}


def test_trends_pacing_and_practice_days(good) -> None:
    attempts = [
        attempt(good, 1, {"fx-single": "key", "fx-output": "nope"}),
        attempt(good, 2, {"fx-single": "key", "fx-output": "key"}),
        attempt(good, 3, {"fx-single": "A"}, PRACTICE),
    ]
    summaries = [summarize(a) for a in attempts]
    series = score_series(summaries)
    assert {name: [p.value for p in points] for name, points in series.items()} == {
        "周测": [0.5, 1.0],
        "练习": [0.0],
    }
    topics = topic_accuracy_series(attempts, good)
    assert [p.value for p in topics["python"]] == [0.0, 1.0]
    assert [p.attempt_id for p in topics["go-runtime"]] == [1, 2]  # the practice attempt is left out
    points = pace_points(attempts, good, include_practice=True)
    quadrants = pace_by_topic(points)
    # fx-single has a suggested time of 45 s; 30 s spent is fast. fx-output has none (90 s default).
    assert quadrants["go-runtime"] == Counter({Pace.FAST_RIGHT: 2, Pace.FAST_WRONG: 1})
    assert quadrants["python"] == Counter({Pace.FAST_WRONG: 1, Pace.FAST_RIGHT: 1})
    days = practice_days(summaries)
    assert sum(days.values()) == 3
    today = dt.date(2026, 11, 23)
    calendar = Counter({today: 1, today - dt.timedelta(days=1): 2, today - dt.timedelta(days=3): 1})
    assert streak_days(calendar, today) == 2
    assert streak_days(calendar, today + dt.timedelta(days=1)) == 2  # today not practised yet
    assert streak_days(calendar, today + dt.timedelta(days=2)) == 0


def test_review_shows_the_answered_version_and_names_missing_questions(good) -> None:
    record = attempt(good, 1, {"fx-single": "key", "fx-multiple": ["A"], "fx-gone": "B"})
    old_single = good["fx-single"]
    changed = dataclasses.replace(old_single, stem="改过的题干", content_hash="new")
    bank = {**good, QuestionId("fx-single"): changed}
    sources = {old_single.content_hash: question_to_markdown(old_single)}
    review = review_attempt(record, bank, sources)
    assert review.missing == ("fx-gone",)
    single = review.items[0]
    assert single.changed
    assert single.question.stem == old_single.stem
    assert single.current is changed
    assert single.mark.correct
    counts = review.counts()
    assert (counts[ReviewFilter.ALL], counts[ReviewFilter.CORRECT], counts[ReviewFilter.WRONG]) == (2, 1, 1)
    assert [t.label for t in by_topic(review.items)] == ["go-runtime"]
    assert [t.count for t in by_difficulty(review.items)] == [1, 1]
    without_source = review_attempt(record, bank, {})
    assert not without_source.items[0].changed  # no stored version: the current one is shown
    assert without_source.items[0].question is changed


def test_weakest_and_previous_attempt(good) -> None:
    first = attempt(good, 1, {"fx-single": "key"})
    second = attempt(good, 2, {"fx-single": "A", "fx-output": "key"})
    other = attempt(good, 3, {"fx-single": "A"}, PRACTICE)
    review = review_attempt(second, good, {})
    weak = weakest(by_topic(review.items))
    assert weak is not None
    assert weak.label == "go-runtime"
    assert weakest(by_topic(review_attempt(first, good, {}).items)) is None  # all right
    assert previous_of(second, [first, second, other]) == first
    assert previous_of(first, [first, second, other]) is None


def test_blueprint_codec_round_trips_every_field() -> None:
    blueprint = dataclasses.replace(EXAM, scale=(100.0, 1000.0), partial_credit=True, allow_pause=True)
    assert blueprint_from_json(blueprint_to_json(blueprint)) == blueprint
    legacy = blueprint_to_json(EXAM).replace('"order_credit": "subsequence", ', "")
    assert blueprint_from_json(legacy).order_credit.value == "all"  # older attempts keep their grading
