"""The attempt report: one self-contained HTML document for a browser, Qt's QTextDocument and the PDF.

Only the HTML subset QTextDocument understands is used: tables with width and bgcolor attributes (the bar
charts are coloured table cells), inline styles and a small style sheet; no scripts, images or web fonts.
"""

from __future__ import annotations

import datetime as dt
import time
from html import escape

from app.core.layout import layout_for
from app.core.models import AttemptRecord, QuestionType, Result
from app.core.review import (
    DIFFICULTY_LABELS,
    AttemptReview,
    ItemState,
    ReviewItem,
    by_difficulty,
    by_topic,
    weakest,
)
from app.render.answer_diff import RIGHT_COLOR, WRONG_COLOR, answer_columns
from app.render.question_html import PAGE_CSS, TYPE_LABELS, inline_html, markdown_html, stem_html
from app.render.report_chart import bar_chart, num

PENDING_COLOR = "#ef6c00"
REPORT_CSS = (
    PAGE_CSS
    + """
body { color: #222; }
h1 { font-size: 18pt; margin-bottom: 4px; }
h2 { font-size: 14pt; margin-top: 22px; margin-bottom: 8px; color: #1a4d80; }
h3 { font-size: 12pt; margin-top: 20px; margin-bottom: 4px; background-color: #eef3f8; }
pre { background-color: #f0f0f0; line-height: 100%; white-space: pre-wrap; }
pre code { background-color: transparent; }
.meta { color: #666; font-size: 9pt; }
.note { color: #ef6c00; }
th { background-color: #f2f2f2; text-align: left; }
"""
)
MODE_LABELS = {"exam": "考试模式", "practice": "练习模式"}
CODE_LINE_HEIGHT = (
    '<pre style="line-height: 125%;">'  # as pygments writes it; escaped user text never matches
)
FINISH_NOTES = {"clock": "时间到，自动交卷", "deadline": "关闭时未交卷，已按截止时间自动交卷"}


def _when(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def clock_text(seconds: float | None) -> str:
    """Seconds as "1 小时 05 分 09 秒" or "5 分 09 秒" ("—" for None)."""
    if seconds is None:
        return "—"
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours} 小时 {minutes:02d} 分 {secs:02d} 秒" if hours else f"{minutes} 分 {secs:02d} 秒"


def _colored(text: str, color: str) -> str:
    return f"<b style='color:{color}'>{text}</b>"


def _score_text(result: Result) -> str:
    low, high = result.score_range
    top = result.max_score or 1.0
    if result.pending_count:
        pending = _colored(f"待自评 {result.pending_count} 题", PENDING_COLOR)
        return (
            f"<b style='font-size:16pt'>{num(low)}–{num(high)}</b> / {num(result.max_score)}"
            f"（{low / top:.1%}–{high / top:.1%}），{pending}"
        )
    return f"<b style='font-size:16pt'>{num(low)}</b> / {num(result.max_score)}（{result.ratio:.1%}）"


def _verdict_text(result: Result) -> str:
    low, high = result.score_range
    top = result.max_score or 1.0
    mark = f"（及格线 {result.pass_ratio:.0%}）"
    if low / top >= result.pass_ratio:
        return _colored("通过", RIGHT_COLOR) + mark
    if high / top < result.pass_ratio:
        return _colored("未通过", WRONG_COLOR) + mark
    return _colored("待定", PENDING_COLOR) + mark + "：自评后才能确定是否通过"


def _scaled_text(result: Result) -> str | None:
    if result.scale is None or result.scaled is None:
        return None
    low_end, high_end = result.scale
    high = result.score_range[1]
    top = result.max_score or 1.0
    text = num(result.scaled)
    if result.pending_count:
        text += f"–{num(round(low_end + (high_end - low_end) * high / top))}"
    return f"<b>{text}</b>（{num(low_end)}–{num(high_end)} 分制）"


def _trend_text(result: Result, previous: AttemptRecord | None) -> str | None:
    if previous is None or previous.score is None or not previous.max_score:
        return None
    delta = result.ratio - previous.score / previous.max_score
    points = result.score - previous.score
    color = RIGHT_COLOR if delta > 0.0005 else WRONG_COLOR if delta < -0.0005 else "#666"
    change = _colored(f"{delta * 100:+.1f} 个百分点", color)
    sign = "+" if points > 0 else ""
    return (
        f"{change}，{sign}{num(points)} 分（上次 #{previous.id}，{_when(previous.started_at)}："
        f"{num(previous.score)} / {num(previous.max_score)}）"
    )


def _summary(review: AttemptReview, previous: AttemptRecord | None) -> str:
    record, result = review.record, review.result
    used = clock_text(review.used_s) if record.finished else "未交卷"
    if record.deadline is not None:
        used += f"（限时 {clock_text(record.deadline - record.started_at)}）"
    if record.finish_reason in FINISH_NOTES:
        used += f"，{FINISH_NOTES[record.finish_reason]}"
    left = clock_text(review.left_s) if record.deadline is not None else "不限时"
    states = [item.state for item in review.items]
    counts = [(label, states.count(key)) for key, (_, label, _) in STATES.items()]
    counts.append(("已标记", sum(item.flagged for item in review.items)))
    tally = " · ".join(f"{label} {n}" for label, n in counts if n or label in ("正确", "错误"))
    rows: list[tuple[str, str | None]] = [
        ("得分", _score_text(result)),
        ("结果", _verdict_text(result)),
        ("换算分", _scaled_text(result)),
        ("用时", used),
        ("剩余", left),
        ("较上次", _trend_text(result, previous)),
        ("题目", f"共 {len(review.items)} 题：{tally}"),
    ]
    body = "\n".join(
        f"<tr><th width='18%'>{label}</th><td>{value}</td></tr>" for label, value in rows if value is not None
    )
    return f"<table width='100%' cellspacing='0' cellpadding='5'>\n{body}\n</table>\n"


def _breakdowns(review: AttemptReview) -> str:
    topics = by_topic(review.items)
    pass_ratio = review.record.blueprint.pass_ratio
    weak = weakest(topics)
    if weak is None:
        advice = "<p>各主题都拿到了满分（或仍待自评）。</p>\n"
    else:
        pending = f"，另有 {weak.pending} 题待自评" if weak.pending else ""
        advice = (
            f"<p>最薄弱的主题：<b>{escape(weak.label)}</b>（得分率 {weak.ratio:.0%}，"
            f"{num(weak.score)}/{num(weak.max_score)} 分{pending}）</p>\n"
        )
    return (
        "<h2>分项得分</h2>\n"
        + bar_chart("主题", topics, pass_ratio)
        + advice
        + "<p></p>\n"
        + bar_chart("难度", by_difficulty(review.items), pass_ratio)
    )


#: How one answer went, in the order the summary counts them: label and colour.
STATES = {
    ItemState.CORRECT: ("✔", "正确", RIGHT_COLOR),
    ItemState.PARTIAL: ("◐", "部分正确", PENDING_COLOR),
    ItemState.WRONG: ("✘", "错误", WRONG_COLOR),
    ItemState.UNANSWERED: ("—", "未作答", WRONG_COLOR),
    ItemState.PENDING: ("…", "待自评", PENDING_COLOR),
}


def _verdict(item: ReviewItem) -> str:
    symbol, label, color = STATES[item.state]
    return _colored(f"{symbol} {label}", color)


def _meta(item: ReviewItem) -> str:
    q = item.question
    spent = item.time_spent_ms / 1000
    timing = f"用时 {clock_text(spent)}"
    if q.time:
        over = spent > q.time
        budget = f"建议 {clock_text(q.time)}" + ("，超时" if over else "")
        timing += f"（{_colored(budget, PENDING_COLOR) if over else budget}）"
    score = "待自评" if item.mark.pending else f"{num(item.mark.score)} / {num(item.mark.max_score)} 分"
    parts = [
        escape(q.topic),
        f"难度 {escape(DIFFICULTY_LABELS.get(q.difficulty, str(q.difficulty)))}",
        f"得分 {score}",
        timing,
        f"考点 {escape(', '.join(q.facts)) or '—'}",
        f"题号 {escape(q.id)}",
    ]
    if item.flagged:
        parts.append(_colored("⚑ 已标记", PENDING_COLOR))
    return f"<p class='meta'>{' · '.join(parts)}</p>"


def _key_points(item: ReviewItem) -> str:
    q = item.question
    ticked = set(item.self_grade or ())
    rows = []
    for index, point in enumerate(q.key_points):
        if item.self_grade is None:
            state = "<span style='color:#888'>未自评</span>"
        elif index in ticked:
            state = _colored("✔ 已勾选", RIGHT_COLOR)
        else:
            state = _colored("✘ 未勾选", WRONG_COLOR)
        rows.append(
            f"<tr><td width='16%'>{state}</td><td>[{point.weight:g}] {inline_html(point.text)}</td></tr>"
        )
    return f"<p><b>得分点</b></p><table width='100%' cellspacing='0' cellpadding='4'>{''.join(rows)}</table>"


def question_section(item: ReviewItem, review: AttemptReview) -> str:
    """One question of the report: verdict, meta line, stem, both answers, key points and explanation."""
    q = item.question
    blueprint = review.record.blueprint
    options = layout_for(q, review.record.seed, blueprint.shuffle_options).options
    mine, key = answer_columns(q, item.response, options or None)
    changed = "<p class='note'>⚠ 此题在作答后修改过，以下是作答时的版本。</p>" if item.changed else ""
    parts = [
        f"<h3>第 {item.number} 题 · {TYPE_LABELS[q.type]} · {_verdict(item)}</h3>",
        _meta(item),
        changed,
        stem_html(q),
        "<table width='100%' cellspacing='0' cellpadding='6'>"
        "<tr><th width='50%'>你的答案</th><th width='50%'>"
        + ("参考答案" if q.type is QuestionType.OPEN else "正确答案")
        + f"</th></tr><tr><td valign='top'>{mine}</td><td valign='top'>{key}</td></tr></table>",
        _key_points(item) if q.type is QuestionType.OPEN else "",
        f"<p><b>解析</b></p>{markdown_html(q.explanation)}" if q.explanation.strip() else "",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def attempt_report_html(
    review: AttemptReview, previous: AttemptRecord | None = None, generated_at: float | None = None
) -> str:
    """The whole report of one attempt as a self-contained HTML document (all user text escaped)."""
    record = review.record
    name = escape(record.blueprint.name or "自定义考试")
    generated = time.time() if generated_at is None else generated_at
    meta = " · ".join(
        [
            f"作答 #{record.id}",
            f"开始于 {_when(record.started_at)}",
            MODE_LABELS.get(record.mode, escape(record.mode)),
            f"种子 {record.seed}",
            f"报告生成于 {_when(generated)}",
        ]
    )
    missing = (
        f"<p class='note'>以下 {len(review.missing)} 题已不在题库中，无法显示："
        f"{escape(', '.join(review.missing))}</p>\n"
        if review.missing
        else ""
    )
    body = (
        f"<h1>模考报告：{name}</h1>\n<p class='meta'>{meta}</p>\n"
        + _summary(review, previous)
        + _breakdowns(review)
        + "<h2 style='page-break-before: always'>逐题详情</h2>\n"  # questions start on a new page
        + missing
        + "\n".join(question_section(item, review) for item in review.items)
    )
    return report_document(f"模考报告 {name} #{record.id}", body)


def report_document(title: str, body: str) -> str:
    """A complete HTML document with the report's style sheet around `body`."""
    # QTextDocument paints a taller line box as stripes inside a code block's background: keep code solid
    body = body.replace(CODE_LINE_HEIGHT, "<pre>")
    return (
        "<!DOCTYPE html>\n<html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>{REPORT_CSS}</style></head>\n<body>{body}</body></html>\n"
    )
