"""Write questions as Moodle XML, with Markdown rendered to HTML (highlighted code) in CDATA sections."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from app.core.models import Question, QuestionType
from app.core.scoring import regex_of
from app.interchange.model import Exported, ExportSkip
from app.interchange.moodle_essay import graderinfo_html
from app.interchange.text import markdown_to_html

MISSING_WORD = r"\_\_\_\_\_"


def cdata(text: str) -> str:
    """`text` as CDATA; a `]]>` inside is split across two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(tag: str, markdown: str, indent: str = "    ") -> str:
    body = cdata(markdown_to_html(markdown)) if markdown.strip() else ""
    return f'{indent}<{tag} format="html">\n{indent}  <text>{body}</text>\n{indent}</{tag}>'


def _fraction(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".") or "0"


def write_moodle_xml(questions: Sequence[Question]) -> Exported:
    """A Moodle XML quiz: a category per topic, then its questions; ones Moodle cannot hold are skipped."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    skipped: list[ExportSkip] = []
    topic = None
    for question in questions:
        body, reason = _body(question)
        if body is None:
            skipped.append(ExportSkip(question.id, reason))
            continue
        if question.topic != topic:
            topic = question.topic
            path = escape(f"$course$/top/{topic}")
            out += [
                '  <question type="category">',
                f"    <category><text>{path}</text></category>",
                "  </question>",
            ]
        out += [_question(question, *body)]
    out.append("</quiz>\n")
    return Exported("\n".join(out), skipped)


def _question(q: Question, qtype: str, specific: list[str]) -> str:
    stem = q.stem.replace("{{1}}", MISSING_WORD) if q.type is QuestionType.FILL else q.stem
    lines = [
        f'  <question type="{qtype}">',
        f"    <name><text>{escape(q.id)}</text></name>",
        _html("questiontext", stem),
        _html("generalfeedback", q.explanation),
        f"    <defaultgrade>{_fraction(q.points)}</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{escape(q.id)}</idnumber>",
        *specific,
    ]
    if q.tags:
        lines += [
            "    <tags>",
            *(f"      <tag><text>{escape(t)}</text></tag>" for t in q.tags),
            "    </tags>",
        ]
    return "\n".join([*lines, "  </question>"])


def _answer(fraction: float, text: str, html: bool = True) -> list[str]:
    body = cdata(markdown_to_html(text)) if html else escape(text)
    text_format = "html" if html else "moodle_auto_format"
    return [
        f'    <answer fraction="{_fraction(fraction)}" format="{text_format}">',
        f"      <text>{body}</text>",
        '      <feedback format="html"><text></text></feedback>',
        "    </answer>",
    ]


def _body(q: Question) -> tuple[tuple[str, list[str]] | None, str]:
    """(Moodle type, type-specific XML lines), or None and the reason it cannot be exported."""
    lines: list[str] = []
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        single = q.type is QuestionType.SINGLE
        share = 100 if single else 100 / max(1, len(q.correct_keys))
        lines += [
            f"    <single>{'true' if single else 'false'}</single>",
            "    <shuffleanswers>true</shuffleanswers>",
        ]
        lines += ["    <answernumbering>ABCD</answernumbering>"]
        for choice in q.choices:
            lines += _answer(share if choice.correct else (0 if single else -share), choice.text)
        return ("multichoice", lines), ""
    if q.type is QuestionType.TRUEFALSE:
        lines = _answer(100 if q.truth else 0, "true", False) + _answer(0 if q.truth else 100, "false", False)
        return ("truefalse", lines), ""
    if q.type is QuestionType.FILL:
        if len(q.blanks) != 1:
            return None, f"a Moodle short answer has one blank; this question has {len(q.blanks)}"
        literal = [a for a in q.blanks[0] if regex_of(a) is None and "*" not in a]
        if not literal:
            return None, "no answer of the blank is a plain literal (regexes and * cannot go to Moodle)"
        lines = ["    <usecase>0</usecase>"]
        for alternative in literal:
            lines += _answer(100, alternative, False)
        return ("shortanswer", lines), ""
    if q.type is QuestionType.MATCH:
        lines = ["    <shuffleanswers>true</shuffleanswers>"]
        entries = [(p.left, p.right) for p in q.pairs] + [("", d) for d in q.distractors]
        for left, right in entries:
            left_html = cdata(markdown_to_html(left)) if left else ""
            lines += ['    <subquestion format="html">', f"      <text>{left_html}</text>"]
            lines += [f"      <answer><text>{escape(right)}</text></answer>", "    </subquestion>"]
        return ("matching", lines), ""
    if q.type is QuestionType.ORDER:
        lines = ["    <layouttype>VERTICAL</layouttype>", "    <selecttype>ALL</selecttype>"]
        lines += ["    <selectcount>0</selectcount>", "    <gradingtype>ABSOLUTE_POSITION</gradingtype>"]
        for item in q.order_items:
            lines += [*_answer(1, item)[:2], "    </answer>"]
        return ("ordering", lines), ""
    response = "editor" if q.type is QuestionType.OPEN else "monospaced"
    lines = [f"    <responseformat>{response}</responseformat>", "    <responserequired>1</responserequired>"]
    lines += ["    <responsefieldlines>15</responsefieldlines>", "    <attachments>0</attachments>"]
    lines += [f'    <graderinfo format="html"><text>{cdata(graderinfo_html(q))}</text></graderinfo>']
    lines += ['    <responsetemplate format="html"><text></text></responsetemplate>']
    return ("essay", lines), ""
