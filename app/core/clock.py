"""Exam deadline arithmetic on an injected clock: remaining = deadline - now, so it never drifts."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


class ExamClock:
    """Counts down to an absolute (epoch) deadline.

    The wall clock is read once, when the clock is made; after that, elapsed time comes from the
    monotonic clock, so a wall-clock jump during the exam neither steals nor gives time.
    """

    def __init__(
        self, deadline: float | None, wall: Clock = time.time, monotonic: Clock = time.monotonic
    ) -> None:
        self.deadline = deadline
        self._monotonic = monotonic
        self._wall_anchor = wall()
        self._mono_anchor = monotonic()

    def now(self) -> float:
        """The current epoch time as this clock sees it."""
        return self._wall_anchor + (self._monotonic() - self._mono_anchor)

    def remaining(self) -> float | None:
        """Seconds left, never below zero; None for an untimed exam."""
        if self.deadline is None:
            return None
        return max(0.0, self.deadline - self.now())

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        remaining = self.remaining()
        return remaining is not None and remaining <= 0.0


def format_remaining(seconds: float) -> str:
    """`mm:ss`, or `h:mm:ss` from an hour up; rounds up so 0:00 shows only at the very end."""
    whole = int(-(-seconds // 1))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
