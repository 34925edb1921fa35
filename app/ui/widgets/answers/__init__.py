"""Answer widgets, one per kind of question, behind the AnswerWidget interface."""
