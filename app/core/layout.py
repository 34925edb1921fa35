"""How a question is laid out in one attempt: option, item and right-column orders, derived from the seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.core.models import Question, QuestionType


@dataclass(frozen=True)
class QuestionLayout:
    """Display orders as indexes into the question's own tuples; responses always use the file's keys."""

    options: tuple[int, ...] = ()  # into question.choices
    items: tuple[int, ...] = ()  # into question.order_items (the starting order shown)
    rights: tuple[str, ...] = ()  # the right-hand column of a matching question, distractors included


def _rng(seed: int, question: Question) -> random.Random:
    return random.Random(f"{seed}:{question.id}")


def _shuffled(count: int, rng: random.Random, avoid_identity: bool) -> tuple[int, ...]:
    order = list(range(count))
    rng.shuffle(order)
    if avoid_identity and count > 1 and order == sorted(order):
        order = order[1:] + order[:1]  # an ordering question never starts out solved
    return tuple(order)


def layout_for(question: Question, seed: int, shuffle_options: bool = True) -> QuestionLayout:
    """The same seed gives the same layout, so a resumed attempt looks exactly as it did."""
    rng = _rng(seed, question)
    match question.type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            count = len(question.choices)
            return QuestionLayout(
                options=_shuffled(count, rng, False) if shuffle_options else tuple(range(count))
            )
        case QuestionType.ORDER:
            return QuestionLayout(items=_shuffled(len(question.order_items), rng, True))
        case QuestionType.MATCH:
            rights = sorted({p.right for p in question.pairs} | set(question.distractors))
            rng.shuffle(rights)
            return QuestionLayout(rights=tuple(rights))
    return QuestionLayout()
