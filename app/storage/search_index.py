"""Full-text search over questions that works for Chinese and English: SQLite FTS5 over CJK bigrams and words.

Chinese has no spaces, so each run of CJK characters is indexed as its overlapping bigrams plus its last
character; a query run of n >= 2 characters becomes the phrase of its n-1 bigrams (an exact substring
match), a single character a prefix query. Latin words and numbers are indexed whole and queried as prefixes.
Text is NFKC-normalised and case-folded on both sides, so full-width letters and case do not matter.
"""

from __future__ import annotations

import operator
import re
import sqlite3
from collections.abc import Iterable

from app.core.models import Question, QuestionId
from app.core.search_text import CJK, fold, pieces

_CJK_RUN = re.compile(f"[{CJK}]+")
MAX_RESULTS = 100_000


def _bigrams(match: re.Match[str]) -> str:
    run = match.group()
    return " " + " ".join(map(operator.add, run, run[1:])) + " " + run[-1] + " "


def index_tokens(text: str) -> str:
    """The text FTS5 stores for `text`: CJK runs spelled as bigrams plus their last character.

    "写时复制" becomes "写时 时复 复制 制"; FTS5's unicode61 tokenizer then splits words and punctuation.
    """
    return _CJK_RUN.sub(_bigrams, fold(text))


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query (every piece must match), or None if it has none."""
    clauses: list[str] = []
    for kind, piece in pieces(query):
        if kind == "word" or len(piece) == 1:
            clauses.append(f'"{piece}"*')
        else:
            clauses.append('"' + " ".join(piece[i : i + 2] for i in range(len(piece) - 1)) + '"')
    return " AND ".join(clauses) or None


def question_document(q: Question) -> str:
    """Everything about a question a search should find: stem, options, answers, explanation, tags."""
    parts = [q.id, q.stem, q.explanation, q.model_answer, " ".join(q.tags), " ".join(q.facts)]
    parts += [c.text for c in q.choices]
    parts += [alt for blank in q.blanks for alt in blank]
    parts += list(q.order_items) + [f"{p.left} {p.right}" for p in q.pairs] + list(q.distractors)
    parts += [p.text for p in q.key_points] + list(q.outputs)
    return "\n".join(parts)


class SearchIndex:
    """An in-memory FTS5 index of question documents, updated per question."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE VIRTUAL TABLE doc USING fts5(qid UNINDEXED, body, tokenize='unicode61')")
        self._rowids: dict[QuestionId, int] = {}
        self._next = 1

    def __len__(self) -> int:
        return len(self._rowids)

    def replace(self, questions: Iterable[Question], removed: Iterable[QuestionId] = ()) -> None:
        """Add or re-index `questions` and drop `removed`, in one transaction."""
        with self._db:
            for qid in removed:
                rowid = self._rowids.pop(qid, None)
                if rowid is not None:
                    self._db.execute("DELETE FROM doc WHERE rowid = ?", (rowid,))
            rows = []
            for q in questions:
                rowid = self._rowids.get(q.id)
                if rowid is not None:
                    self._db.execute("DELETE FROM doc WHERE rowid = ?", (rowid,))
                else:
                    rowid, self._next = self._next, self._next + 1
                    self._rowids[q.id] = rowid
                rows.append((rowid, q.id, index_tokens(question_document(q))))
            self._db.executemany("INSERT INTO doc(rowid, qid, body) VALUES (?, ?, ?)", rows)

    def search(self, query: str, limit: int = MAX_RESULTS) -> list[QuestionId]:
        """Ids of the questions matching every piece of `query`, best match first."""
        expression = match_expression(query)
        if expression is None:
            return []
        rows = self._db.execute(
            "SELECT qid FROM doc WHERE doc MATCH ? ORDER BY rank LIMIT ?", (expression, limit)
        )
        return [QuestionId(qid) for (qid,) in rows]
