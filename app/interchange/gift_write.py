"""Write questions as Moodle GIFT: choice, true/false, one-blank fill and matching; the rest is skipped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.models import Question, QuestionType
from app.core.scoring import regex_of
from app.interchange.gift_syntax import escape_text
from app.interchange.model import Exported, ExportSkip

_FORMAT_MARK = re.compile(r"^\s*\[(markdown|html|plain|moodle)\]", re.IGNORECASE)
_CANNOT = {
    QuestionType.ORDER: "GIFT has no ordering question",
    QuestionType.OPEN: "a GIFT essay carries neither a model answer nor key points",
    QuestionType.OUTPUT: "GIFT has no program-output question",
}


def write_gift(questions: Sequence[Question]) -> Exported:
    """GIFT text for the questions GIFT can carry, grouped by `$CATEGORY:` per topic; the others skipped."""
    parts = ["// MockExam questions in Moodle GIFT format", ""]
    skipped: list[ExportSkip] = []
    topic = None
    for question in questions:
        body, reason = _question(question)
        if body is None:
            skipped.append(ExportSkip(question.id, reason))
            continue
        if question.topic != topic:
            topic = question.topic
            parts += [f"$CATEGORY: $course$/top/{escape_text(topic)}", ""]
        parts += [body, ""]
    return Exported("\n".join(parts), skipped)


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _text(text: str) -> str:
    """Escaped text; one that starts like a format marker gets an explicit `[markdown]` in front."""
    return ("[markdown]" if _FORMAT_MARK.match(text) else "") + escape_text(text)


def _weighted(text: str, correct: bool) -> str:
    """An answer's text; one starting with `%` gets an explicit weight so it is not read as one."""
    return (("%100%" if correct else "%0%") if text.startswith("%") else "") + _text(text)


def _question(q: Question) -> tuple[str | None, str]:
    if q.type in _CANNOT:
        return None, _CANNOT[q.type]
    head = f"::{q.id}::[markdown]"
    stem, after, answers = q.stem, "", []
    if q.type is QuestionType.SINGLE:
        answers = [("=" if c.correct else "~") + _weighted(c.text, c.correct) for c in q.choices]
    elif q.type is QuestionType.MULTIPLE:
        share = 100 / max(1, len(q.correct_keys))
        answers = [f"~%{'' if c.correct else '-'}{_percent(share)}%{_text(c.text)}" for c in q.choices]
    elif q.type is QuestionType.TRUEFALSE:
        answers = ["TRUE" if q.truth else "FALSE"]
    elif q.type is QuestionType.MATCH:
        if any("->" in p.left for p in q.pairs):
            return None, "a matching left item contains '->', which GIFT cannot escape"
        answers = [f"={_text(p.left)} -> {escape_text(p.right)}" for p in q.pairs]
        answers += [f"= -> {escape_text(d)}" for d in q.distractors]
    else:
        if len(q.blanks) != 1:
            return None, f"a GIFT short answer has one blank; this question has {len(q.blanks)}"
        literal = [a for a in q.blanks[0] if regex_of(a) is None and "*" not in a]
        if not literal:
            return None, "no answer of the blank is a plain literal (regexes and * cannot go to GIFT)"
        if any("->" in a for a in literal):
            return None, "a fill-in answer contains '->', which GIFT would read as matching"
        answers = ["=" + _weighted(a, True) for a in literal]
        stem, _, after = q.stem.partition("{{1}}")
    if q.explanation.strip():
        answers.append("####" + _text(q.explanation.strip()))
    block = "{\n" + "".join(f"\t{a}\n" for a in answers) + "}"
    return head + escape_text(stem) + block + escape_text(after), ""
