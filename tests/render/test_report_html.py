"""The attempt report's HTML: golden output, score ranges while open answers wait, diffs, escaping, charts."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.models import (
    Answer,
    AttemptId,
    AttemptRecord,
    Blueprint,
    Question,
    QuestionId,
    Response,
    SelfGrade,
)
from app.core.review import AttemptReview, review_attempt
from app.render.answer_diff import MISSING_STYLE, WRONG_STYLE, answer_columns, diff_html
from app.render.report_html import attempt_report_html

GOLDEN = Path(__file__).parent / "golden"
T0 = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC
BLUEPRINT = Blueprint("Go 运行时 30 分钟", 8, 1800, pass_ratio=0.6, partial_credit=True, scale=(100, 1000))
#: question id -> (response, time spent in ms, self-grade)
ANSWERS: dict[str, tuple[Response, int, SelfGrade | None]] = {
    "fx-single": ("B", 30_000, None),
    "fx-multiple": (["A"], 65_000, None),
    "fx-truefalse": (True, 12_000, None),
    "fx-fill": (["265", "runqputslow"], 80_000, None),
    "fx-order": ([0, 2, 1], 40_000, None),
    "fx-match": ({"mcache": "每个 P 的无锁分配缓存", "mcentral": "向操作系统申请内存"}, 50_000, None),
    "fx-open": ("P 持有本地运行队列，\n减少全局锁竞争。", 300_000, (0,)),
    "fx-output": ("[1, 2, 3, 4]", 20_000, None),
}


@pytest.fixture(autouse=True)
def fixed_timezone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates in the report are local time: pin the zone so the golden file does not depend on the machine."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def make_record(
    good: dict[str, Question],
    answers: dict[str, tuple[Response, int, SelfGrade | None]] = ANSWERS,
    blueprint: Blueprint = BLUEPRINT,
    attempt_id: int = 7,
) -> AttemptRecord:
    """A submitted attempt at T0 over the fixture questions, 25 min 13 s used of 30."""
    stored = {
        QuestionId(qid): Answer(QuestionId(qid), good[qid].content_hash, response, T0 + 60, spent, grade)
        for qid, (response, spent, grade) in answers.items()
    }
    return AttemptRecord(
        id=AttemptId(attempt_id),
        blueprint=blueprint,
        seed=42,
        question_ids=tuple(QuestionId(q) for q in answers),
        started_at=T0,
        deadline=T0 + 1800,
        finished_at=T0 + 1513,
        score=None,
        max_score=None,
        answers=stored,
        flagged=frozenset({QuestionId("fx-order")}),
        finish_reason="user",
    )


def make_review(good: dict[str, Question], **kwargs: object) -> AttemptReview:
    record = make_record(good, **kwargs)  # type: ignore[arg-type]
    return review_attempt(record, {QuestionId(k): v for k, v in good.items()}, {})


def previous_record(good: dict[str, Question]) -> AttemptRecord:
    record = make_record(good, attempt_id=3)
    return replace(record, started_at=T0 - 86_400, finished_at=T0 - 85_000, score=3.0, max_score=8.0)


def test_report_matches_golden(good) -> None:
    """Set MOCKEXAM_UPDATE_GOLDEN=1 to rewrite the file; read the diff (and open it) before committing it."""
    html = attempt_report_html(make_review(good), previous_record(good), generated_at=T0 + 3600)
    golden = GOLDEN / "attempt_report.html"
    if os.environ.get("MOCKEXAM_UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
        pytest.skip("golden file rewritten")
    assert html == golden.read_text(encoding="utf-8")


def test_report_is_self_contained_and_qt_friendly(good) -> None:
    html = attempt_report_html(make_review(good), generated_at=T0)
    assert html.startswith("<!DOCTYPE html>")
    assert "<meta charset='utf-8'>" in html
    for outside in ("http://", "https://", "<script", "<img", "<link", "<svg", "display:flex", "grid"):
        assert outside not in html.lower()
    assert "<title>模考报告 Go 运行时 30 分钟 #7</title>" in html
    assert "2023-11-15 06:13" in html  # started, in the pinned local time zone
    assert "25 分 13 秒（限时 30 分 00 秒）" in html
    assert "4 分 47 秒" in html
    assert "较上次" not in html  # no previous attempt given


def test_score_pass_mark_scaled_and_trend(good) -> None:
    html = attempt_report_html(make_review(good), previous_record(good), generated_at=T0)
    # 1 + 0.5 + 0 + 0.5 + 2/3 + 1/3 + 2/3 + 0 = 3.67 of 8
    assert "<b style='font-size:16pt'>3.67</b> / 8（45.8%）" in html
    assert "未通过</b>（及格线 60%）" in html
    assert "<b>513</b>（100–1000 分制）" in html
    assert "+8.3 个百分点</b>，+0.67 分（上次 #3" in html
    assert "共 8 题：正确 1 · 部分正确 5 · 错误 2 · 已标记 1" in html


def test_pending_open_answer_shows_the_range_and_count(good) -> None:
    answers = dict(ANSWERS)
    answers["fx-open"] = ("P 持有本地运行队列", 300_000, None)  # not self-graded yet
    html = attempt_report_html(make_review(good, answers=answers), generated_at=T0)
    assert "<b style='font-size:16pt'>3–4</b> / 8（37.5%–50.0%）" in html
    assert "待自评 1 题" in html
    assert "未通过" in html  # even the best case (4 / 8) is under 60 %
    assert "… 待自评" in html  # the question's verdict
    assert html.count("未自评") == 2  # both key points of the open question
    assert "<b>438–550</b>" in html  # the scaled score is a range too


def test_pending_answer_that_could_still_pass_is_undecided(good) -> None:
    answers = {qid: ANSWERS[qid] for qid in ("fx-single", "fx-open")}
    answers["fx-open"] = ("答案", 1000, None)
    html = attempt_report_html(make_review(good, answers=answers), generated_at=T0)
    assert "1–2</b> / 2（50.0%–100.0%）" in html
    assert "待定</b>（及格线 60%）：自评后才能确定是否通过" in html


def test_fill_in_diff_marks_the_wrong_digit(good) -> None:
    mine, key = answer_columns(good["fx-fill"], ["265", "runqputslow"])
    assert f"26<span style='{WRONG_STYLE}'>5</span>" in mine  # 265 against 256: the 5 is out of place
    assert f"<span style='{MISSING_STYLE}'>" in key
    assert "✔</span> runqputslow" in mine  # the right blank is not marked
    assert "（亦可：runtime.runqputslow / 正则 <code>runtime\\.runqputslow\\(\\)</code>）" in key


def test_output_diff_marks_extra_and_missing_text(good) -> None:
    mine, key = answer_columns(good["fx-output"], "[1, 2, 3, 4]")
    assert mine == f"<pre>[1, 2, 3<span style='{WRONG_STYLE}'>, 4</span>]</pre>"
    assert key == "<pre>[1, 2, 3]</pre>"
    mine, key = answer_columns(good["fx-output"], "[1, 3]")
    assert key == f"<pre>[1, <span style='{MISSING_STYLE}'>2, </span>3]</pre>"
    right, _ = answer_columns(good["fx-output"], "[1, 2, 3]\n")
    assert "span" not in right


def test_diff_html_escapes_both_sides() -> None:
    mine, key = diff_html("<b>a</b>", "<i>a</i>")
    assert mine.startswith("&lt;")
    assert key.startswith("&lt;")
    assert "<b>" not in mine
    assert "<i>" not in key


def test_user_text_is_escaped_everywhere(good) -> None:
    evil = "<script>alert(1)</script>"
    answers = dict(ANSWERS)
    answers["fx-open"] = (f"我的答案 {evil}", 1000, None)
    answers["fx-fill"] = ([evil, "<img src=x onerror=alert(1)>"], 1000, None)
    answers["fx-output"] = (evil, 1000, None)
    blueprint = replace(BLUEPRINT, name=f"预设 {evil}")
    html = attempt_report_html(make_review(good, answers=answers, blueprint=blueprint), generated_at=T0)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "预设 &lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_bar_chart_cells_are_proportional(good) -> None:
    html = attempt_report_html(make_review(good), generated_at=T0)
    # go-runtime: 3.67 of 7 points -> 52 %; python: 0 of 1 -> only the empty part of the bar
    bar = r"<td width='52%' bgcolor='#fb8c00'[^>]*>&#160;</td><td width='48%' bgcolor='#e6e9ec'"
    assert re.search(bar, html)
    assert re.search(r"<tr><td>python</td><td><table[^>]*><tr><td width='100%' bgcolor='#e6e9ec'", html)
    assert "最薄弱的主题：<b>python</b>（得分率 0%" in html
    assert "<tr><td>1 入门</td>" in html
    assert "<tr><td>4 深入</td>" in html


def test_each_question_shows_verdict_time_facts_and_explanation(good) -> None:
    html = attempt_report_html(make_review(good), generated_at=T0)
    assert html.count("<h3>第 ") == len(ANSWERS)
    assert "第 1 题 · 单选题 · <b style='color:#2e7d32'>✔ 正确</b>" in html
    assert "用时 0 分 30 秒（建议 0 分 45 秒）" in html
    assert "考点 000.1.1, 000.1.2" in html
    assert "⚑ 已标记" in html
    assert "◐ 部分正确" in html
    assert "✘ 错误" in html
    assert "本地队列是 256 个槽位的环形数组。" in html  # an explanation
    assert "✔ 已勾选" in html  # the open question's key points
    assert "✘ 未勾选" in html
    assert html.count("你的答案") == len(ANSWERS)


def test_unanswered_and_missing_questions(good) -> None:
    answers = {"fx-single": ANSWERS["fx-single"]}
    record = make_record(good, answers=answers)
    extra = (QuestionId("fx-truefalse"), QuestionId("gone"))
    record = replace(record, question_ids=(*record.question_ids, *extra))
    review = review_attempt(record, {QuestionId(k): v for k, v in good.items()}, {})
    html = attempt_report_html(review, generated_at=T0)
    assert "— 未作答" in html
    assert "以下 1 题已不在题库中，无法显示：gone" in html
