"""ExamPage: one question at a time, a navigator, the countdown and submission."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.models import Question, Response
from app.core.session import ExamSession, SaveFailure
from app.render.question_html import question_page
from app.ui.widgets.choice_list import ChoiceList
from app.ui.widgets.navigator import Navigator
from app.ui.widgets.question_view import QuestionView
from app.ui.widgets.timer_label import TimerLabel

OPTION_KEYS = "ABCDEFGH"


class ExamPage(QWidget):
    """Drives an ExamSession: shows questions, records every answer change, submits."""

    submitted = Signal(bool)  # True when submitted by the clock
    save_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ExamSession | None = None
        self.index = 0
        self._shown_for = QElapsedTimer()
        self._time_spent: dict[str, int] = {}
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.progress = QLabel()
        self.timer = TimerLabel()
        self.timer.expired.connect(self._on_timer_expired)
        self.view = QuestionView()
        self.choices = ChoiceList()
        self.choices.response_changed.connect(self._on_choices_response_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.choices)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 270])
        splitter.setChildrenCollapsible(False)
        self.navigator = Navigator()
        self.navigator.jump_requested.connect(self.go_to)
        self.prev_button = QPushButton("← 上一题 (P)")
        self.next_button = QPushButton("下一题 (N) →")
        self.submit_button = QPushButton("交卷 (Ctrl+Enter)")
        self.submit_button.setObjectName("primary")
        self.prev_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.submit_button.clicked.connect(self.request_submit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.progress)
        header.addSpacing(16)
        header.addWidget(self.timer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.navigator)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._install_shortcuts()

    def _install_shortcuts(self) -> None:
        bindings: list[tuple[str, object]] = [
            ("N", self.next),
            ("P", self.previous),
            ("PgDown", self.next),
            ("PgUp", self.previous),
            ("Alt+Right", self.next),
            ("Alt+Left", self.previous),
            ("Ctrl+Return", self.request_submit),
            ("Ctrl+Enter", self.request_submit),
        ]
        for number in range(1, 9):
            bindings.append((str(number), lambda n=number: self.choices.toggle_index(n - 1)))
        for offset, letter in enumerate(OPTION_KEYS):
            if letter not in "NP":
                bindings.append((letter, lambda i=offset: self.choices.toggle_index(i)))
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while this page is visible
            shortcut.activated.connect(slot)

    def begin(self, session: ExamSession) -> None:
        """Start showing `session` from its first question."""
        self.session = session
        self._time_spent = {}
        self.title.setText(session.exam.blueprint.name)
        self.navigator.set_count(len(session.questions))
        self.timer.start(session.clock)
        self.index = -1
        self.go_to(0)

    @property
    def question(self) -> Question:
        """The question on screen."""
        assert self.session is not None
        return self.session.questions[self.index]

    def go_to(self, index: int) -> None:
        """Show question `index` (0-based), keeping track of the time spent on the one left."""
        if self.session is None or not 0 <= index < len(self.session.questions):
            return
        self._account_time()
        self.index = index
        question = self.question
        total = len(self.session.questions)
        self.view.setHtml(question_page(question, index + 1, total))
        self.choices.set_question(question, self.session.response(question.id))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < total - 1)
        self._refresh_progress()
        self.choices.focus_first()
        self._shown_for.start()

    def next(self) -> None:
        """Move to the next question."""
        self.go_to(self.index + 1)

    def previous(self) -> None:
        """Move to the previous question."""
        self.go_to(self.index - 1)

    def _account_time(self) -> None:
        if (
            self.session is not None
            and self._shown_for.isValid()
            and 0 <= self.index < len(self.session.questions)
        ):
            qid = self.question.id
            self._time_spent[qid] = self._time_spent.get(qid, 0) + int(self._shown_for.restart())

    def _refresh_progress(self) -> None:
        assert self.session is not None
        answered = [self.session.is_answered(q.id) for q in self.session.questions]
        self.navigator.update_states(answered, self.index)
        self.progress.setText(f"已答 {sum(answered)} / {len(answered)}")

    def _on_choices_response_changed(self, response: Response) -> None:
        if self.session is None or self.session.result is not None:
            return
        self._account_time()
        failure: SaveFailure | None = self.session.record(
            self.question, response, self._time_spent.get(self.question.id, 0)
        )
        if failure is not None:
            self.save_failed.emit(f"答案暂存在内存中，写入数据库失败：{failure.detail}")
        self._refresh_progress()

    def request_submit(self) -> None:
        """Submit after confirming, if some questions are still unanswered."""
        if self.session is None or self.session.result is not None:
            return
        unanswered = len(self.session.questions) - self.session.answered_count
        if unanswered and not self.confirm(f"还有 {unanswered} 题未作答，确定交卷吗？"):
            return
        self._submit(by_clock=False)

    def confirm(self, text: str) -> bool:
        """Ask the user yes/no; tests replace this method."""
        answer = QMessageBox.question(
            self, "交卷", text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_timer_expired(self) -> None:
        if self.session is not None and self.session.result is None:
            self._submit(by_clock=True)

    def _submit(self, by_clock: bool) -> None:
        assert self.session is not None
        self._account_time()
        self.timer.stop()
        self.session.submit()
        self.submitted.emit(by_clock)
