"""What past attempts say: questions seen, the wrong-question book, recent accuracy per topic."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

from app.core.assembly import History, QuestionStats
from app.core.models import AttemptRecord, Question, QuestionId
from app.core.scoring import grade

#: A question leaves the wrong-question book after this many correct answers in a row.
CORRECT_TO_LEAVE_BOOK = 2
#: Topic accuracy looks at this many of the most recent graded answers per topic.
RECENT_PER_TOPIC = 20


def build_history(attempts: Sequence[AttemptRecord], questions: Mapping[QuestionId, Question]) -> History:
    """Stats from submitted attempts, oldest first; unanswered questions count as misses."""
    seen: dict[QuestionId, int] = {}
    last_seen: dict[QuestionId, float] = {}
    streak: dict[QuestionId, int] = {}
    in_book: set[QuestionId] = set()
    graded: dict[QuestionId, list[bool]] = {}
    recent: dict[str, deque[bool]] = {}
    for attempt in sorted(attempts, key=lambda a: a.finished_at or a.started_at):
        for qid in attempt.question_ids:
            seen[qid] = seen.get(qid, 0) + 1
            last_seen[qid] = attempt.started_at
            question = questions.get(qid)
            answer = attempt.answers.get(qid)
            if question is None:
                continue
            mark = grade(question, answer.response if answer else None, attempt.blueprint.partial_credit)
            if mark.pending:
                continue
            recent.setdefault(question.topic, deque(maxlen=RECENT_PER_TOPIC)).append(mark.correct)
            graded.setdefault(qid, []).append(mark.correct)
            if not mark.correct:
                in_book.add(qid)
                streak[qid] = 0
            else:
                streak[qid] = streak.get(qid, 0) + 1
                if streak[qid] >= CORRECT_TO_LEAVE_BOOK:
                    in_book.discard(qid)
    stats = {
        qid: QuestionStats(
            seen=count,
            last_seen=last_seen[qid],
            in_wrong_book=qid in in_book,
            graded=len(graded.get(qid, [])),
            correct=sum(graded.get(qid, [])),
            last_correct=graded[qid][-1] if qid in graded else None,
        )
        for qid, count in seen.items()
    }
    accuracy = {topic: sum(marks) / len(marks) for topic, marks in recent.items() if marks}
    return History(stats, accuracy)
