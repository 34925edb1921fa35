"""Each answer widget driven by mouse on a live exam page; the stored answer is what was chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.core.clock import ExamClock
from app.core.models import Blueprint, Exam, Mode, Question, QuestionType
from app.core.scoring import grade, key_response
from app.core.session import ExamSession
from app.storage.repositories import SqlAttemptStore
from app.ui.pages.exam_page import ExamPage
from app.ui.services import AppServices
from app.ui.widgets.answers.choice_answer import ChoiceAnswer
from app.ui.widgets.answers.fill_answer import FillAnswer
from app.ui.widgets.answers.match_answer import MatchAnswer
from app.ui.widgets.answers.order_answer import OrderAnswer
from app.ui.widgets.answers.text_answer import TextAnswer


@pytest.fixture
def page(qtbot) -> ExamPage:
    exam_page = ExamPage()
    qtbot.addWidget(exam_page)
    exam_page.resize(900, 700)
    exam_page.show()
    qtbot.waitExposed(exam_page)
    return exam_page


def _begin(page: ExamPage, services: AppServices, store: SqlAttemptStore, qtype: QuestionType) -> Question:
    question = next(q for q in services.questions if q.type is qtype)
    exam = Exam(Blueprint("one", 1, None, shuffle_options=True), seed=11, questions=(question,))
    page.begin(ExamSession.start(exam, store, ExamClock(None), services.bank))
    return question


def _stored(page: ExamPage, store: SqlAttemptStore, question: Question):  # type: ignore[no-untyped-def]
    assert page.session is not None
    page.open_review()  # leaving the question flushes typed text
    record = store.load_attempt(page.session.attempt_id)
    assert record is not None
    return record.answers[question.id].response


def _click(qtbot, widget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or QPoint(12, widget.height() // 2))


@pytest.mark.parametrize("qtype", [QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE])
def test_choice_types_by_mouse(qtbot, page, services, store, qtype) -> None:
    question = _begin(page, services, store, qtype)
    widget = page.answer
    assert isinstance(widget, ChoiceAnswer)
    key = key_response(question)
    wanted = (
        ["T" if key else "F"] if qtype is QuestionType.TRUEFALSE else key if isinstance(key, list) else [key]
    )
    for file_key in wanted:
        _click(qtbot, widget.buttons[widget.keys.index(file_key)])
    stored = _stored(page, store, question)
    assert stored == key
    assert grade(question, stored).correct


def test_shuffled_options_keep_the_file_keys(qtbot, page, services, store) -> None:
    question = _begin(page, services, store, QuestionType.SINGLE)
    widget = page.answer
    assert isinstance(widget, ChoiceAnswer)
    assert page.session is not None
    order = page.session.layout(question).options
    assert widget.keys == [question.choices[i].key for i in order]
    assert widget.buttons[0].text().startswith("A. ")  # shown letters follow the display order


def test_fill_by_mouse_and_typing(qtbot, page, services, store) -> None:
    question = _begin(page, services, store, QuestionType.FILL)
    widget = page.answer
    assert isinstance(widget, FillAnswer)
    for edit, text in zip(widget.edits, ["256", "runtime.runqputslow"], strict=True):
        _click(qtbot, edit)
        qtbot.keyClicks(edit, text)
    stored = _stored(page, store, question)
    assert stored == ["256", "runtime.runqputslow"]
    assert grade(question, stored).correct


def test_order_by_mouse_with_the_move_buttons(qtbot, page, services, store) -> None:
    question = _begin(page, services, store, QuestionType.ORDER)
    widget = page.answer
    assert isinstance(widget, OrderAnswer)
    assert widget.response() != [0, 1, 2]  # never starts out solved
    for target in range(len(question.order_items)):
        row = widget.response().index(target)
        _click(qtbot, widget.list.viewport(), widget.list.visualItemRect(widget.list.item(row)).center())
        for _ in range(row - target):
            _click(qtbot, widget.up_button)
    stored = _stored(page, store, question)
    assert stored == [0, 1, 2]
    assert grade(question, stored).correct


def test_order_by_keyboard_alt_arrows(qtbot, page, services, store) -> None:
    question = _begin(page, services, store, QuestionType.ORDER)
    widget = page.answer
    assert isinstance(widget, OrderAnswer)
    start = widget.response()
    widget.list.setCurrentRow(0)
    widget.list.setFocus()
    qtbot.keyClick(widget.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert widget.response() == [start[1], start[0], start[2]]
    assert _stored(page, store, question) == [start[1], start[0], start[2]]


def test_match_by_mouse_in_the_drop_down(qtbot, page, services, store) -> None:
    question = _begin(page, services, store, QuestionType.MATCH)
    widget = page.answer
    assert isinstance(widget, MatchAnswer)
    key = key_response(question)
    assert isinstance(key, dict)
    for left, combo in widget.combos:
        _click(qtbot, combo, combo.rect().center())
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        qtbot.wait(
            QApplication.doubleClickInterval() + 50
        )  # a click this soon after opening is ignored by Qt
        index = view.model().index(combo.findData(key[left]), 0)
        view.scrollTo(index)
        _click(qtbot, view.viewport(), view.visualRect(index).center())
        qtbot.waitUntil(lambda v=view: not v.isVisible())
    stored = _stored(page, store, question)
    assert stored == key
    assert grade(question, stored).correct


@pytest.mark.parametrize("qtype", [QuestionType.OPEN, QuestionType.OUTPUT])
def test_text_answers_by_mouse_and_typing(qtbot, page, services, store, qtype) -> None:
    question = _begin(page, services, store, qtype)
    widget = page.answer
    assert isinstance(widget, TextAnswer)
    _click(qtbot, widget.editor.viewport(), QPoint(20, 20))
    text = "[1, 2, 3]" if qtype is QuestionType.OUTPUT else "P holds the run queue"
    qtbot.keyClicks(widget.editor, text)
    assert (
        widget.counts.text() == f"{len(text.replace(',', ' ').split())} 词 · {len(text)} 字符"
        or qtype is QuestionType.OUTPUT
    )
    stored = _stored(page, store, question)
    assert stored == text
    assert widget.monospace.isChecked() is (qtype is QuestionType.OUTPUT)


def test_practice_check_speaks_in_the_letters_the_attempt_showed(qtbot, page, services, store) -> None:
    question = next(q for q in services.questions if q.type is QuestionType.SINGLE)
    exam = Exam(Blueprint("one", 1, None, mode=Mode.PRACTICE), seed=11, questions=(question,))
    page.begin(ExamSession.start(exam, store, ExamClock(None), services.bank))
    widget = page.answer
    assert isinstance(widget, ChoiceAnswer)
    assert widget.keys != sorted(widget.keys)  # seed 11 shuffles this question's options
    shown_key = widget.keys.index(question.correct_keys[0])
    widget.pick(shown_key)
    page.check_answer()
    text = page.view.toPlainText()
    letter = "ABCDEFGH"[shown_key]
    assert f"你的答案\n{letter}" in text.replace("\n\n", "\n")
    assert f"正确答案：{letter}" in text
    assert not widget.isEnabled()  # a checked answer is final
