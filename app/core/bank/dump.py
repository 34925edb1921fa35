"""Write a Question back as a bank file, in the same layout a person writes by hand."""

from __future__ import annotations

import re
from typing import Any

import yaml

from app.core.models import Question, QuestionType

_BACKTICKS = re.compile(r"`{3,}")


def question_to_markdown(question: Question) -> str:
    """The text of a bank file for `question`; parsing it gives the same question back."""
    parts = ["---", *_front_matter(question), "---", question.stem.strip("\n").rstrip(), ""]
    for heading, body in _sections(question):
        parts += [f"## {heading}", body, ""]
    return "\n".join(parts)


def _front_matter(q: Question) -> list[str]:
    entries: list[tuple[str, Any]] = [("id", q.id), ("type", q.type.value), ("topic", q.topic)]
    entries += [("tags", list(q.tags)), ("difficulty", q.difficulty), ("facts", list(q.facts))]
    if q.source:
        entries.append(("source", q.source))
    if q.section:
        entries.append(("section", q.section))
    if q.time is not None:
        entries.append(("time", q.time))
    if q.points != 1:
        entries.append(("points", _number(q.points)))
    if q.versions:
        entries.append(("versions", dict(q.versions)))
    if q.followups:
        entries.append(("followups", list(q.followups)))
    return [f"{key}: {_yaml_value(value, quote=key == 'section')}" for key, value in entries]


def _yaml_value(value: Any, quote: bool = False) -> str:
    if quote and isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    flow = yaml.safe_dump(
        [value], default_flow_style=True, allow_unicode=True, width=1_000_000, sort_keys=False
    )
    return str(flow.strip())[1:-1]


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _item(text: str) -> str:
    """A list item's text: continuation lines indented so the parser joins them back."""
    first, *rest = text.strip().splitlines() or [""]
    return "\n".join([first, *(f"  {line.strip()}" for line in rest if line.strip())])


def _sections(q: Question) -> list[tuple[str, str]]:
    key: list[tuple[str, str]]
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        key = [("Options", "\n".join(f"- [{'x' if c.correct else ' '}] {_item(c.text)}" for c in q.choices))]
    elif q.type is QuestionType.TRUEFALSE:
        key = [("Answer", "true" if q.truth else "false")]
    elif q.type is QuestionType.FILL:
        key = [("Blanks", "\n".join(f"{i}. {' | '.join(alts)}" for i, alts in enumerate(q.blanks, 1)))]
    elif q.type is QuestionType.ORDER:
        key = [("Order", "\n".join(f"{i}. {_item(item)}" for i, item in enumerate(q.order_items, 1)))]
    elif q.type is QuestionType.MATCH:
        lines = [f"- {_item(p.left)} => {_item(p.right)}" for p in q.pairs]
        lines += [f"- => {_item(d)}" for d in q.distractors]
        key = [("Pairs", "\n".join(lines))]
    elif q.type is QuestionType.OPEN:
        points = "\n".join(f"- [{_number(p.weight)}] {_item(p.text)}" for p in q.key_points)
        key = [("Answer", q.model_answer.strip("\n").rstrip()), ("Key points", points)]
    else:
        key = [("Output", "\n\n".join(_fenced(output) for output in q.outputs))]
    explanation = q.explanation.strip("\n").rstrip()
    return [*key, ("Explanation", explanation)] if explanation else key


def _fenced(text: str) -> str:
    """A fenced block longer than any backtick run inside `text`."""
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"
