"""Turn one question file's text into a validated Question, reporting problems by line."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from app.core.bank import fields
from app.core.bank.frontmatter import FrontMatter, split_front_matter
from app.core.bank.problems import ProblemSink
from app.core.bank.sections import Body, split_body
from app.core.models import Question, QuestionId, QuestionType

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
FACT_PATTERN = re.compile(r"^\d{3}\.\d+\.\d+$")
KNOWN_KEYS = {
    "id", "type", "topic", "tags", "difficulty", "facts", "source", "section",
    "time", "points", "versions", "followups",
}  # fmt: skip
REQUIRED_SECTIONS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("options",),
    QuestionType.MULTIPLE: ("options",),
    QuestionType.TRUEFALSE: ("answer",),
    QuestionType.FILL: ("blanks",),
    QuestionType.ORDER: ("order",),
    QuestionType.MATCH: ("pairs",),
    QuestionType.OPEN: ("answer", "key points"),
    QuestionType.OUTPUT: ("output",),
}


def content_hash(data: bytes) -> str:
    """The hash that identifies one version of a question file."""
    return hashlib.sha256(data).hexdigest()


def parse_question(
    text: str,
    path: str,
    sink: ProblemSink,
    default_topic: str = "",
    known_facts: frozenset[str] | None = None,
) -> Question | None:
    """Parse a question file's text; None when it has errors (all of them are in `sink`).

    `known_facts`, when given, is the syllabus every `facts:` id must belong to.
    """
    lines = text.splitlines()
    front = split_front_matter(lines, sink)
    if front is None:
        return None
    meta = _check_front_matter(front, default_topic, known_facts, sink)
    body = split_body(lines[front.body_start - 1 :], front.body_start, sink)
    if meta is None:
        return None
    qtype: QuestionType = meta["type"]
    if not body.stem.text:
        sink.error(front.body_start, "empty-stem", "the question has no stem after the front matter")
    explanation = body.sections.get("explanation")
    if explanation is None or not explanation.text:
        sink.warn(
            front.body_start,
            "no-explanation",
            "no '## Explanation' section: add one that teaches why the key is right",
        )
    for name in REQUIRED_SECTIONS[qtype]:
        block = body.sections.get(name)
        if block is None or not block.text:
            sink.error(
                front.body_start,
                "missing-section",
                f"a {qtype} question needs a non-empty '## {name.capitalize()}' section",
            )
    for name, block in body.sections.items():
        if name != "explanation" and name not in REQUIRED_SECTIONS[qtype]:
            sink.error(
                block.heading_line,
                "unexpected-section",
                f"'## {name.capitalize()}' is not used by {qtype} questions",
            )
    if sink.has_errors:
        return None
    key = _parse_key(qtype, body, sink)
    if sink.has_errors:
        return None
    return Question(
        stem=body.stem.text,
        explanation=explanation.text if explanation else "",
        path=path,
        content_hash=content_hash(text.encode("utf-8")),
        **meta,
        **key,
    )


def _parse_key(qtype: QuestionType, body: Body, sink: ProblemSink) -> dict[str, Any]:
    sections = body.sections
    if qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return {"choices": fields.parse_options(sections["options"], qtype is QuestionType.MULTIPLE, sink)}
    if qtype is QuestionType.TRUEFALSE:
        return {"truth": fields.parse_truth(sections["answer"], sink)}
    if qtype is QuestionType.FILL:
        return {"blanks": fields.parse_blanks(sections["blanks"], body.stem.text, body.stem.first_line, sink)}
    if qtype is QuestionType.ORDER:
        return {"order_items": fields.parse_order(sections["order"], sink)}
    if qtype is QuestionType.MATCH:
        pairs, distractors = fields.parse_pairs(sections["pairs"], sink)
        return {"pairs": pairs, "distractors": distractors}
    if qtype is QuestionType.OPEN:
        return {
            "model_answer": sections["answer"].text,
            "key_points": fields.parse_key_points(sections["key points"], sink),
        }
    return {"outputs": fields.parse_outputs(sections["output"], sink)}


def _check_front_matter(
    front: FrontMatter, default_topic: str, known_facts: frozenset[str] | None, sink: ProblemSink
) -> dict[str, Any] | None:
    """Validate each key; returns the Question keyword arguments it yields, or None on error."""
    v, line = front.values, front.line_of
    for key in sorted(set(v) - KNOWN_KEYS):
        sink.warn(line(key), "unknown-key", f"unknown front matter key '{key}'")
    qid = v.get("id")
    if not isinstance(qid, str) or not ID_PATTERN.match(qid):
        sink.error(line("id"), "bad-id", f"'id' must be a lowercase slug (a-z, 0-9, -), got {qid!r}")
    try:
        qtype = QuestionType(str(v.get("type")))
    except ValueError:
        allowed = " | ".join(t.value for t in QuestionType)
        sink.error(line("type"), "unknown-type", f"unknown type {v.get('type')!r}; use one of {allowed}")
        qtype = QuestionType.SINGLE
    topic = v.get("topic", default_topic)
    if not isinstance(topic, str) or not topic.strip():
        sink.error(line("topic"), "bad-topic", "'topic' must be a non-empty string")
    difficulty = v.get("difficulty")
    if not isinstance(difficulty, int) or isinstance(difficulty, bool) or not 1 <= difficulty <= 5:
        sink.error(
            line("difficulty"), "bad-difficulty", f"'difficulty' must be an integer 1-5, got {difficulty!r}"
        )
    tags = _string_list(v, "tags", front, sink)
    facts = _string_list(v, "facts", front, sink, required=True)
    for fact in facts:
        if not FACT_PATTERN.match(fact):
            sink.error(line("facts"), "bad-fact-id", f"fact id {fact!r} is not of the form 000.1.3")
    followups = _string_list(v, "followups", front, sink)
    for name in ("source", "section"):
        if name in v and not isinstance(v[name], str):
            sink.error(line(name), f"bad-{name}", f"'{name}' must be a quoted string, got {v[name]!r}")
    time = v.get("time")
    if time is not None and (not isinstance(time, int) or isinstance(time, bool) or time <= 0):
        sink.error(line("time"), "bad-time", f"'time' must be a positive number of seconds, got {time!r}")
    points = v.get("points", 1)
    if not isinstance(points, int | float) or isinstance(points, bool) or points <= 0:
        sink.error(line("points"), "bad-points", f"'points' must be a positive number, got {points!r}")
    versions = v.get("versions", {})
    if not isinstance(versions, dict):
        sink.error(line("versions"), "bad-versions", "'versions' must be a mapping like {go: '>=1.22'}")
    if known_facts is not None:
        for fact in facts:
            if FACT_PATTERN.match(fact) and fact not in known_facts:
                sink.error(line("facts"), "unknown-fact", f"fact id {fact} is not in the bank's facts.tsv")
    if sink.has_errors:
        return None
    return {
        "id": QuestionId(str(qid)),
        "type": qtype,
        "topic": str(topic).strip(),
        "difficulty": int(difficulty),  # type: ignore[arg-type]
        "tags": tags,
        "facts": facts,
        "source": v.get("source", ""),
        "section": v.get("section", ""),
        "time": time,
        "points": float(points),
        "versions": tuple((str(k), str(val)) for k, val in versions.items()),
        "followups": tuple(QuestionId(f) for f in followups),
    }


def _string_list(
    v: dict[str, Any], key: str, front: FrontMatter, sink: ProblemSink, required: bool = False
) -> tuple[str, ...]:
    value = v.get(key)
    if value is None:
        if required:
            sink.error(front.line_of(key), f"missing-{key}", f"'{key}' is required (a list, may be empty)")
        return ()
    if not isinstance(value, list) or not all(isinstance(x, str | int | float) for x in value):
        sink.error(front.line_of(key), f"bad-{key}", f"'{key}' must be a list like [a, b]")
        return ()
    return tuple(str(x) for x in value)
