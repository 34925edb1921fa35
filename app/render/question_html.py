"""HTML documents for a question: its stem while answering, and the key and explanation in review."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html import escape, unescape

from app.core.models import Question, QuestionType, Response, is_empty
from app.render.markdown_html import MarkdownRenderer, plain

CJK_FONTS = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
)
PAGE_CSS = f"""
body {{ font-family: {CJK_FONTS}; font-size: 11pt; line-height: 150%; }}
pre {{ font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace; font-size: 10pt; }}
code {{ font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace; background-color: #f3f3f3; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #bbb; padding: 3px 8px; }}
h3 {{ margin-top: 14px; }}
.right {{ color: #2e7d32; }}
.wrong {{ color: #c62828; }}
"""
TYPE_LABELS = {
    QuestionType.SINGLE: "单选题",
    QuestionType.MULTIPLE: "多选题",
    QuestionType.TRUEFALSE: "判断题",
    QuestionType.FILL: "填空题",
    QuestionType.ORDER: "排序题",
    QuestionType.MATCH: "配对题",
    QuestionType.OPEN: "简答题",
    QuestionType.OUTPUT: "代码输出题",
}

_renderer = MarkdownRenderer()
_TAG = re.compile(r"<[^>]+>")
_BLANK_MARK = re.compile(r"\{\{\d+\}\}")


def page(body: str) -> str:
    """A complete HTML document with the app's CSS and a CJK font stack."""
    return f"<html><head><style>{PAGE_CSS}</style></head><body>{body}</body></html>"


@lru_cache(maxsize=512)
def _stem_html(content_hash: str, stem: str) -> str:
    return _renderer.to_html_with_blanks(stem)


def stem_html(question: Question) -> str:
    """The rendered stem, cached by the file's content hash."""
    return _stem_html(question.content_hash, question.stem)


def markdown_html(text: str) -> str:
    """Any Markdown text of the bank (option, answer, explanation) rendered safely."""
    return _renderer.to_html(text)


def inline_html(text: str) -> str:
    """A one-line Markdown text (an option) without its wrapping paragraph."""
    html = markdown_html(text).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def plain_text(text: str) -> str:
    """A one-line Markdown text as plain words (for widget labels): inline code and emphasis marks dropped."""
    return unescape(_TAG.sub("", inline_html(text)))


def question_page(question: Question, number: int, total: int) -> str:
    """The question as shown while answering."""
    label = f"第 {number} / {total} 题 · {TYPE_LABELS[question.type]} · {escape(question.topic)}"
    header = f"<p style='color:#666'>{label}</p>"
    return page(header + stem_html(question))


LETTERS = "ABCDEFGH"


def shown_letters(question: Question, options: Sequence[int] | None = None) -> dict[str, str]:
    """File key -> the letter the attempt displayed (options shuffled per attempt)."""
    order = options or range(len(question.choices))
    return {question.choices[index].key: LETTERS[shown] for shown, index in enumerate(order)}


def key_html(question: Question, options: Sequence[int] | None = None) -> str:
    """The correct answer, in words, for review; option letters as the attempt showed them."""
    match question.type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            letters = shown_letters(question, options)
            order = options or range(len(question.choices))
            items = "".join(
                f"<li>{'✔ ' if c.correct else ''}<b>{letters[c.key]}.</b> {inline_html(c.text)}</li>"
                for c in (question.choices[i] for i in order)
            )
            keys = ", ".join(sorted(letters[k] for k in question.correct_keys))
            return f"<p>正确答案：<b>{keys}</b></p><ul>{items}</ul>"
        case QuestionType.TRUEFALSE:
            return f"<p>正确答案：<b>{'正确 (true)' if question.truth else '错误 (false)'}</b></p>"
        case QuestionType.FILL:
            rows = "".join(f"<li>{' / '.join(escape(a) for a in alts)}</li>" for alts in question.blanks)
            return f"<p>各空答案：</p><ol>{rows}</ol>"
        case QuestionType.ORDER:
            rows = "".join(f"<li>{inline_html(item)}</li>" for item in question.order_items)
            return f"<p>正确顺序：</p><ol>{rows}</ol>"
        case QuestionType.MATCH:
            rows = "".join(
                f"<tr><td>{inline_html(p.left)}</td><td>{inline_html(p.right)}</td></tr>"
                for p in question.pairs
            )
            return f"<p>正确配对：</p><table>{rows}</table>"
        case QuestionType.OPEN:
            points = "".join(f"<li>[{kp.weight:g}] {inline_html(kp.text)}</li>" for kp in question.key_points)
            return f"<h3>参考答案</h3>{markdown_html(question.model_answer)}<h3>得分点</h3><ul>{points}</ul>"
        case QuestionType.OUTPUT:
            return f"<p>输出：</p><pre>{escape(question.outputs[0])}</pre>"
    return ""  # pragma: no cover


def response_text(question: Question, response: Response, options: Sequence[int] | None = None) -> str:
    """The user's response in words (escaped HTML), with the option letters the attempt showed."""
    if is_empty(response):
        return "<i>未作答</i>"
    if question.type is QuestionType.TRUEFALSE:
        return "正确 (true)" if response is True else "错误 (false)"
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        letters = shown_letters(question, options)
        picked = response if isinstance(response, list) else [response]
        return escape(", ".join(sorted(letters.get(str(k), str(k)) for k in picked)))
    if question.type is QuestionType.ORDER and isinstance(response, list):
        items = question.order_items
        rows = "".join(f"<li>{inline_html(items[int(i)])}</li>" for i in response if 0 <= int(i) < len(items))
        return f"<ol>{rows}</ol>"
    if isinstance(response, list):
        return "<br/>".join(f"({n}) {escape(str(r))}" for n, r in enumerate(response, start=1))
    if isinstance(response, dict):
        return "<br/>".join(f"{escape(k)} → {escape(v)}" for k, v in response.items())
    if question.type is QuestionType.OUTPUT:
        return f"<pre>{escape(str(response))}</pre>"
    return plain(str(response))


def review_page(
    question: Question, response: Response, correct: bool | None, options: Sequence[int] | None = None
) -> str:
    """The question with the user's answer, the key and the explanation."""
    if correct is None:
        verdict = "<b>待自评 (pending self-grading)</b>"
    else:
        verdict = "<b class='right'>✔ 回答正确</b>" if correct else "<b class='wrong'>✘ 回答错误</b>"
    return page(
        f"<p>{verdict}</p>{stem_html(question)}"
        f"<h3>你的答案</h3><div>{response_text(question, response, options)}</div>"
        f"<h3>答案</h3>{key_html(question, options)}"
        f"<h3>解析</h3>{markdown_html(question.explanation)}"
    )


def short_title(question: Question) -> str:
    """The first line of the stem, without Markdown marks, cut to fit a list row."""
    line = next(
        (ln.strip() for ln in question.stem.splitlines() if ln.strip() and not ln.startswith("```")), ""
    )
    line = _BLANK_MARK.sub("____", line.replace("`", "").replace("**", ""))
    return line[:48] + ("…" if len(line) > 48 else "")
