"""The user's answer and the key side by side, for the attempt report: what differs is marked.

Fill-in and code-output answers are compared character by character (difflib): in the user's answer the
wrong parts are red, in the key the parts the answer missed are green.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from html import escape

from app.core.models import Question, QuestionType, Response, is_empty
from app.core.scoring import blank_matches, normalize_output, regex_of
from app.render.markdown_html import plain
from app.render.question_html import inline_html, key_html, markdown_html, response_text, shown_letters

RIGHT_COLOR = "#2e7d32"
WRONG_COLOR = "#c62828"
WRONG_STYLE = f"color:{WRONG_COLOR}; background-color:#ffcdd2; font-weight:bold;"
MISSING_STYLE = f"color:{RIGHT_COLOR}; background-color:#c8e6c9; font-weight:bold;"
UNANSWERED = "<i style='color:#888'>未作答</i>"


def _marked(text: str, style: str) -> str:
    return f"<span style='{style}'>{escape(text)}</span>" if text else ""


def diff_html(given: str, expected: str) -> tuple[str, str]:
    """Both texts as escaped HTML: wrong parts of `given` in red, parts of `expected` it lacks in green."""
    matcher = SequenceMatcher(None, given, expected, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            left.append(escape(given[i1:i2]))
            right.append(escape(expected[j1:j2]))
        else:
            left.append(_marked(given[i1:i2], WRONG_STYLE))
            right.append(_marked(expected[j1:j2], MISSING_STYLE))
    return "".join(left), "".join(right)


def _closest(given: str, candidates: Sequence[str]) -> str:
    return max(candidates, key=lambda c: SequenceMatcher(None, given, c, autojunk=False).ratio())


def _tick(ok: bool) -> str:
    return (
        f"<span style='color:{RIGHT_COLOR}'>✔</span>" if ok else f"<span style='color:{WRONG_COLOR}'>✘</span>"
    )


def _alternative(text: str) -> str:
    pattern = regex_of(text)
    return escape(text) if pattern is None else f"正则 <code>{escape(pattern)}</code>"


def _fill_columns(question: Question, response: Response) -> tuple[str, str]:
    given = [str(r) for r in response] if isinstance(response, list) else []
    left: list[str] = []
    right: list[str] = []
    for number, accepted in enumerate(question.blanks, start=1):
        text = given[number - 1].strip() if number <= len(given) else ""
        literals = [a for a in accepted if regex_of(a) is None]
        chosen = _closest(text, literals) if literals else accepted[0]
        shown = _alternative(chosen)
        if not text:
            left.append(f"({number}) {UNANSWERED}")
        elif blank_matches(text, accepted):
            left.append(f"({number}) {_tick(True)} {escape(text)}")
        elif literals:
            mine, shown = diff_html(text, chosen)
            left.append(f"({number}) {_tick(False)} {mine}")
        else:
            left.append(f"({number}) {_tick(False)} {_marked(text, WRONG_STYLE)}")
        rest = [_alternative(a) for a in accepted if a != chosen]
        also = f" <span style='color:#888'>（亦可：{' / '.join(rest)}）</span>" if rest else ""
        right.append(f"({number}) {shown}{also}")
    return "<br/>".join(left), "<br/>".join(right)


def _output_columns(question: Question, response: Response) -> tuple[str, str]:
    expected = [normalize_output(o) for o in question.outputs]
    key = f"<pre>{escape(question.outputs[0])}</pre>"
    if is_empty(response):
        return UNANSWERED, key
    given = normalize_output(str(response))
    if given in expected:
        return f"<pre>{escape(given)}</pre>", key
    mine, theirs = diff_html(given, _closest(given, expected))
    return f"<pre>{mine}</pre>", f"<pre>{theirs}</pre>"


def _choice_column(question: Question, response: Response, options: Sequence[int] | None) -> str:
    picked = {str(k) for k in (response if isinstance(response, list) else [response])}
    letters = shown_letters(question, options)
    order = options or range(len(question.choices))
    rows = [
        f"{_tick(c.correct)} <b>{letters[c.key]}.</b> {inline_html(c.text)}"
        for c in (question.choices[i] for i in order)
        if c.key in picked
    ]
    return "<br/>".join(rows)


def _order_column(question: Question, response: Response) -> str:
    items = question.order_items
    indexes = [int(i) for i in response if 0 <= int(i) < len(items)] if isinstance(response, list) else []
    rows = "".join(
        f"<li>{_tick(index == position)} {inline_html(items[index])}</li>"
        for position, index in enumerate(indexes)
    )
    return f"<ol>{rows}</ol>"


def _match_column(question: Question, response: Response) -> str:
    chosen = response if isinstance(response, dict) else {}
    rows = []
    for pair in question.pairs:
        pick = chosen.get(pair.left, "")
        shown = inline_html(pick) if pick else UNANSWERED
        rows.append(f"{_tick(pick == pair.right)} {inline_html(pair.left)} → {shown}")
    return "<br/>".join(rows)


def answer_columns(
    question: Question, response: Response, options: Sequence[int] | None = None
) -> tuple[str, str]:
    """(the user's answer, the correct one) as HTML cells; option letters as the attempt showed them."""
    if question.type is QuestionType.FILL:
        return _fill_columns(question, response)
    if question.type is QuestionType.OUTPUT:
        return _output_columns(question, response)
    if question.type is QuestionType.OPEN:
        mine = plain(str(response)) if not is_empty(response) else UNANSWERED
        return mine, markdown_html(question.model_answer)
    key = key_html(question, options)
    if is_empty(response):
        return UNANSWERED, key
    match question.type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            return _choice_column(question, response, options), key
        case QuestionType.ORDER:
            return _order_column(question, response), key
        case QuestionType.MATCH:
            return _match_column(question, response), key
    return f"{_tick(response is question.truth)} {response_text(question, response, options)}", key
