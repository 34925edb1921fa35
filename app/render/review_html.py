"""HTML for one reviewed question: verdict, answers side by side, explanation, time and facts."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from app.core.review import ReviewItem
from app.render.question_html import key_html, markdown_html, page, response_text, stem_html


def verdict_html(item: ReviewItem) -> str:
    """The mark in words and colour."""
    mark = item.mark
    if not item.answered:
        return "<b class='wrong'>○ 未作答</b>"
    if mark.pending:
        return "<b>… 待自评 (pending self-grading)</b>"
    if mark.correct:
        return f"<b class='right'>✔ 回答正确 · {mark.score:g} / {mark.max_score:g} 分</b>"
    return f"<b class='wrong'>✘ 得 {mark.score:g} / {mark.max_score:g} 分</b>"


def timing_html(item: ReviewItem) -> str:
    """Time spent against the question's suggested time."""
    spent = item.time_spent_ms / 1000
    suggested = item.question.time
    if suggested:
        state = "wrong" if spent > suggested else "right"
        return f"用时 <span class='{state}'>{spent:.0f} 秒</span>（建议 {suggested} 秒）"
    return f"用时 {spent:.0f} 秒"


def review_item_page(item: ReviewItem, options: Sequence[int] | None = None) -> str:
    """The whole page for one question of a reviewed attempt."""
    question = item.question
    facts = ", ".join(escape(f) for f in question.facts) or "—"
    changed = (
        "<p style='color:#e65100'>此题在你作答后被修改过；这里显示你作答时的版本。</p>"
        if item.changed
        else ""
    )
    flag = " · 已标记" if item.flagged else ""
    return page(
        f"<p>{verdict_html(item)}</p>"
        f"<p style='color:#666'>第 {item.number} 题 · {escape(question.topic)} · "
        f"{timing_html(item)}{flag}</p>"
        f"{changed}{stem_html(question)}"
        "<table width='100%' cellpadding='6'><tr>"
        f"<th width='50%' align='left'>你的答案</th><th width='50%' align='left'>正确答案</th></tr><tr>"
        f"<td valign='top'>{response_text(question, item.response, options)}</td>"
        f"<td valign='top'>{key_html(question, options)}</td></tr></table>"
        f"<h3>解析</h3>{markdown_html(question.explanation)}"
        f"<p style='color:#666'>考点 (facts)：{facts} · 题目 {escape(question.id)}</p>"
    )
