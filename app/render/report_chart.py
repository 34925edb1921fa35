"""Horizontal bar charts made of table cells for the attempt report (QTextDocument draws no SVG bars)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from app.core.review import Tally

BAR_EMPTY = "#e6e9ec"
BAR_GOOD = "#43a047"
BAR_WEAK = "#fb8c00"
BAR_BAD = "#e53935"


def num(value: float) -> str:
    """A score without trailing zeros, to two decimals: 3.6667 -> "3.67", 4.0 -> "4"."""
    return f"{round(value, 2):g}"


def bar(ratio: float, color: str) -> str:
    """A full-width bar: a coloured cell as wide as `ratio`, the rest grey."""
    filled = max(0, min(100, round(ratio * 100)))
    cells = [(filled, color), (100 - filled, BAR_EMPTY)]
    tds = "".join(
        f"<td width='{width}%' bgcolor='{bg}' style='background-color:{bg}; border:none; padding:0;"
        f" font-size:7pt'>&#160;</td>"
        for width, bg in cells
        if width
    )
    return f"<table width='100%' cellspacing='0' cellpadding='0' style='border:none'><tr>{tds}</tr></table>"


def bar_color(ratio: float, pass_ratio: float) -> str:
    """Green at or above the pass mark, amber above half of it, else red."""
    if ratio >= pass_ratio:
        return BAR_GOOD
    return BAR_WEAK if ratio >= pass_ratio / 2 else BAR_BAD


def bar_chart(title: str, tallies: Sequence[Tally], pass_ratio: float) -> str:
    """One row per group: its label, a bar of its share of points, and the numbers."""
    rows = []
    for t in tallies:
        pending = f" · 待自评 {t.pending}" if t.pending else ""
        rows.append(
            f"<tr><td>{escape(t.label)}</td><td>{bar(t.ratio, bar_color(t.ratio, pass_ratio))}</td>"
            f"<td>{t.ratio:.0%} · {num(t.score)}/{num(t.max_score)} 分 · 答对 {t.correct}/{t.count}"
            f"{pending}</td></tr>"
        )
    head = f"<tr><th width='24%'>{escape(title)}</th><th width='34%'>得分率</th><th>得分</th></tr>"
    return (
        f"<table width='100%' cellspacing='0' cellpadding='4'>\n{head}\n" + "\n".join(rows) + "\n</table>\n"
    )
