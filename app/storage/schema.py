"""The schema ladder: step N takes a database from user_version N-1 to N. Steps are never edited."""

from __future__ import annotations

#: Each entry is one upgrade step, applied in its own transaction. Append; never change a shipped step.
STEPS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema: the bank index, attempts and their answers.
    (
        """CREATE TABLE question_index (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            topic TEXT NOT NULL,
            type TEXT NOT NULL,
            difficulty INTEGER NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            facts TEXT NOT NULL DEFAULT '[]',
            indexed_at REAL NOT NULL
        )""",
        """CREATE TABLE attempt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            blueprint TEXT NOT NULL,
            seed INTEGER NOT NULL,
            question_ids TEXT NOT NULL,
            started_at REAL NOT NULL,
            deadline REAL,
            finished_at REAL,
            score REAL,
            max_score REAL
        )""",
        """CREATE TABLE answer (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            attempt_id INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            response TEXT NOT NULL,
            changed_at REAL NOT NULL,
            UNIQUE (attempt_id, question_id)
        )""",
    ),
    # 2: practice vs exam mode per attempt, time spent per answer, and the indexes history queries use.
    (
        "ALTER TABLE attempt ADD COLUMN mode TEXT NOT NULL DEFAULT 'exam'",
        "ALTER TABLE answer ADD COLUMN time_spent_ms INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX ix_answer_question ON answer (question_id)",
        "CREATE INDEX ix_attempt_started ON attempt (started_at)",
    ),
    # 3: flagged questions survive a restart; why an attempt was finished.
    (
        "ALTER TABLE attempt ADD COLUMN flagged TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE attempt ADD COLUMN finish_reason TEXT",
    ),
    # 4: self-grading of open answers, deleted attempts kept until the next start (undo), and the
    # question text as answered, so a review shows that version after the file changes.
    (
        "ALTER TABLE answer ADD COLUMN self_grade TEXT",
        "ALTER TABLE attempt ADD COLUMN deleted_at REAL",
        """CREATE TABLE question_version (
            content_hash TEXT PRIMARY KEY,
            question_id TEXT NOT NULL,
            source TEXT NOT NULL,
            saved_at REAL NOT NULL
        )""",
    ),
)

LATEST_VERSION = len(STEPS)
