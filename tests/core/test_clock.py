"""ExamClock on fake wall and monotonic clocks: it counts down, ignores wall jumps, never goes negative."""

from __future__ import annotations

import pytest

from app.core.clock import ExamClock, format_remaining


def test_remaining_decreases_with_monotonic_time(wall, mono) -> None:
    clock = ExamClock(wall.now + 600, wall=wall, monotonic=mono)
    assert clock.remaining() == 600
    mono.now += 90.5
    assert clock.remaining() == pytest.approx(509.5)
    assert clock.now() == pytest.approx(wall.now + 90.5)
    assert not clock.expired()


@pytest.mark.parametrize("jump", [-3600.0, 3600.0, 86400.0 * 30])
def test_wall_clock_jump_after_creation_changes_nothing(wall, mono, jump: float) -> None:
    clock = ExamClock(wall.now + 600, wall=wall, monotonic=mono)
    mono.now += 10
    wall.now += jump
    assert clock.remaining() == pytest.approx(590)


def test_remaining_is_never_negative(wall, mono) -> None:
    clock = ExamClock(wall.now + 60, wall=wall, monotonic=mono)
    mono.now += 60
    assert clock.remaining() == 0.0
    assert clock.expired()
    mono.now += 1000
    assert clock.remaining() == 0.0
    assert clock.expired()


def test_deadline_already_past_when_made(wall, mono) -> None:
    clock = ExamClock(wall.now - 5, wall=wall, monotonic=mono)
    assert clock.remaining() == 0.0
    assert clock.expired()


def test_untimed_exam_has_no_remaining(wall, mono) -> None:
    clock = ExamClock(None, wall=wall, monotonic=mono)
    mono.now += 10_000
    assert clock.remaining() is None
    assert not clock.expired()


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (59.2, "01:00"),
        (60.0, "01:00"),
        (61.0, "01:01"),
        (0.4, "00:01"),
        (0, "00:00"),
        (599, "09:59"),
        (3599.5, "1:00:00"),
        (3600, "1:00:00"),
        (3661, "1:01:01"),
        (36000, "10:00:00"),
    ],
)
def test_format_remaining(seconds: float, shown: str) -> None:
    assert format_remaining(seconds) == shown
