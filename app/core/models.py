"""Frozen domain dataclasses shared by every layer: questions, exams, answers, marks."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

QuestionId = NewType("QuestionId", str)
AttemptId = NewType("AttemptId", int)

#: A response as the user gave it, JSON-compatible. Its shape depends on the question type:
#: single -> option key ("B"); multiple -> sorted list of keys; truefalse -> bool;
#: fill -> list of blank texts; order -> list of item indexes (into Question.order_items);
#: match -> {left: right}; open and output -> text. None means unanswered.
Response = str | bool | list[str] | list[int] | dict[str, str] | None


def is_empty(response: Response) -> bool:
    """Whether a response says nothing (unanswered)."""
    if isinstance(response, list):
        return not response
    if isinstance(response, dict):
        return not any(response.values())
    if isinstance(response, str):
        return not response.strip()
    return response is None


class QuestionType(StrEnum):
    """The eight kinds of question the bank format knows."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    FILL = "fill"
    ORDER = "order"
    MATCH = "match"
    OPEN = "open"
    OUTPUT = "output"


ALL_TYPES = frozenset(QuestionType)


class Mode(StrEnum):
    """Exam: feedback only at the end. Practice: check each answer as you go."""

    EXAM = "exam"
    PRACTICE = "practice"


class OrderCredit(StrEnum):
    """How an ordering question earns partial credit."""

    ALL = "all"  # all or nothing
    SUBSEQUENCE = "subsequence"  # the longest run of items in correct relative order, over the item count
    PAIRS = "pairs"  # item pairs in correct relative order, over all pairs


class Policy(StrEnum):
    """How questions are chosen from the eligible pool."""

    RANDOM = "random"
    UNSEEN = "unseen"  # never seen first, then least recently seen
    WRONG = "wrong"  # only questions in the wrong-question book
    WEAKEST = "weakest"  # topics with the lowest recent accuracy get more questions


@dataclass(frozen=True)
class Choice:
    """One option of a single or multiple choice question; key is its letter in file order."""

    key: str
    text: str
    correct: bool


@dataclass(frozen=True)
class KeyPoint:
    """A weighted 得分点 of an open question, for self-grading."""

    text: str
    weight: float = 1.0


@dataclass(frozen=True)
class Pair:
    """One left => right pair of a matching question."""

    left: str
    right: str


@dataclass(frozen=True)
class Question:
    """A parsed, validated question; the answer key fields used depend on `type`."""

    id: QuestionId
    type: QuestionType
    topic: str
    stem: str
    explanation: str
    difficulty: int
    tags: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    source: str = ""
    section: str = ""
    time: int | None = None
    points: float = 1.0
    versions: tuple[tuple[str, str], ...] = ()
    followups: tuple[QuestionId, ...] = ()
    choices: tuple[Choice, ...] = ()
    truth: bool | None = None
    blanks: tuple[tuple[str, ...], ...] = ()
    order_items: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    distractors: tuple[str, ...] = ()
    model_answer: str = ""
    key_points: tuple[KeyPoint, ...] = ()
    outputs: tuple[str, ...] = ()
    path: str = ""
    content_hash: str = ""

    @property
    def correct_keys(self) -> tuple[str, ...]:
        """Keys of the correct options (choice questions)."""
        return tuple(c.key for c in self.choices if c.correct)


@dataclass(frozen=True)
class Blueprint:
    """What an exam is made of: how many questions, from where, for how long, and how it is run."""

    name: str
    count: int
    duration_s: int | None
    topics: tuple[str, ...] = ()  # only these topics (empty: all); weights name topics too
    types: frozenset[QuestionType] = ALL_TYPES
    pass_ratio: float = 0.6
    weights: tuple[tuple[str, float], ...] = ()  # topic -> weight; quotas by largest remainder
    tags: tuple[str, ...] = ()  # only questions with at least one of these tags (empty: any)
    difficulty: tuple[int, int] = (1, 5)
    mode: Mode = Mode.EXAM
    policy: Policy = Policy.RANDOM
    shuffle_questions: bool = True
    shuffle_options: bool = True
    allow_pause: bool | None = None  # None: allowed in practice, not in exams
    partial_credit: bool = False  # multiple choice: right picks minus wrong picks over correct count
    order_credit: OrderCredit = OrderCredit.SUBSEQUENCE
    scale: tuple[float, float] | None = None  # report a scaled score, e.g. (100, 1000) like vendor exams
    description: str = ""

    @property
    def pause_allowed(self) -> bool:
        """Whether the clock may be paused."""
        return self.mode is Mode.PRACTICE if self.allow_pause is None else self.allow_pause

    @property
    def topic_filter(self) -> frozenset[str]:
        """Topics the exam draws from (empty: all)."""
        return frozenset(self.topics) | frozenset(t for t, _ in self.weights)


@dataclass(frozen=True)
class Exam:
    """An assembled exam: the drawn questions in the order they are asked, and the seed that drew them."""

    blueprint: Blueprint
    seed: int
    questions: tuple[Question, ...]

    @property
    def max_score(self) -> float:
        """The best score the exam allows."""
        return sum(q.points for q in self.questions)


#: The indexes (into Question.key_points) of the key points a user says their open answer covered.
SelfGrade = tuple[int, ...]


@dataclass(frozen=True)
class Answer:
    """A stored response to one question of one attempt."""

    question_id: QuestionId
    content_hash: str
    response: Response
    changed_at: float
    time_spent_ms: int = 0
    self_grade: SelfGrade | None = None  # open questions: the key points the user ticked, once graded


@dataclass(frozen=True)
class Mark:
    """The grade of one answer: score out of max; pending when it waits for self-grading."""

    question_id: QuestionId
    score: float
    max_score: float
    pending: bool = False

    @property
    def correct(self) -> bool:
        """True when the answer earned every point."""
        return not self.pending and self.score >= self.max_score


@dataclass(frozen=True)
class Result:
    """The grade of a whole attempt."""

    marks: tuple[Mark, ...]
    pass_ratio: float = 0.6
    scale: tuple[float, float] | None = None

    @property
    def pending_count(self) -> int:
        """Answers still waiting for self-grading."""
        return sum(m.pending for m in self.marks)

    @property
    def score_range(self) -> tuple[float, float]:
        """The lowest and highest score the attempt can end with once pending answers are self-graded."""
        return self.score, self.score + sum(m.max_score for m in self.marks if m.pending)

    @property
    def scaled(self) -> float | None:
        """The score mapped onto the blueprint's scale (None without one), rounded to a whole number."""
        if self.scale is None:
            return None
        low, high = self.scale
        return float(round(low + (high - low) * self.ratio))

    @property
    def score(self) -> float:
        """Points earned, pending answers counted as zero."""
        return sum(m.score for m in self.marks)

    @property
    def max_score(self) -> float:
        """Points available."""
        return sum(m.max_score for m in self.marks)

    @property
    def ratio(self) -> float:
        """Score as a fraction of the maximum (0 for an empty exam)."""
        return self.score / self.max_score if self.max_score else 0.0

    @property
    def passed(self) -> bool:
        """Whether the score reaches the pass mark."""
        return self.ratio >= self.pass_ratio


@dataclass(frozen=True)
class AttemptRecord:
    """An attempt as stored: its exam, its answers, and its result once finished."""

    id: AttemptId
    blueprint: Blueprint
    seed: int
    question_ids: tuple[QuestionId, ...]
    started_at: float
    deadline: float | None
    finished_at: float | None = None
    score: float | None = None
    max_score: float | None = None
    mode: str = "exam"
    answers: dict[QuestionId, Answer] = field(default_factory=dict)
    flagged: frozenset[QuestionId] = frozenset()
    finish_reason: str | None = None  # "user", "clock" (time ran out), "deadline" (found expired at start)

    @property
    def finished(self) -> bool:
        """Whether the attempt was submitted."""
        return self.finished_at is not None
