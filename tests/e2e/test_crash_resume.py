"""The real app, killed with SIGKILL mid-exam: every confirmed answer and the deadline survive."""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.models import AttemptId
from app.storage.db import open_database
from app.storage.repositories import SqlAttemptStore

REPO_ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 60.0


class RunningApp:
    """The app in a subprocess under the autopilot, read line by line."""

    def __init__(self, home: Path, spec: dict[str, object]) -> None:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "MOCKEXAM_HOME": str(home),
            "MOCKEXAM_AUTOPILOT": json.dumps(spec),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app"],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.process.stdout, selectors.EVENT_READ)

    def line(self, timeout: float = STARTUP_TIMEOUT) -> list[str]:
        """The next line the autopilot printed, split into words."""
        assert self.process.stdout is not None
        if not self._selector.select(timeout):
            self.kill()
            pytest.fail("the app printed nothing in time")
        text = self.process.stdout.readline()
        if not text:
            pytest.fail(f"the app exited with {self.process.wait()}")
        return text.split(" ", 3)

    def kill(self) -> None:
        """SIGKILL: no handler, no flush, no goodbye."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        assert self.process.stdout is not None
        self.process.stdout.close()


def _stored(home: Path, attempt_id: int):  # type: ignore[no-untyped-def]
    engine = open_database(home / "mockexam.sqlite3")
    try:
        return SqlAttemptStore(engine).load_attempt(AttemptId(attempt_id))
    finally:
        engine.dispose()


def _integrity(home: Path) -> str:
    with sqlite3.connect(home / "mockexam.sqlite3") as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_killed_exam_resumes_with_every_confirmed_answer_and_the_deadline(tmp_path: Path) -> None:
    home = tmp_path / "home"
    spec = {"count": 8, "seconds": 1800, "interval_ms": 30}
    rng = random.Random(7)
    confirmed: dict[str, object] = {}
    app = RunningApp(home, spec)
    kind, attempt, deadline = app.line()
    assert kind == "started"
    for cycle in range(3):
        for _ in range(rng.randint(1, 2)):
            words = app.line()
            assert words[0] == "saved"
            confirmed[words[2]] = json.loads(words[3])
        app.kill()
        record = _stored(home, int(attempt))
        assert record is not None
        assert not record.finished
        assert repr(record.deadline) == deadline.strip()
        stored = {qid: answer.response for qid, answer in record.answers.items()}
        assert {qid: stored.get(qid) for qid in confirmed} == confirmed, f"lost after kill {cycle + 1}"
        assert _integrity(home) == "ok"
        app = RunningApp(home, spec)
        kind, resumed_id, answered, resumed_deadline = app.line()
        assert (kind, resumed_id) == ("resumed", attempt)
        assert int(answered) >= len(confirmed)
        assert resumed_deadline.strip() == deadline.strip()
    while (words := app.line())[0] == "saved":
        confirmed[words[2]] = json.loads(words[3])
    assert words[0] == "all-answered"
    app.kill()
    record = _stored(home, int(attempt))
    assert record is not None
    assert len(record.answers) == spec["count"]


def test_deadline_passing_while_closed_submits_with_the_saved_answers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    app = RunningApp(home, {"count": 5, "seconds": 4, "interval_ms": 30})
    kind, attempt, deadline = app.line()
    assert kind == "started"
    confirmed = {}
    for _ in range(2):
        words = app.line()
        confirmed[words[2]] = json.loads(words[3])
    app.kill()
    before = _stored(home, int(attempt))
    assert before is not None
    assert not before.finished
    time.sleep(max(0.0, float(deadline) - time.time()) + 0.5)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOCKEXAM_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--quit-after-shown"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    after = _stored(home, int(attempt))
    assert after is not None
    assert after.finished
    assert after.finish_reason == "deadline"
    assert after.finished_at == float(deadline)
    assert {q: a.response for q, a in after.answers.items()} == {
        q: a.response for q, a in before.answers.items()
    }
    assert all(after.answers[q].response == r for q, r in confirmed.items())
