"""A whole exam through the main window: start, answer by keyboard and mouse, submit, stored result."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QRadioButton

from app.core.models import QuestionType
from app.core.scoring import key_response
from app.storage.repositories import SqlAttemptStore
from app.ui.main_window import MainWindow, Page


def _click_option(qtbot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator, as a person does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))


def _answer_by_keyboard(qtbot, window: MainWindow) -> None:
    question = window.exam.question
    key = key_response(question)
    if question.type is QuestionType.TRUEFALSE:
        letters = ["A" if key else "B"]
    elif isinstance(key, list):
        letters = [str(k) for k in key]
    else:
        letters = [str(key)]
    for letter in letters:
        qtbot.keyClick(window.exam.choices.focusWidget() or window, letter)


def test_whole_exam_from_start_to_stored_result(qtbot, window: MainWindow, store: SqlAttemptStore) -> None:
    assert window.home.ready
    window.home.minutes.setValue(10)
    qtbot.mouseClick(window.home.start_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.EXAM
    session = window.exam.session
    assert session is not None
    total = len(session.questions)
    assert total == 3  # single, multiple and truefalse are the playable fixtures
    for index in range(total):
        assert window.exam.index == index
        _answer_by_keyboard(qtbot, window)
        assert session.is_answered(window.exam.question.id)
        qtbot.keyClick(window.exam.choices.focusWidget() or window, "N")
    assert window.exam.progress.text() == f"已答 {total} / {total}"
    qtbot.keyClick(
        window.exam.choices.focusWidget() or window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_page() is Page.RESULT
    assert window.result.headline.text().startswith(f"得分 {total} / {total}")
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.finished
    assert record.score == total
    assert record.deadline == record.started_at + 600
    assert {qid: a.response for qid, a in record.answers.items()} == {
        q.id: key_response(q) for q in session.questions
    }


def test_every_answer_change_is_stored_at_once(qtbot, window: MainWindow, store: SqlAttemptStore) -> None:
    window.start_exam(window.home.blueprint())
    session = window.exam.session
    assert session is not None
    question = window.exam.question
    _click_option(qtbot, window.exam.choices.buttons[1])
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert not record.finished
    stored = record.answers[question.id].response
    assert stored == window.exam.choices.response()
    assert stored is not None


def test_time_out_submits_with_saved_answers(
    qtbot, window: MainWindow, store: SqlAttemptStore, fake_time
) -> None:
    window.home.minutes.setValue(1)
    window.start_exam(window.home.blueprint())
    session = window.exam.session
    assert session is not None
    first = window.exam.question
    _click_option(qtbot, window.exam.choices.buttons[0])
    assert window.exam.timer.text() == "剩余 01:00"
    fake_time.advance(30)
    window.exam.timer.refresh()
    assert window.exam.timer.text() == "剩余 00:30"
    assert window.exam.timer.property("level") == "urgent"
    fake_time.advance(31)
    qtbot.waitUntil(lambda: window.current_page() is Page.RESULT, timeout=3000)
    assert "时间到" in window.result.details.text()
    record = store.load_attempt(session.attempt_id)
    assert record is not None
    assert record.finished
    assert set(record.answers) == {first.id}


def test_submitting_with_unanswered_questions_asks_first(qtbot, window: MainWindow, monkeypatch) -> None:
    window.start_exam(window.home.blueprint())
    asked: list[str] = []
    monkeypatch.setattr(window.exam, "confirm", lambda text: asked.append(text) or False)
    qtbot.mouseClick(window.exam.submit_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.EXAM
    assert asked == ["还有 3 题未作答，确定交卷吗？"]
    monkeypatch.setattr(window.exam, "confirm", lambda text: True)
    qtbot.mouseClick(window.exam.submit_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is Page.RESULT
    assert window.result.headline.text().startswith("得分 0 / 3")


def test_navigator_jumps_and_marks_answered(qtbot, window: MainWindow) -> None:
    window.start_exam(window.home.blueprint())
    _click_option(qtbot, window.exam.choices.buttons[0])
    qtbot.mouseClick(window.exam.navigator.buttons[2], Qt.MouseButton.LeftButton)
    assert window.exam.index == 2
    states = [b.property("state") for b in window.exam.navigator.buttons]
    assert states == ["answered", "unanswered", "current"]
    assert not window.exam.next_button.isEnabled()
    qtbot.mouseClick(window.exam.prev_button, Qt.MouseButton.LeftButton)
    assert window.exam.index == 1


def test_result_review_shows_key_and_explanation(qtbot, window: MainWindow) -> None:
    window.start_exam(window.home.blueprint())
    session = window.exam.session
    assert session is not None
    window.exam.confirm = lambda text: True  # type: ignore[method-assign]
    window.exam.request_submit()
    window.result.list.setCurrentRow(1)
    html = window.result.view.toPlainText()
    question = session.questions[1]
    assert "未作答" in html
    assert "解析" in html
    assert question.explanation.splitlines()[0][:8] in html
    assert window.result.list.item(1).text().startswith("✘ 2.")


def test_single_choice_radio_is_exclusive(qtbot, window: MainWindow) -> None:
    window.start_exam(window.home.blueprint())
    for _ in range(3):
        if isinstance(window.exam.choices.buttons[0], QRadioButton) and len(window.exam.choices.buttons) > 2:
            break
        window.exam.next()
    buttons = window.exam.choices.buttons
    _click_option(qtbot, buttons[0])
    _click_option(qtbot, buttons[2])
    assert [b.isChecked() for b in buttons] == [False, False, True]
    assert window.exam.choices.response() == "C"


def test_switching_questions_leaves_only_the_new_options_visible(qtbot, window: MainWindow) -> None:
    window.start_exam(window.home.blueprint())
    seen_counts = []
    for index in range(3):
        window.exam.go_to(index)
        choices = window.exam.choices
        visible = [b for b in choices.findChildren(QAbstractButton) if b.isVisibleTo(choices)]
        assert visible == window.exam.choices.buttons
        seen_counts.append(len(visible))
    assert len(set(seen_counts)) > 1  # the fixtures have 2, 3 and 3 options: the list really changed
