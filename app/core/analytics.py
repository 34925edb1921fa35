"""Across attempts: history rows, score trends, topic accuracy over time, pacing, practice days."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.core.history import counts_in_accuracy, graded_answers, graded_answers_of
from app.core.models import AttemptId, AttemptRecord, Question, QuestionId

#: Without a suggested time on the question, answers faster than this count as fast.
DEFAULT_SUGGESTED_S = 90


@dataclass(frozen=True)
class AttemptSummary:
    """One row of the history table."""

    id: AttemptId
    started_at: float
    finished_at: float | None
    preset: str
    mode: str
    score: float | None
    max_score: float | None
    pass_ratio: float
    question_count: int

    @property
    def finished(self) -> bool:
        """Whether the attempt was submitted."""
        return self.finished_at is not None

    @property
    def ratio(self) -> float | None:
        """Score over maximum (None while open or empty)."""
        if self.score is None or not self.max_score:
            return None
        return self.score / self.max_score

    @property
    def passed(self) -> bool | None:
        """Whether the score reached the pass mark (None while open)."""
        return None if self.ratio is None else self.ratio >= self.pass_ratio

    @property
    def duration_s(self) -> float | None:
        """Seconds from start to submission."""
        return None if self.finished_at is None else max(0.0, self.finished_at - self.started_at)


def summarize(record: AttemptRecord) -> AttemptSummary:
    """The history row of an attempt."""
    return AttemptSummary(
        id=record.id,
        started_at=record.started_at,
        finished_at=record.finished_at,
        preset=record.blueprint.name,
        mode=record.mode,
        score=record.score,
        max_score=record.max_score,
        pass_ratio=record.blueprint.pass_ratio,
        question_count=len(record.question_ids),
    )


@dataclass(frozen=True)
class Point:
    """One point of a time series: when, and a value 0..1."""

    at: float
    value: float
    attempt_id: AttemptId


def score_series(summaries: Iterable[AttemptSummary]) -> dict[str, list[Point]]:
    """Score ratio over time per preset, oldest first (submitted attempts only)."""
    series: dict[str, list[Point]] = {}
    for s in sorted(summaries, key=lambda s: s.started_at):
        if s.finished and s.ratio is not None:
            series.setdefault(s.preset, []).append(Point(s.started_at, s.ratio, s.id))
    return series


def topic_accuracy_series(
    attempts: Sequence[AttemptRecord], bank: Mapping[QuestionId, Question], include_practice: bool = False
) -> dict[str, list[Point]]:
    """Per topic, the share of its questions answered right in each attempt that asked it."""
    series: dict[str, list[Point]] = {}
    for record in sorted(attempts, key=lambda a: a.started_at):
        if not record.finished or not counts_in_accuracy(record, include_practice):
            continue
        per_topic: dict[str, list[bool]] = {}
        for item in graded_answers_of(record, bank):
            per_topic.setdefault(item.question.topic, []).append(item.mark.correct)
        for topic, marks in per_topic.items():
            series.setdefault(topic, []).append(Point(record.started_at, sum(marks) / len(marks), record.id))
    return series


class Pace(StrEnum):
    """Where an answer falls on time spent against correctness."""

    FAST_RIGHT = "fast-right"
    FAST_WRONG = "fast-wrong"  # rushing: slow down and read the stem again
    SLOW_RIGHT = "slow-right"  # knows it but needs speed: drill
    SLOW_WRONG = "slow-wrong"  # does not know it: study the topic


PACE_LABELS = {
    Pace.FAST_RIGHT: "又快又对",
    Pace.FAST_WRONG: "快但错（审题）",
    Pace.SLOW_RIGHT: "慢但对（练速度）",
    Pace.SLOW_WRONG: "慢且错（补知识）",
}


@dataclass(frozen=True)
class PacePoint:
    """One answered question: time spent over its suggested time, and whether it was right."""

    topic: str
    spent_s: float
    suggested_s: float
    correct: bool

    @property
    def pace(self) -> Pace:
        """The quadrant of this answer."""
        fast = self.spent_s <= self.suggested_s
        if fast:
            return Pace.FAST_RIGHT if self.correct else Pace.FAST_WRONG
        return Pace.SLOW_RIGHT if self.correct else Pace.SLOW_WRONG


def pace_points(
    attempts: Sequence[AttemptRecord], bank: Mapping[QuestionId, Question], include_practice: bool = False
) -> list[PacePoint]:
    """Every graded, answered question with a measured time."""
    return [
        PacePoint(
            item.question.topic,
            item.answer.time_spent_ms / 1000,
            float(item.question.time or DEFAULT_SUGGESTED_S),
            item.mark.correct,
        )
        for item in graded_answers(attempts, bank)
        if item.answer is not None
        and item.answer.time_spent_ms > 0
        and counts_in_accuracy(item.attempt, include_practice)
    ]


def pace_by_topic(points: Iterable[PacePoint]) -> dict[str, Counter[Pace]]:
    """How many answers of each topic fall in each quadrant."""
    table: dict[str, Counter[Pace]] = {}
    for point in points:
        table.setdefault(point.topic, Counter())[point.pace] += 1
    return table


def practice_days(summaries: Iterable[AttemptSummary]) -> Counter[dt.date]:
    """Attempts started per local calendar day."""
    return Counter(dt.datetime.fromtimestamp(s.started_at).date() for s in summaries)


def streak_days(days: Counter[dt.date], today: dt.date) -> int:
    """Consecutive days with practice ending today (or yesterday, when today has none yet)."""
    day = today if days.get(today) else today - dt.timedelta(days=1)
    count = 0
    while days.get(day):
        count += 1
        day -= dt.timedelta(days=1)
    return count
