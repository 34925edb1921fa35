"""What the composition root hands the ui: the loaded bank, the attempt store and a clock factory."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.bank.problems import Problem
from app.core.clock import ExamClock
from app.core.models import Question
from app.core.ports import AttemptStore


@dataclass
class AppServices:
    """Everything the pages need from outside Qt, built by app.gui (or by a test)."""

    questions: list[Question]
    store: AttemptStore
    make_clock: Callable[[], ExamClock] = field(default=lambda: ExamClock(None))
    problems: list[Problem] = field(default_factory=list)
    data_location: str = ""
