"""Results, review filters, self-grading, regrading, history (sort, open, delete with undo) and the 错题本."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from app.core.models import ALL_TYPES, AttemptId, Blueprint, Exam, Mode, QuestionId
from app.core.review import ReviewFilter
from app.core.scoring import key_response
from app.core.session import ExamSession
from app.storage.repositories import SqlAttemptStore
from app.ui.main_window import MainWindow
from app.ui.page_ids import Page
from app.ui.services import AppServices

ORDER = (
    "fx-single",
    "fx-multiple",
    "fx-truefalse",
    "fx-fill",
    "fx-order",
    "fx-match",
    "fx-open",
    "fx-output",
)
PRESET = Blueprint("周测", len(ORDER), 600, types=ALL_TYPES, shuffle_questions=False, pass_ratio=0.6)


def sit(
    services: AppServices,
    fake_time,
    answers: dict[str, object],
    flagged: tuple[str, ...] = (),
    blueprint: Blueprint = PRESET,
) -> ExamSession:
    """One submitted attempt of PRESET with the given responses ("key" = the key response)."""
    bank = services.bank
    exam = Exam(blueprint, 7, tuple(bank[QuestionId(q)] for q in ORDER))
    session = ExamSession.start(exam, services.store, services.make_clock(), bank)
    for qid, response in answers.items():
        question = bank[QuestionId(qid)]
        fake_time.advance(20)
        session.record(question, key_response(question) if response == "key" else response, 20_000)
    for qid in flagged:
        session.toggle_flag(QuestionId(qid))
    fake_time.advance(60)
    session.submit("user")
    fake_time.advance(3600)
    return session


# right: single, truefalse, fill, match, output; wrong: multiple, order; open pending; none unanswered
FIRST = {
    "fx-single": "key",
    "fx-multiple": ["A"],
    "fx-truefalse": "key",
    "fx-fill": "key",
    "fx-order": [2, 1, 0],
    "fx-match": "key",
    "fx-open": "P 持有本地运行队列",
    "fx-output": "key",
}


def test_result_page_after_submitting_shows_range_weakest_topic_and_trend(
    qtbot, window: MainWindow, services: AppServices, fake_time
) -> None:
    first = sit(services, fake_time, dict(FIRST))
    window.review_flow.show_result(first.attempt_id, "user")
    assert window.current_page() is Page.RESULT
    headline = window.result.headline.text()
    assert "1 道简答题待自评" in headline
    low, high = first.result.score_range
    assert f"{low:g}–{high:g}" in headline
    assert "第一次记录" in window.result.details.text()
    assert "最弱主题" in window.result.advice.text()
    assert window.result.charts.count() == 2
    second = sit(services, fake_time, {q: "key" for q in ORDER if q != "fx-open"})
    window.review_flow.show_result(second.attempt_id, "user")
    assert "较上次" in window.result.details.text()
    assert "↑" in window.result.details.text()


def test_practise_misses_starts_an_untimed_drill_of_wrong_and_unanswered(
    qtbot, window: MainWindow, services: AppServices, fake_time
) -> None:
    answers = dict(FIRST)
    del answers["fx-output"]  # unanswered
    session = sit(services, fake_time, answers)
    window.review_flow.show_result(session.attempt_id, "user")
    qtbot.keyClick(window.result, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is Page.EXAM
    drill = window.exam.session
    assert drill is not None
    assert drill.practice
    assert drill.clock.deadline is None
    assert {q.id for q in drill.questions} == {"fx-multiple", "fx-order", "fx-output"}


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (ReviewFilter.ALL, set(ORDER)),
        (ReviewFilter.WRONG, {"fx-multiple", "fx-order"}),
        (ReviewFilter.UNANSWERED, {"fx-output"}),
        (ReviewFilter.FLAGGED, {"fx-fill", "fx-order"}),
        (ReviewFilter.CORRECT, {"fx-single", "fx-truefalse", "fx-fill", "fx-match"}),
        (ReviewFilter.PENDING, {"fx-open"}),
    ],
)
def test_each_review_filter_lists_its_questions(
    qtbot, window: MainWindow, services: AppServices, fake_time, kind: ReviewFilter, expected: set[str]
) -> None:
    answers = dict(FIRST)
    answers["fx-output"] = ""  # saved, then cleared: unanswered
    session = sit(services, fake_time, answers, flagged=("fx-fill", "fx-order"))
    window.review_flow.show_result(session.attempt_id, "user")
    window.result.review_requested.emit(ReviewFilter.ALL)
    assert window.current_page() is Page.REVIEW
    window.review.set_filter(kind)
    shown = {item.question.id for item in window.review.shown_items}
    assert shown == expected
    assert window.review.list.count() == len(expected)
    tab_text = window.review.filters.tabText(window.review.filters.currentIndex())
    assert tab_text.endswith(f"({len(expected)})")


def test_review_shows_both_answers_time_and_facts(qtbot, window: MainWindow, services, fake_time) -> None:
    session = sit(services, fake_time, dict(FIRST))
    window.review_flow.show_result(session.attempt_id, "user")
    window.result.review_requested.emit(ReviewFilter.WRONG)
    text = window.review.view.toPlainText()
    assert "你的答案" in text
    assert "正确答案" in text
    assert "用时 0 分 20 秒" in text
    assert "000." in text  # fact ids


def test_self_grading_in_review_updates_the_stored_score(
    qtbot, window: MainWindow, services: AppServices, store: SqlAttemptStore, fake_time
) -> None:
    session = sit(services, fake_time, dict(FIRST))
    before = store.load_attempt(session.attempt_id)
    assert before is not None
    window.review_flow.open_attempt(int(session.attempt_id))
    window.review.set_filter(ReviewFilter.PENDING)
    assert window.review.self_grade.isVisible()
    window.review.self_grade.tick((0,))  # the key point weighing 2 of 3
    qtbot.keyClick(window.review.self_grade, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    after = store.load_attempt(session.attempt_id)
    assert after is not None
    assert after.answers[QuestionId("fx-open")].self_grade == (0,)
    assert after.score == pytest.approx((before.score or 0) + 2 / 3, abs=1e-3)
    assert window.review.review is not None
    assert window.review.review.counts()[ReviewFilter.PENDING] == 0
    # revisable later: untick everything
    window.review.set_filter(ReviewFilter.ALL)
    window.review.list.setCurrentRow(ORDER.index("fx-open"))
    window.review.self_grade.tick(())
    window.review.self_grade.save()
    again = store.load_attempt(session.attempt_id)
    assert again is not None
    assert again.score == pytest.approx(before.score or 0, abs=1e-3)


def test_self_grading_in_practice_after_checking(qtbot, window: MainWindow, services, fake_time) -> None:
    bank = services.bank
    blueprint = Blueprint("练一练", 1, None, mode=Mode.PRACTICE, types=ALL_TYPES)
    exam = Exam(blueprint, 3, (bank[QuestionId("fx-open")],))
    session = ExamSession.start(exam, services.store, services.make_clock(), bank)
    window.show_session(session)
    qtbot.keyClicks(window.exam.answer.editor, "P owns the run queue")
    window.exam.check_answer()
    assert window.exam.self_grade.isVisible()
    assert "待自评" in window.exam.view.toPlainText()
    window.exam.self_grade.tick((0, 1))
    window.exam.self_grade.save()
    mark = session.checked[QuestionId("fx-open")]
    assert not mark.pending
    assert mark.correct
    assert "回答正确" in window.exam.view.toPlainText()


def test_changed_question_shows_the_answered_version_and_regrades(
    qtbot, window: MainWindow, services: AppServices, store: SqlAttemptStore, fake_time
) -> None:
    session = sit(services, fake_time, dict(FIRST))
    multiple = services.bank[QuestionId("fx-multiple")]
    # the author fixes the key after the attempt: now only A is correct
    choices = tuple(dataclasses.replace(c, correct=c.key == "A") for c in multiple.choices)
    fixed = dataclasses.replace(
        multiple, choices=choices, content_hash="new-hash", stem=multiple.stem + " (修订)"
    )
    services.questions = [fixed if q.id == multiple.id else q for q in services.questions]
    window.review_flow.open_attempt(int(session.attempt_id))
    review = window.review.review
    assert review is not None
    assert [i.question.id for i in review.changed] == ["fx-multiple"]
    assert window.review.changed_bar.isVisibleTo(window.review)
    answered_version = next(i for i in review.items if i.question.id == "fx-multiple")
    assert "(修订)" not in answered_version.question.stem
    assert not answered_version.mark.correct
    window.review.regrade()
    regraded = window.review.review
    assert regraded is not None
    assert next(i for i in regraded.items if i.question.id == "fx-multiple").mark.correct
    stored = store.load_attempt(session.attempt_id)
    assert stored is not None
    assert stored.answers[QuestionId("fx-multiple")].content_hash == "new-hash"
    assert stored.score == pytest.approx(regraded.result.score)


def test_three_attempts_fill_history_charts_and_the_wrong_question_book(
    qtbot, window: MainWindow, services: AppServices, fake_time
) -> None:
    all_right = {q: "key" for q in ORDER if q != "fx-open"}
    sit(services, fake_time, {**all_right, "fx-single": "A", "fx-order": [2, 1, 0]})  # two misses
    sit(services, fake_time, {**all_right, "fx-order": [2, 1, 0]})  # single right once, order missed again
    sit(services, fake_time, all_right)  # single right twice in a row: leaves the book; order right once
    window.review_flow.show_history()
    assert window.current_page() is Page.HISTORY
    assert window.history.proxy.rowCount() == 3
    window.history.tabs.setCurrentIndex(1)  # 成绩趋势
    chart = window.history._charts["scores"]
    assert chart.series_points() == {"周测": 3}
    window.history.tabs.setCurrentWidget(window.history.book)
    book = {e.question_id for e in window.history.book.shown}
    # fx-order: wrong, wrong, right (streak 1 < 2) stays; fx-single: wrong, right, right leaves;
    # fx-open was never answered: an unanswered question counts as a miss each time.
    assert book == {"fx-order", "fx-open"}


def test_history_sorts_opens_and_deletes_with_undo(
    qtbot, window: MainWindow, services: AppServices, store: SqlAttemptStore, fake_time
) -> None:
    low = sit(services, fake_time, {"fx-single": "key"})
    high = sit(services, fake_time, {q: "key" for q in ORDER if q != "fx-open"})
    window.review_flow.show_history()
    history = window.history
    history.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # score
    assert [history.proxy.summary_at(r).id for r in range(2)] == [low.attempt_id, high.attempt_id]
    history.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert history.proxy.summary_at(0).id == high.attempt_id
    history.table.selectRow(0)
    qtbot.keyClick(history.table, Qt.Key.Key_Return)
    assert window.current_page() is Page.REVIEW
    assert window.review.review is not None
    assert window.review.review.record.id == high.attempt_id
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    assert window.current_page() is Page.HISTORY
    history.table.selectRow(0)
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert history.proxy.rowCount() == 1
    assert store.load_attempt(high.attempt_id) is None
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert history.proxy.rowCount() == 2
    assert store.load_attempt(high.attempt_id) is not None
    history.undo_stack.redo()
    assert store.purge_deleted() == 1
    assert [s.id for s in store.list_attempts()] == [AttemptId(low.attempt_id)]


def test_export_report_writes_html_and_pdf(qtbot, window: MainWindow, services, fake_time, tmp_path) -> None:
    session = sit(services, fake_time, dict(FIRST))
    window.review_flow.show_result(session.attempt_id, "user")
    review = window.result.review
    assert review is not None
    window.review_flow.write_report(review, tmp_path / "report.html")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "模考报告" in html
    assert "周测" in html
    window.review_flow.write_report(review, tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    window.review_flow.write_report(review, tmp_path / "missing-dir" / "x" / "r.pdf")
    assert "报告已保存" in window.statusBar().currentMessage()
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    window.review_flow.write_report(review, blocked / "r.html")
    assert "报告没有保存" in window.statusBar().currentMessage()


def test_clicking_a_trend_point_opens_that_attempt(qtbot, window: MainWindow, services, fake_time) -> None:
    first = sit(services, fake_time, {"fx-single": "key"})
    sit(services, fake_time, {"fx-single": "A"})
    window.review_flow.show_history()
    window.history.tabs.setCurrentIndex(1)
    chart = window.history._charts["scores"]
    chart.point_clicked.emit(int(first.attempt_id))
    assert window.current_page() is Page.REVIEW
    assert window.review.review is not None
    assert window.review.review.record.id == first.attempt_id


def test_counting_practice_in_statistics_is_remembered(qtbot, window: MainWindow, settings) -> None:
    from app.ui.review_flow import include_practice

    assert not include_practice(settings)
    assert not window.history.include_practice.isChecked()
    window.history.include_practice.setChecked(True)
    assert include_practice(settings)
    settings.sync()
    again = MainWindow(settings, interactive=False)
    qtbot.addWidget(again)
    assert again.history.include_practice.isChecked()
