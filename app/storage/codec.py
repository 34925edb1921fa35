"""JSON encoding of the core values stored in text columns."""

from __future__ import annotations

import json
from typing import Any, cast

from app.core.models import Blueprint, QuestionType, Response


def blueprint_to_json(blueprint: Blueprint) -> str:
    """A blueprint as stored with its attempt."""
    return json.dumps(
        {
            "name": blueprint.name,
            "count": blueprint.count,
            "duration_s": blueprint.duration_s,
            "topics": list(blueprint.topics),
            "types": sorted(t.value for t in blueprint.types),
            "pass_ratio": blueprint.pass_ratio,
        },
        ensure_ascii=False,
    )


def blueprint_from_json(text: str) -> Blueprint:
    """The blueprint an attempt was drawn from."""
    data: dict[str, Any] = json.loads(text)
    return Blueprint(
        name=str(data["name"]),
        count=int(data["count"]),
        duration_s=data.get("duration_s"),
        topics=tuple(data.get("topics", ())),
        types=frozenset(QuestionType(t) for t in data.get("types", ())),
        pass_ratio=float(data.get("pass_ratio", 0.6)),
    )


def response_to_json(response: Response) -> str:
    """A response as stored."""
    return json.dumps(response, ensure_ascii=False)


def response_from_json(text: str) -> Response:
    """A stored response."""
    return cast(Response, json.loads(text))
