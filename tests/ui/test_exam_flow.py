"""Whole exams through the main window: every type answered by keyboard only, time-out, review, flags."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton

from app.core.models import QuestionType
from app.core.scoring import key_response
from app.storage.repositories import SqlAttemptStore
from app.ui.main_window import MainWindow
from app.ui.page_ids import Page
from app.ui.pages.exam_page import Screen
from app.ui.widgets.answers.choice_answer import ChoiceAnswer
from app.ui.widgets.answers.fill_answer import FillAnswer
from app.ui.widgets.answers.match_answer import MatchAnswer
from app.ui.widgets.answers.order_answer import OrderAnswer
from app.ui.widgets.answers.text_answer import TextAnswer

CHOICE_TYPES = frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE})
OPEN_TEXT = "P owns the local run queue"  # QTest types ASCII only; CJK arrives via an IME


def click_option(qtbot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator, as a person does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))


def focused(window: MainWindow):
    return window.focusWidget() or window


def answer_by_keyboard(qtbot, window: MainWindow) -> None:
    """Answer the question on screen with the keyboard only, correctly (open: some text)."""
    question = window.exam.question
    widget = window.exam.answer
    key = key_response(question)
    if isinstance(widget, ChoiceAnswer):
        wanted = ["T" if key else "F"] if question.type is QuestionType.TRUEFALSE else key
        for file_key in wanted if isinstance(wanted, list) else [wanted]:
            qtbot.keyClick(focused(window), str(widget.keys.index(file_key) + 1))
    elif isinstance(widget, FillAnswer):
        for edit, text in zip(widget.edits, key, strict=True):
            assert window.focusWidget() is edit
            qtbot.keyClicks(edit, text)
            qtbot.keyClick(edit, Qt.Key.Key_Tab)
    elif isinstance(widget, OrderAnswer):
        for target in range(len(question.order_items)):
            row = widget.response().index(target)
            widget.list.setCurrentRow(row)
            for _ in range(row - target):
                qtbot.keyClick(widget.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    elif isinstance(widget, MatchAnswer):
        for left, combo in widget.combos:
            combo.setFocus()
            for _ in range(combo.findData(key[left]) - combo.currentIndex()):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
    elif isinstance(widget, TextAnswer):
        qtbot.keyClicks(widget.editor, OPEN_TEXT if key is None else str(key))


def test_every_type_answered_by_keyboard_is_stored_and_scored(
    qtbot, window: MainWindow, store: SqlAttemptStore
) -> None:
    window.setup.tabs.setCurrentIndex(1)
    window.setup.custom.count.setValue(8)
    qtbot.keyClick(window.setup.start_button, Qt.Key.Key_Return)
    assert window.current_page() is Page.EXAM
    session = window.exam.session
    assert session is not None
    assert {q.type for q in session.questions} == set(QuestionType)
    for index in range(len(session.questions)):
        assert window.exam.index == index
        answer_by_keyboard(qtbot, window)
        qtbot.keyClick(focused(window), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(focused(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.exam.screens.currentIndex() == Screen.REVIEW
    assert window.exam.review.unanswered.count() == 0
    qtbot.keyClick(focused(window), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is Page.RESULT
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.finished
    assert record.finish_reason == "user"
    stored = {qid: a.response for qid, a in record.answers.items()}
    for question in session.questions:
        expected = OPEN_TEXT if question.type is QuestionType.OPEN else key_response(question)
        assert stored[question.id] == expected, question.id
    assert record.score == 7  # every gradable question right; the open one waits for self-grading


def test_time_out_submits_with_saved_answers(
    qtbot, window: MainWindow, store: SqlAttemptStore, fake_time
) -> None:
    window.setup.tabs.setCurrentIndex(1)
    window.setup.custom.minutes.setValue(10)
    window.start_exam(replace(window.setup.custom.blueprint(count=3), types=CHOICE_TYPES))
    session = window.exam.session
    assert session is not None
    first = window.exam.question
    assert window.exam.answer.pick(0)
    assert window.exam.timer.text() == "剩余 10:00"
    fake_time.advance(9 * 60 + 30)
    window.exam.timer.refresh()
    assert window.exam.timer.text() == "剩余 00:30"
    assert window.exam.timer.property("level") == "urgent"
    fake_time.advance(31)
    qtbot.waitUntil(lambda: window.current_page() is Page.RESULT, timeout=3000)
    assert "时间到" in window.result.details.text()
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.finish_reason == "clock"
    assert set(record.answers) == {first.id}


def test_submitting_with_unanswered_questions_asks_once_with_the_count(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    window.start_exam(window.setup.custom.blueprint(count=3))
    asked: list[str] = []
    monkeypatch.setattr(window.exam, "confirm", lambda text: asked.append(text) or False)
    qtbot.mouseClick(window.exam.review_button, Qt.MouseButton.LeftButton)
    assert window.exam.review.unanswered.count() == 3
    qtbot.mouseClick(window.exam.review.submit_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.EXAM
    assert asked == ["还有 3 题未作答，确定交卷吗？"]
    monkeypatch.setattr(window.exam, "confirm", lambda text: True)
    qtbot.mouseClick(window.exam.review.submit_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.RESULT
    assert window.result.headline.text().startswith("得分 0 / 3")


def test_review_lists_flagged_questions_and_jumps_back(
    qtbot, window: MainWindow, store: SqlAttemptStore
) -> None:
    window.start_exam(replace(window.setup.custom.blueprint(count=3), types=CHOICE_TYPES))
    session = window.exam.session
    assert session is not None
    window.exam.go_to(2)
    qtbot.keyClick(focused(window), Qt.Key.Key_F)
    assert window.exam.navigator.buttons[2].property("flag") == "flagged"
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.flagged == {session.questions[2].id}
    window.exam.open_review()
    flagged = window.exam.review.flagged
    assert flagged.count() == 1
    assert flagged.item(0).text().startswith("3. ")
    flagged.setCurrentRow(0)
    qtbot.keyClick(flagged, Qt.Key.Key_Return)
    assert window.exam.screens.currentIndex() == Screen.QUESTION
    assert window.exam.index == 2


def test_navigator_jumps_and_shows_answered(qtbot, window: MainWindow) -> None:
    window.start_exam(replace(window.setup.custom.blueprint(count=3), types=CHOICE_TYPES))
    window.exam.go_to(0)
    assert window.exam.answer.pick(0)
    qtbot.mouseClick(window.exam.navigator.buttons[2], Qt.MouseButton.LeftButton)
    assert window.exam.index == 2
    states = [b.property("state") for b in window.exam.navigator.buttons]
    assert states == ["answered", "unanswered", "current"]
    assert not window.exam.next_button.isEnabled()
    qtbot.mouseClick(window.exam.prev_button, Qt.MouseButton.LeftButton)
    assert window.exam.index == 1


def test_result_review_shows_key_and_explanation(qtbot, window: MainWindow) -> None:
    window.start_exam(window.setup.custom.blueprint(count=2))
    session = window.exam.session
    assert session is not None
    window.exam.confirm = lambda text: True  # type: ignore[method-assign]
    window.exam.request_submit()
    qtbot.keyClick(window.result, Qt.Key.Key_Return)  # Enter on the result page opens the review
    assert window.current_page() is Page.REVIEW
    window.review.list.setCurrentRow(1)
    text = window.review.view.toPlainText()
    assert "未作答" in text
    assert "解析" in text
    assert session.questions[1].explanation.splitlines()[0][:8] in text


def test_switching_questions_leaves_only_the_new_options_visible(qtbot, window: MainWindow) -> None:
    window.start_exam(replace(window.setup.custom.blueprint(count=3), types=CHOICE_TYPES))
    seen_counts = []
    for index in range(3):
        window.exam.go_to(index)
        widget = window.exam.answer
        assert isinstance(widget, ChoiceAnswer)
        visible = [b for b in widget.findChildren(QAbstractButton) if b.isVisibleTo(widget)]
        assert visible == widget.buttons
        seen_counts.append(len(visible))
    assert sorted(seen_counts) == [2, 3, 3]  # the fixtures have 2, 3 and 3 options: the list really changed
