"""Load exam presets (blueprint YAML files) and report problems by file and line, like questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.core.bank.problems import Problem, ProblemSink
from app.core.bank.yaml_text import YamlSyntaxError, load_with_lines
from app.core.models import ALL_TYPES, Blueprint, Mode, OrderCredit, Policy, QuestionType

KNOWN_KEYS = {
    "name", "description", "duration", "count", "weights", "topics", "tags", "difficulty", "types",
    "pass", "mode", "policy", "shuffle_questions", "shuffle_options", "allow_pause", "partial_credit",
    "order_credit", "scale",
}  # fmt: skip
MAX_QUESTIONS = 500


@dataclass(frozen=True)
class Preset:
    """A blueprint and the file it came from."""

    blueprint: Blueprint
    path: str
    shipped: bool = True


@dataclass
class PresetLoad:
    """Presets that loaded and the problems of those that did not."""

    presets: list[Preset] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_presets(folder: Path, shipped: bool = True, display_base: Path | None = None) -> PresetLoad:
    """Every `*.yaml` in `folder`, sorted by file name; a bad file is reported and skipped."""
    result = PresetLoad()
    if not folder.is_dir():
        return result
    for path in sorted(folder.glob("*.yaml")):
        shown = (
            str(path.relative_to(display_base))
            if display_base and path.is_relative_to(display_base)
            else str(path)
        )
        sink = ProblemSink(shown)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            sink.error(1, "unreadable", f"cannot read preset: {exc}")
        else:
            blueprint = parse_blueprint(text, sink)
            if blueprint is not None:
                result.presets.append(Preset(blueprint, str(path), shipped))
        result.problems.extend(sink.items)
    return result


def parse_blueprint(text: str, sink: ProblemSink) -> Blueprint | None:
    """A blueprint from YAML text; None (with errors in `sink`) when it is invalid."""
    try:
        data, lines = load_with_lines(text)
    except YamlSyntaxError as exc:
        sink.error(exc.line, "bad-yaml", f"invalid YAML: {exc.problem}")
        return None
    if not isinstance(data, dict):
        sink.error(1, "bad-yaml", "a preset must be a YAML mapping of keys to values")
        return None
    return _check(data, lines, sink)


def _check(d: dict[str, Any], lines: dict[str, int], sink: ProblemSink) -> Blueprint | None:
    def err(key: str, message: str) -> None:
        sink.error(lines.get(key, 1), f"bad-{key}", message)

    for key in sorted(set(d) - KNOWN_KEYS):
        sink.warn(lines[key], "unknown-key", f"unknown preset key '{key}'")
    name = d.get("name")
    if not isinstance(name, str) or not name.strip():
        err("name", "'name' is required: a non-empty string")
    count = d.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_QUESTIONS:
        err("count", f"'count' must be a whole number 1-{MAX_QUESTIONS}, got {count!r}")
    duration = d.get("duration", 0)
    if duration is None:
        duration = 0
    if not isinstance(duration, int | float) or isinstance(duration, bool) or duration < 0:
        err("duration", f"'duration' must be minutes (0 for untimed), got {duration!r}")
        duration = 0
    weights = d.get("weights", {}) or {}
    if not isinstance(weights, dict) or not all(
        isinstance(w, int | float) and not isinstance(w, bool) and w >= 0 for w in weights.values()
    ):
        err(
            "weights",
            "'weights' must map topics to non-negative numbers, e.g. {go-runtime: 2, kubernetes: 1}",
        )
        weights = {}
    elif weights and not any(weights.values()):
        err("weights", "at least one weight must be above zero")
    topics = _strings(d, "topics", err)
    tags = _strings(d, "tags", err)
    difficulty = d.get("difficulty", [1, 5])
    if (
        not isinstance(difficulty, list)
        or len(difficulty) != 2
        or not all(isinstance(x, int) and 1 <= x <= 5 for x in difficulty)
        or difficulty[0] > difficulty[1]
    ):
        err("difficulty", f"'difficulty' must be [low, high] within 1-5, got {difficulty!r}")
        difficulty = [1, 5]
    types = ALL_TYPES
    if "types" in d:
        names = _strings(d, "types", err)
        unknown = [t for t in names if t not in QuestionType.__members__.values()]
        if unknown or not names:
            err("types", f"unknown question types {unknown}; use {', '.join(t.value for t in QuestionType)}")
        else:
            types = frozenset(QuestionType(t) for t in names)
    pass_ratio = _ratio(d.get("pass", 0.6))
    if pass_ratio is None:
        err("pass", f"'pass' must be a fraction (0.6) or a percentage ('60%'), got {d.get('pass')!r}")
    mode, policy = _enum(d, "mode", Mode, Mode.EXAM, err), _enum(d, "policy", Policy, Policy.RANDOM, err)
    order_credit = _enum(d, "order_credit", OrderCredit, OrderCredit.SUBSEQUENCE, err)
    scale = d.get("scale")
    if scale is not None and (
        not isinstance(scale, list)
        or len(scale) != 2
        or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in scale)
        or scale[0] >= scale[1]
    ):
        err(
            "scale",
            f"'scale' must be [lowest, highest] with lowest < highest, e.g. [100, 1000]; got {scale!r}",
        )
        scale = None
    flags = {}
    for key, default in (("shuffle_questions", True), ("shuffle_options", True), ("partial_credit", False)):
        flags[key] = d.get(key, default)
        if not isinstance(flags[key], bool):
            err(key, f"'{key}' must be true or false")
    allow_pause = d.get("allow_pause")
    if allow_pause is not None and not isinstance(allow_pause, bool):
        err("allow_pause", "'allow_pause' must be true or false")
    if sink.has_errors:
        return None
    return Blueprint(
        name=str(name).strip(),
        description=str(d.get("description", "") or "").strip(),
        count=int(count),  # type: ignore[arg-type]
        duration_s=int(duration * 60) or None,
        topics=topics,
        weights=tuple((str(t), float(w)) for t, w in weights.items()),
        tags=tags,
        difficulty=(difficulty[0], difficulty[1]),
        types=types,
        pass_ratio=pass_ratio or 0.6,
        mode=mode,
        policy=policy,
        shuffle_questions=flags["shuffle_questions"],
        shuffle_options=flags["shuffle_options"],
        partial_credit=flags["partial_credit"],
        order_credit=order_credit,
        scale=(float(scale[0]), float(scale[1])) if scale else None,
        allow_pause=allow_pause,
    )


def _strings(d: dict[str, Any], key: str, err: Any) -> tuple[str, ...]:
    value = d.get(key, []) or []
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        err(key, f"'{key}' must be a list of names like [a, b]")
        return ()
    return tuple(value)


def _ratio(value: Any) -> float | None:
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            value = float(value.strip()[:-1]) / 100
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1:
        return float(value)
    return None


def _enum(d: dict[str, Any], key: str, kind: Any, default: Any, err: Any) -> Any:
    try:
        return kind(d.get(key, default))
    except ValueError:
        err(key, f"'{key}' must be one of {', '.join(m.value for m in kind)}, got {d.get(key)!r}")
        return default


def dump_blueprint(blueprint: Blueprint) -> str:
    """A blueprint as preset YAML (for "save as preset")."""
    data: dict[str, Any] = {
        "name": blueprint.name,
        "description": blueprint.description,
        "count": blueprint.count,
        "duration": (blueprint.duration_s or 0) / 60,
        "weights": dict(blueprint.weights),
        "topics": list(blueprint.topics),
        "tags": list(blueprint.tags),
        "difficulty": list(blueprint.difficulty),
        "types": sorted(t.value for t in blueprint.types),
        "pass": blueprint.pass_ratio,
        "mode": blueprint.mode.value,
        "policy": blueprint.policy.value,
        "shuffle_questions": blueprint.shuffle_questions,
        "shuffle_options": blueprint.shuffle_options,
        "partial_credit": blueprint.partial_credit,
        "order_credit": blueprint.order_credit.value,
    }
    if blueprint.scale is not None:
        data["scale"] = [_whole(x) for x in blueprint.scale]
    if blueprint.allow_pause is not None:
        data["allow_pause"] = blueprint.allow_pause
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
