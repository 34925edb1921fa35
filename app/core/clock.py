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
        self.paused_at: float | None = None

    def now(self) -> float:
        """The current epoch time as this clock sees it."""
        return self._wall_anchor + (self._monotonic() - self._mono_anchor)

    def remaining(self) -> float | None:
        """Seconds left, never below zero (frozen while paused); None for an untimed exam."""
        if self.deadline is None:
            return None
        return max(0.0, self.deadline - (self.paused_at if self.paused_at is not None else self.now()))

    def pause(self) -> None:
        """Stop the countdown."""
        if self.paused_at is None:
            self.paused_at = self.now()

    def resume(self) -> float | None:
        """Restart the countdown; the deadline moves by the paused time. Returns the new deadline."""
        if self.paused_at is not None:
            if self.deadline is not None:
                self.deadline += self.now() - self.paused_at
            self.paused_at = None
        return self.deadline

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
