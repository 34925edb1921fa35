"""JSON encoding of the core values stored in text columns."""

from __future__ import annotations

import json
from typing import Any, cast

from app.core.models import ALL_TYPES, Blueprint, Mode, OrderCredit, Policy, QuestionType, Response


def blueprint_to_json(blueprint: Blueprint) -> str:
    """A blueprint as stored with its attempt."""
    return json.dumps(
        {
            "name": blueprint.name,
            "description": blueprint.description,
            "count": blueprint.count,
            "duration_s": blueprint.duration_s,
            "topics": list(blueprint.topics),
            "weights": [[t, w] for t, w in blueprint.weights],
            "tags": list(blueprint.tags),
            "difficulty": list(blueprint.difficulty),
            "types": sorted(t.value for t in blueprint.types),
            "pass_ratio": blueprint.pass_ratio,
            "mode": blueprint.mode.value,
            "policy": blueprint.policy.value,
            "shuffle_questions": blueprint.shuffle_questions,
            "shuffle_options": blueprint.shuffle_options,
            "allow_pause": blueprint.allow_pause,
            "partial_credit": blueprint.partial_credit,
            "order_credit": blueprint.order_credit.value,
            "scale": list(blueprint.scale) if blueprint.scale else None,
        },
        ensure_ascii=False,
    )


def blueprint_from_json(text: str) -> Blueprint:
    """The blueprint an attempt was drawn from (fields missing in older rows take their defaults)."""
    data: dict[str, Any] = json.loads(text)
    types = data.get("types")
    low, high = data.get("difficulty", (1, 5))
    return Blueprint(
        name=str(data["name"]),
        description=str(data.get("description", "")),
        count=int(data["count"]),
        duration_s=data.get("duration_s"),
        topics=tuple(data.get("topics", ())),
        weights=tuple((str(t), float(w)) for t, w in data.get("weights", ())),
        tags=tuple(data.get("tags", ())),
        difficulty=(int(low), int(high)),
        types=frozenset(QuestionType(t) for t in types) if types else ALL_TYPES,
        pass_ratio=float(data.get("pass_ratio", 0.6)),
        mode=Mode(data.get("mode", Mode.EXAM.value)),
        policy=Policy(data.get("policy", Policy.RANDOM.value)),
        shuffle_questions=bool(data.get("shuffle_questions", True)),
        shuffle_options=bool(data.get("shuffle_options", True)),
        allow_pause=data.get("allow_pause"),
        partial_credit=bool(data.get("partial_credit", False)),
        # attempts stored before order credit existed were graded all-or-nothing
        order_credit=OrderCredit(data.get("order_credit", OrderCredit.ALL.value)),
        scale=(float(scale[0]), float(scale[1])) if (scale := data.get("scale")) else None,
    )


def response_to_json(response: Response) -> str:
    """A response as stored."""
    return json.dumps(response, ensure_ascii=False)


def response_from_json(text: str) -> Response:
    """A stored response."""
    return cast(Response, json.loads(text))
