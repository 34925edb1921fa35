"""Bank health: what is wrong with each question or file, and how to fix it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.core.assembly import QuestionStats
from app.core.bank.problems import Problem, Severity
from app.core.models import Question, QuestionId
from app.core.search_text import fold

#: A question answered at least this many times and never right is reported.
ALWAYS_FAILED_AFTER = 3
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class HealthIssue:
    """One finding: a stable code, what is wrong, and the fix to offer."""

    code: str
    message: str
    fix: str
    severity: Severity = Severity.WARNING


FIXES = {
    "no-explanation": "add a '## Explanation' section that teaches why the key is right",
    "unknown-fact": "use a fact id from the bank's facts.tsv, or add the fact there",
    "duplicate-id": "give one of the two files a new id",
}


def _stem_key(stem: str) -> str:
    return _NOT_WORD.sub("", fold(stem))


def health_issues(
    questions: Iterable[Question],
    problems: Iterable[Problem],
    stats: Mapping[QuestionId, QuestionStats] | None = None,
) -> dict[str, list[HealthIssue]]:
    """Issues keyed by file path: parse problems, missing explanations, duplicate stems, always failed."""
    issues: dict[str, list[HealthIssue]] = defaultdict(list)
    for p in problems:
        fix = FIXES.get(p.code, "edit the file at the line shown")
        issues[p.file].append(HealthIssue(p.code, f"line {p.line}: {p.message}", fix, p.severity))
    by_stem: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        by_stem[_stem_key(q.stem)].append(q)
        s = (stats or {}).get(q.id)
        if s is not None and s.graded >= ALWAYS_FAILED_AFTER and s.correct == 0:
            issues[q.path].append(
                HealthIssue(
                    "always-failed",
                    f"answered {s.graded} times, never right",
                    "check the key and whether the stem is ambiguous",
                )
            )
    for group in by_stem.values():
        if len(group) > 1:
            for q in group:
                others = ", ".join(o.id for o in group if o is not q)
                issues[q.path].append(
                    HealthIssue("duplicate-stem", f"same stem as {others}", "merge them or reword one")
                )
    return dict(issues)
