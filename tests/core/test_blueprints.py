"""Preset files: parsed into Blueprints, problems reported at their line under either YAML parser."""

from __future__ import annotations

import pytest
import yaml

from app.core.bank import yaml_text
from app.core.bank.blueprints import dump_blueprint, parse_blueprint
from app.core.bank.problems import ProblemSink
from app.core.models import Mode, OrderCredit, Policy, QuestionType

VALID = """name: Go 运行时 30 分钟
count: 20
duration: 30
weights: {go-runtime: 2, kubernetes: 1}
difficulty: [2, 4]
types: [single, multiple]
pass: 70%
mode: practice
policy: unseen
"""


def _parse(text: str):  # type: ignore[no-untyped-def]
    sink = ProblemSink("preset.yaml")
    return parse_blueprint(text, sink), [(p.line, p.code) for p in sink.items]


def test_valid_preset_parses_every_field() -> None:
    blueprint, problems = _parse(VALID)
    assert problems == []
    assert blueprint is not None
    assert (blueprint.count, blueprint.duration_s, blueprint.pass_ratio) == (20, 1800, 0.7)
    assert blueprint.weights == (("go-runtime", 2.0), ("kubernetes", 1.0))
    assert blueprint.difficulty == (2, 4)
    assert blueprint.types == frozenset({QuestionType.SINGLE, QuestionType.MULTIPLE})
    assert (blueprint.mode, blueprint.policy) == (Mode.PRACTICE, Policy.UNSEEN)


def test_dumped_preset_reads_back_the_same() -> None:
    blueprint, _ = _parse(VALID)
    assert blueprint is not None
    again, problems = _parse(dump_blueprint(blueprint))
    assert problems == []
    assert again == blueprint


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("count: 20", "count: 0", (2, "bad-count")),
        ("types: [single, multiple]", "types: [single, essay]", (6, "bad-types")),
        ("pass: 70%", "pass: 170%", (7, "bad-pass")),
        ("policy: unseen", "policy: lucky", (9, "bad-policy")),
    ],
)
def test_invalid_values_are_reported_at_their_line(replace: str, by: str, expected: tuple[int, str]) -> None:
    blueprint, problems = _parse(VALID.replace(replace, by))
    assert blueprint is None
    assert problems == [expected]


@pytest.mark.parametrize("loader_name", ["SafeLoader", "CSafeLoader"])
def test_unclosed_list_on_the_last_line_is_reported_there_by_either_parser(
    monkeypatch: pytest.MonkeyPatch, loader_name: str
) -> None:
    loader = getattr(yaml, loader_name, None)
    if loader is None:
        pytest.skip("PyYAML built without libyaml")
    monkeypatch.setattr(yaml_text, "_Loader", loader)
    blueprint, problems = _parse(VALID + "tags: [a, b\n")
    assert blueprint is None
    assert problems == [(10, "bad-yaml")]


def test_order_credit_and_scale_parse_and_round_trip() -> None:
    blueprint, problems = _parse(VALID + "order_credit: pairs\nscale: [100, 1000]\n")
    assert problems == []
    assert blueprint is not None
    assert blueprint.order_credit is OrderCredit.PAIRS
    assert blueprint.scale == (100.0, 1000.0)
    again, _ = _parse(dump_blueprint(blueprint))
    assert again == blueprint
    bad, problems = _parse(VALID + "scale: [1000, 100]\n")
    assert bad is None
    assert problems == [(10, "bad-scale")]
