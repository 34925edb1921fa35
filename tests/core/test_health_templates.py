"""Bank health findings and new-question templates."""

from __future__ import annotations

import dataclasses

from app.core.assembly import QuestionStats
from app.core.bank.health import health_issues
from app.core.bank.parse import parse_question
from app.core.bank.problems import Problem, ProblemSink, Severity
from app.core.bank.templates import question_template
from app.core.models import Question, QuestionId, QuestionType


def test_every_template_parses_cleanly() -> None:
    for qtype in QuestionType:
        sink = ProblemSink("new.md")
        question = parse_question(question_template(qtype, "new-q", "mine"), "new.md", sink)
        assert question is not None, [str(p) for p in sink.items]
        assert question.type is qtype
        assert sink.items == []


def test_health_lists_problems_duplicates_and_always_failed(good: dict[str, Question]) -> None:
    a = next(iter(good.values()))
    b = dataclasses.replace(a, id=QuestionId("b"), path="b.md", stem=a.stem.upper() + " ")
    c = dataclasses.replace(a, id=QuestionId("c"), path="c.md", stem="完全不同的题干")
    problems = [Problem("x.md", 3, "no-explanation", "no explanation", Severity.WARNING)]
    stats = {QuestionId("c"): QuestionStats(seen=3, graded=3, correct=0)}
    issues = health_issues([a, b, c], problems, stats)
    assert [i.code for i in issues["x.md"]] == ["no-explanation"]
    assert [i.code for i in issues[a.path]] == ["duplicate-stem"]
    assert [i.code for i in issues["b.md"]] == ["duplicate-stem"]
    assert [i.code for i in issues["c.md"]] == ["always-failed"]
    stats[QuestionId("c")] = QuestionStats(seen=3, graded=3, correct=1)
    assert "c.md" not in health_issues([a, c], [], stats)
