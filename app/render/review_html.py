"""HTML for one reviewed question on screen: the report's question section as its own page."""

from __future__ import annotations

from html import escape

from app.core.review import AttemptReview, ReviewItem
from app.render.report_html import question_section, report_document


def review_item_page(item: ReviewItem, review: AttemptReview) -> str:
    """The page the review shows for one question (the same section the exported report prints)."""
    return report_document(escape(item.question.id), question_section(item, review))
