"""What past attempts say: questions seen, the wrong-question book, recent accuracy per topic."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core.assembly import History, QuestionStats
from app.core.models import AttemptRecord, Mark, Mode, Question, QuestionId
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
    for attempt, question, mark in _graded_answers(attempts, questions, seen, last_seen):
        book.record(question, mark.correct, attempt.finished_at or attempt.started_at)
        if include_practice or attempt.mode != Mode.PRACTICE.value:
            recent.setdefault(question.topic, deque(maxlen=RECENT_PER_TOPIC)).append(mark.correct)
            graded.setdefault(question.id, []).append(mark.correct)
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
    for attempt, question, mark in _graded_answers(attempts, questions, {}, {}):
        book.record(question, mark.correct, attempt.finished_at or attempt.started_at)
    return sorted(book.entries.values(), key=lambda e: (-e.last_missed_at, e.question_id))


class _Book:
    """The wrong-question book as answers arrive in time order."""

    def __init__(self) -> None:
        self.entries: dict[QuestionId, BookEntry] = {}
        self._misses: dict[QuestionId, int] = {}

    def record(self, question: Question, correct: bool, at: float) -> None:
        entry = self.entries.get(question.id)
        if not correct:
            misses = self._misses[question.id] = self._misses.get(question.id, 0) + 1
            self.entries[question.id] = BookEntry(question.id, question.topic, misses, 0, at)
        elif entry is not None:
            if entry.streak + 1 >= CORRECT_TO_LEAVE_BOOK:
                del self.entries[question.id]
            else:
                self.entries[question.id] = BookEntry(
                    entry.question_id, entry.topic, entry.misses, entry.streak + 1, entry.last_missed_at
                )


def _graded_answers(
    attempts: Sequence[AttemptRecord],
    questions: Mapping[QuestionId, Question],
    seen: dict[QuestionId, int],
    last_seen: dict[QuestionId, float],
) -> list[tuple[AttemptRecord, Question, Mark]]:
    """(attempt, question, mark) for every graded answer of submitted attempts, oldest attempt first."""
    out = []
    for attempt in sorted((a for a in attempts if a.finished), key=lambda a: a.finished_at or a.started_at):
        rules = ScoringRules.of(attempt.blueprint)
        for qid in attempt.question_ids:
            seen[qid] = seen.get(qid, 0) + 1
            last_seen[qid] = attempt.started_at
            question = questions.get(qid)
            if question is None:
                continue
            answer = attempt.answers.get(qid)
            mark = grade(
                question, answer.response if answer else None, rules, answer.self_grade if answer else None
            )
            if not mark.pending:
                out.append((attempt, question, mark))
    return out
