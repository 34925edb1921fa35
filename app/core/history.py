"""What past attempts say: questions seen, the wrong-question book, recent accuracy per topic."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from app.core.assembly import History, QuestionStats
from app.core.models import Answer, AttemptRecord, Mark, Mode, Question, QuestionId
from app.core.scoring import ScoringRules, grade

#: A question leaves the wrong-question book after this many correct answers in a row.
CORRECT_TO_LEAVE_BOOK = 2
#: Topic accuracy looks at this many of the most recent graded answers per topic.
RECENT_PER_TOPIC = 20
#: The rule as the user reads it.
BOOK_RULE = (
    f"答错（或未作答）的题进入错题本；在之后的练习或考试中连续答对 {CORRECT_TO_LEAVE_BOOK} 次即移出。"
    "待自评的简答题不计。"
)


@dataclass(frozen=True)
class BookEntry:
    """A question in the wrong-question book."""

    question_id: QuestionId
    topic: str
    misses: int  # times answered wrong (or left unanswered) in all
    streak: int  # correct answers in a row since the last miss (leaves the book at CORRECT_TO_LEAVE_BOOK)
    last_missed_at: float


@dataclass(frozen=True)
class GradedAnswer:
    """One question of a submitted attempt, graded (unanswered counts, pending self-grades do not)."""

    attempt: AttemptRecord
    question: Question
    answer: Answer | None
    mark: Mark


def counts_in_accuracy(attempt: AttemptRecord, include_practice: bool) -> bool:
    """Whether an attempt's answers count in accuracy statistics (exams always, practice when chosen)."""
    return include_practice or attempt.mode != Mode.PRACTICE.value


def submitted_oldest_first(attempts: Iterable[AttemptRecord]) -> list[AttemptRecord]:
    """The submitted attempts in the order they were finished."""
    return sorted((a for a in attempts if a.finished), key=lambda a: a.finished_at or a.started_at)


def graded_answers_of(
    attempt: AttemptRecord, questions: Mapping[QuestionId, Question]
) -> Iterator[GradedAnswer]:
    """The graded questions of one attempt that are still in the bank, in the order asked."""
    rules = ScoringRules.of(attempt.blueprint)
    for qid in attempt.question_ids:
        question = questions.get(qid)
        if question is None:
            continue
        answer = attempt.answers.get(qid)
        mark = grade(
            question, answer.response if answer else None, rules, answer.self_grade if answer else None
        )
        if not mark.pending:
            yield GradedAnswer(attempt, question, answer, mark)


def graded_answers(
    attempts: Iterable[AttemptRecord], questions: Mapping[QuestionId, Question]
) -> Iterator[GradedAnswer]:
    """The graded questions of every submitted attempt, oldest attempt first."""
    for attempt in submitted_oldest_first(attempts):
        yield from graded_answers_of(attempt, questions)


def build_history(
    attempts: Sequence[AttemptRecord],
    questions: Mapping[QuestionId, Question],
    include_practice: bool = False,
) -> History:
    """Stats from submitted attempts, oldest first; unanswered questions count as misses.

    Seen counts and the wrong-question book learn from every attempt; accuracy (per question and per
    topic, which the "weakest topics" policy uses) only from exams unless `include_practice`.
    """
    seen: dict[QuestionId, int] = {}
    last_seen: dict[QuestionId, float] = {}
    graded: dict[QuestionId, list[bool]] = {}
    recent: dict[str, deque[bool]] = {}
    book = _Book()
    for attempt in submitted_oldest_first(attempts):
        for qid in attempt.question_ids:
            seen[qid] = seen.get(qid, 0) + 1
            last_seen[qid] = attempt.started_at
        for item in graded_answers_of(attempt, questions):
            book.record(item)
            if counts_in_accuracy(attempt, include_practice):
                recent.setdefault(item.question.topic, deque(maxlen=RECENT_PER_TOPIC)).append(
                    item.mark.correct
                )
                graded.setdefault(item.question.id, []).append(item.mark.correct)
    stats = {
        qid: QuestionStats(
            seen=count,
            last_seen=last_seen[qid],
            in_wrong_book=qid in book.entries,
            graded=len(graded.get(qid, [])),
            correct=sum(graded.get(qid, [])),
            last_correct=graded[qid][-1] if qid in graded else None,
        )
        for qid, count in seen.items()
    }
    accuracy = {topic: sum(marks) / len(marks) for topic, marks in recent.items() if marks}
    return History(stats, accuracy)


def wrong_book(
    attempts: Sequence[AttemptRecord], questions: Mapping[QuestionId, Question]
) -> list[BookEntry]:
    """The questions in the wrong-question book, most recently missed first."""
    book = _Book()
    for item in graded_answers(attempts, questions):
        book.record(item)
    return sorted(book.entries.values(), key=lambda e: (-e.last_missed_at, e.question_id))


class _Book:
    """The wrong-question book as answers arrive in time order."""

    def __init__(self) -> None:
        self.entries: dict[QuestionId, BookEntry] = {}
        self._misses: dict[QuestionId, int] = {}

    def record(self, item: GradedAnswer) -> None:
        question, at = item.question, item.attempt.finished_at or item.attempt.started_at
        entry = self.entries.get(question.id)
        if not item.mark.correct:
            misses = self._misses[question.id] = self._misses.get(question.id, 0) + 1
            self.entries[question.id] = BookEntry(question.id, question.topic, misses, 0, at)
        elif entry is not None:
            if entry.streak + 1 >= CORRECT_TO_LEAVE_BOOK:
                del self.entries[question.id]
            else:
                self.entries[question.id] = BookEntry(
                    entry.question_id, entry.topic, entry.misses, entry.streak + 1, entry.last_missed_at
                )
