"""Reviewing one attempt: each question as answered, its mark, filters, breakdowns and regrading."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from app.core.bank.parse import parse_question
from app.core.bank.problems import ProblemSink
from app.core.models import (
    AttemptRecord,
    Exam,
    Mark,
    Question,
    QuestionId,
    Response,
    Result,
    SelfGrade,
    is_empty,
)
from app.core.scoring import ScoringRules, grade

DIFFICULTY_LABELS = {1: "1 入门", 2: "2 基础", 3: "3 进阶", 4: "4 深入", 5: "5 专家"}


class ReviewFilter(StrEnum):
    """Which questions of an attempt the review lists."""

    ALL = "all"
    WRONG = "wrong"  # answered, and not every point earned
    UNANSWERED = "unanswered"
    FLAGGED = "flagged"
    CORRECT = "correct"
    PENDING = "pending"  # open answers waiting for self-grading


FILTER_LABELS = {
    ReviewFilter.ALL: "全部",
    ReviewFilter.WRONG: "答错",
    ReviewFilter.UNANSWERED: "未作答",
    ReviewFilter.FLAGGED: "已标记",
    ReviewFilter.CORRECT: "答对",
    ReviewFilter.PENDING: "待自评",
}


class ItemState(StrEnum):
    """How one reviewed question went."""

    CORRECT = "correct"
    PARTIAL = "partial"  # some points, not all
    WRONG = "wrong"
    UNANSWERED = "unanswered"
    PENDING = "pending"  # an open answer waiting for self-grading


@dataclass(frozen=True)
class ReviewItem:
    """One question of an attempt as the user saw it, with their answer and its mark."""

    number: int
    question: Question  # the version answered (from the stored snapshot when the file changed since)
    response: Response
    mark: Mark
    flagged: bool = False
    time_spent_ms: int = 0
    self_grade: SelfGrade | None = None
    current: Question | None = None  # the bank's newer version, when the file changed after the attempt

    @property
    def answered(self) -> bool:
        """Whether the user gave a non-empty response."""
        return not is_empty(self.response)

    @property
    def changed(self) -> bool:
        """Whether the question's file changed after it was answered."""
        return self.current is not None

    @property
    def state(self) -> ItemState:
        """Right, partly right, wrong, unanswered or pending self-grading."""
        if not self.answered:
            return ItemState.UNANSWERED
        if self.mark.pending:
            return ItemState.PENDING
        if self.mark.correct:
            return ItemState.CORRECT
        return ItemState.PARTIAL if self.mark.score > 0 else ItemState.WRONG

    def matches(self, kind: ReviewFilter) -> bool:
        """Whether the item belongs in the list `kind` selects."""
        match kind:
            case ReviewFilter.ALL:
                return True
            case ReviewFilter.WRONG:
                return self.answered and not self.mark.pending and not self.mark.correct
            case ReviewFilter.UNANSWERED:
                return not self.answered
            case ReviewFilter.FLAGGED:
                return self.flagged
            case ReviewFilter.CORRECT:
                return self.mark.correct
            case ReviewFilter.PENDING:
                return self.mark.pending
        return False  # pragma: no cover


@dataclass(frozen=True)
class AttemptReview:
    """A submitted (or open) attempt ready to review; `missing` lists questions that cannot be shown."""

    record: AttemptRecord
    items: tuple[ReviewItem, ...]
    missing: tuple[QuestionId, ...] = ()

    @property
    def result(self) -> Result:
        """The grade of the reviewable questions, with the current self-grades."""
        blueprint = self.record.blueprint
        return Result(tuple(i.mark for i in self.items), blueprint.pass_ratio, blueprint.scale)

    def filtered(self, kind: ReviewFilter) -> list[ReviewItem]:
        """The items a filter selects, in exam order."""
        return [item for item in self.items if item.matches(kind)]

    def counts(self) -> dict[ReviewFilter, int]:
        """How many items each filter selects."""
        return {kind: len(self.filtered(kind)) for kind in ReviewFilter}

    @property
    def changed(self) -> list[ReviewItem]:
        """Items whose question file changed since the attempt."""
        return [item for item in self.items if item.changed]

    @property
    def used_s(self) -> float | None:
        """Seconds from start to submission (None while open)."""
        finished = self.record.finished_at
        return None if finished is None else max(0.0, finished - self.record.started_at)

    @property
    def left_s(self) -> float | None:
        """Seconds that were left on the clock at submission (None when untimed or open)."""
        record = self.record
        if record.deadline is None or record.finished_at is None:
            return None
        return max(0.0, record.deadline - record.finished_at)

    def as_exam(self) -> Exam:
        """The reviewed questions as an exam (to grade or export)."""
        return Exam(self.record.blueprint, self.record.seed, tuple(i.question for i in self.items))


def parse_snapshot(source: str, question_id: QuestionId) -> Question | None:
    """A stored question version parsed back (None when it no longer parses)."""
    question = parse_question(source, f"<answered version of {question_id}>", ProblemSink(question_id))
    return question if question is not None and question.id == question_id else None


def review_attempt(
    record: AttemptRecord, bank: Mapping[QuestionId, Question], sources: Mapping[str, str]
) -> AttemptReview:
    """Each question of `record` in the version answered, graded with the attempt's rules.

    `sources` maps content hashes to the stored Markdown of question versions (see
    `AttemptStore.question_sources`); a question whose file changed is shown as answered, with the new
    version kept in `current` for regrading.
    """
    rules = ScoringRules.of(record.blueprint)
    items: list[ReviewItem] = []
    missing: list[QuestionId] = []
    for qid in record.question_ids:
        answer = record.answers.get(qid)
        current = bank.get(qid)
        answered_version: Question | None = None
        if answer is not None and (current is None or current.content_hash != answer.content_hash):
            source = sources.get(answer.content_hash)
            answered_version = parse_snapshot(source, qid) if source else None
            if answered_version is not None:
                answered_version = replace(answered_version, content_hash=answer.content_hash)
        question = answered_version or current
        if question is None:
            missing.append(qid)
            continue
        response = answer.response if answer else None
        self_grade = answer.self_grade if answer else None
        items.append(
            ReviewItem(
                number=len(items) + 1,
                question=question,
                response=response,
                mark=grade(question, response, rules, self_grade),
                flagged=qid in record.flagged,
                time_spent_ms=answer.time_spent_ms if answer else 0,
                self_grade=self_grade,
                current=current if answered_version is not None else None,
            )
        )
    return AttemptReview(record, tuple(items), tuple(missing))


def regrade_with_current(review: AttemptReview) -> AttemptReview:
    """The review with every changed question replaced by its current version and graded against it."""
    rules = ScoringRules.of(review.record.blueprint)
    items = tuple(
        replace(
            item,
            question=item.current,
            mark=grade(item.current, item.response, rules, item.self_grade),
            current=None,
        )
        if item.current is not None
        else item
        for item in review.items
    )
    return replace(review, items=items)


def with_self_grade(review: AttemptReview, question_id: QuestionId, ticked: SelfGrade) -> AttemptReview:
    """The review after the user ticks key points for one open answer."""
    rules = ScoringRules.of(review.record.blueprint)
    ticks = tuple(sorted(set(ticked)))
    items = tuple(
        replace(item, self_grade=ticks, mark=grade(item.question, item.response, rules, ticks))
        if item.question.id == question_id
        else item
        for item in review.items
    )
    return replace(review, items=items)


@dataclass(frozen=True)
class Tally:
    """Points and counts of a group of questions (a topic, a difficulty)."""

    label: str
    score: float = 0.0
    max_score: float = 0.0
    count: int = 0
    correct: int = 0
    pending: int = 0

    @property
    def ratio(self) -> float:
        """Points earned over points available (0 when none)."""
        return self.score / self.max_score if self.max_score else 0.0

    def add(self, mark: Mark) -> Tally:
        """This tally with one more mark."""
        return replace(
            self,
            score=self.score + mark.score,
            max_score=self.max_score + mark.max_score,
            count=self.count + 1,
            correct=self.correct + mark.correct,
            pending=self.pending + mark.pending,
        )


def _tallies(items: Iterable[ReviewItem], key: str) -> list[Tally]:
    groups: dict[str, Tally] = {}
    for item in items:
        if key == "topic":
            label = item.question.topic
        else:
            label = DIFFICULTY_LABELS.get(item.question.difficulty, str(item.question.difficulty))
        groups[label] = groups.get(label, Tally(label)).add(item.mark)
    return sorted(groups.values(), key=lambda t: t.label)


def by_topic(items: Iterable[ReviewItem]) -> list[Tally]:
    """Score per topic, topics in name order."""
    return _tallies(items, "topic")


def by_difficulty(items: Iterable[ReviewItem]) -> list[Tally]:
    """Score per difficulty level, easiest first."""
    return _tallies(items, "difficulty")


def weakest(tallies: Sequence[Tally]) -> Tally | None:
    """The group with the lowest share of points (more questions breaks a tie); None when all are perfect."""
    graded = [t for t in tallies if t.max_score > 0 and t.ratio < 1.0]
    return min(graded, key=lambda t: (t.ratio, -t.count, t.label), default=None)


def previous_of(record: AttemptRecord, attempts: Iterable[AttemptRecord]) -> AttemptRecord | None:
    """The latest submitted attempt of the same preset that started before `record`."""
    earlier = [
        a
        for a in attempts
        if a.id != record.id
        and a.finished
        and a.blueprint.name == record.blueprint.name
        and a.started_at < record.started_at
    ]
    return max(earlier, key=lambda a: a.started_at, default=None)
