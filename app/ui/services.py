"""What the composition root hands the ui: the bank, presets, the attempt store, history and a clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core.assembly import History
from app.core.bank.blueprints import Preset
from app.core.bank.library import Library
from app.core.bank.problems import Problem
from app.core.clock import ExamClock
from app.core.models import AttemptId, AttemptRecord, Blueprint, Question, QuestionId
from app.core.ports import AttemptStore, QuestionSearch
from app.core.review import AttemptReview, previous_of, review_attempt


def _no_history() -> History:
    return History()


def _cannot_save(_blueprint: Blueprint) -> str:
    raise OSError("saving presets is not available")


@dataclass
class AppServices:
    """Everything the pages need from outside Qt, built by app.gui (or by a test)."""

    questions: list[Question]
    store: AttemptStore
    make_clock: Callable[[], ExamClock] = field(default=lambda: ExamClock(None))
    problems: list[Problem] = field(default_factory=list)
    presets: list[Preset] = field(default_factory=list)
    load_history: Callable[[], History] = _no_history
    save_preset: Callable[[Blueprint], str] = _cannot_save  # returns where it was saved
    data_location: str = ""
    library: Library | None = None  # the banks behind `questions`, for the browser and editor
    make_search: Callable[[], QuestionSearch] | None = None
    sync_questions: Callable[[Sequence[Question]], object] = lambda _questions: None

    @property
    def bank(self) -> dict[QuestionId, Question]:
        """Questions by id."""
        return {q.id: q for q in self.questions}

    def review(self, attempt_id: AttemptId) -> AttemptReview | None:
        """An attempt ready to review (questions in the versions answered), or None when it is gone."""
        record = self.store.load_attempt(attempt_id)
        if record is None:
            return None
        sources = self.store.question_sources(a.content_hash for a in record.answers.values())
        return review_attempt(record, self.bank, sources)

    def previous(self, record: AttemptRecord) -> AttemptRecord | None:
        """The previous submitted attempt of the same preset."""
        return previous_of(record, self.store.list_attempts())
