"""Which answer widget each question type uses."""

from __future__ import annotations

from app.core.models import QuestionType
from app.ui.widgets.answers.base import AnswerWidget
from app.ui.widgets.answers.choice_answer import ChoiceAnswer
from app.ui.widgets.answers.fill_answer import FillAnswer
from app.ui.widgets.answers.match_answer import MatchAnswer
from app.ui.widgets.answers.order_answer import OrderAnswer
from app.ui.widgets.answers.text_answer import TextAnswer

WIDGET_FOR_TYPE: dict[QuestionType, type[AnswerWidget]] = {
    QuestionType.SINGLE: ChoiceAnswer,
    QuestionType.MULTIPLE: ChoiceAnswer,
    QuestionType.TRUEFALSE: ChoiceAnswer,
    QuestionType.FILL: FillAnswer,
    QuestionType.ORDER: OrderAnswer,
    QuestionType.MATCH: MatchAnswer,
    QuestionType.OPEN: TextAnswer,
    QuestionType.OUTPUT: TextAnswer,
}
