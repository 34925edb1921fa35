"""Parsing question files: the key fields of every type, section splitting, and errors located by line."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from app.core.bank import Severity, load_bank, parse_question, yaml_text
from app.core.bank.problems import ProblemSink
from app.core.models import Choice, KeyPoint, Pair, Question, QuestionType

# A valid true/false file; the error cases below are small edits of it. Line numbers:
# 1 ---, 2 id, 3 type, 4 difficulty, 5 facts, 6 ---, 7 stem, 9 ## Answer, 10 true, 12 ## Explanation.
VALID_TF = """\
---
id: q
type: truefalse
difficulty: 1
facts: []
---
stem

## Answer
true

## Explanation
why
"""


def _parse(text: str, topic: str = "topic") -> tuple[Question | None, list[tuple[int, str, Severity]]]:
    sink = ProblemSink("q.md")
    question = parse_question(text, "q.md", sink, topic)
    return question, [(p.line, p.code, p.severity) for p in sink.items]


# --- the good bank: every type with its key fields ---------------------------------------------------


def test_good_bank_loads_every_type_without_problems(good_load) -> None:
    assert good_load.problems == []
    assert good_load.files == 8
    assert {q.type for q in good_load.questions} == set(QuestionType)


def test_single_choices_key_and_metadata(good) -> None:
    q = good["fx-single"]
    assert q.type is QuestionType.SINGLE
    assert q.choices == (
        Choice("A", "mheap", False),
        Choice("B", "mcache", True),
        Choice("C", "mcentral", False),
    )
    assert q.correct_keys == ("B",)
    assert q.tags == ("gmp",)
    assert q.facts == ("000.1.2",)
    assert q.source == "000_925237987d5159a6.txt"
    assert q.section == "000.1"
    assert q.time == 45
    assert q.points == 1.0
    assert q.difficulty == 2
    assert q.stem == "小对象从哪里直接分配？`make([]byte, 16)`"
    assert q.explanation == "mcache 属于 P，无锁分配。"


def test_multiple_keeps_continuation_lines_of_an_option(good) -> None:
    q = good["fx-multiple"]
    assert q.correct_keys == ("A", "C")
    assert [c.key for c in q.choices] == ["A", "B", "C"]
    assert q.choices[2].text == "mheap 向操作系统申请内存\n(虚拟内存)"
    assert q.facts == ("000.1.1", "000.1.2")


def test_truefalse_with_chinese_sections_and_answer_word(good) -> None:
    q = good["fx-truefalse"]
    assert q.truth is False
    assert q.explanation == "只偷一半 (half)。"


def test_fill_blanks_with_alternatives_including_a_regex(good) -> None:
    q = good["fx-fill"]
    assert q.blanks == (
        ("256",),
        ("runqputslow", "runtime.runqputslow", r"re:runtime\.runqputslow\(\)"),
    )
    assert "{{1}}" in q.stem
    assert "{{2}}" in q.stem


def test_order_items_in_file_order(good) -> None:
    assert good["fx-order"].order_items == (
        "本地运行队列 (LRQ)",
        "全局运行队列 (GRQ)",
        "偷取其他 P 的一半 (work stealing)",
    )


def test_match_pairs_and_right_only_distractor(good) -> None:
    q = good["fx-match"]
    assert q.pairs == (
        Pair("mcache", "每个 P 的无锁分配缓存"),
        Pair("mcentral", "每个 span class 的 span 集合"),
        Pair("mheap", "向操作系统申请内存"),
    )
    assert q.distractors == ("负责垃圾回收标记",)


def test_open_key_points_weights_default_to_one_and_versions_followups(good) -> None:
    q = good["fx-open"]
    assert q.key_points == (KeyPoint("本地运行队列减少锁竞争", 2.0), KeyPoint("mcache 无锁分配", 1.0))
    assert q.model_answer == "P 持有本地运行队列和 mcache。\n\n```go\nruntime.GOMAXPROCS(0)\n```"
    assert q.versions == (("go", ">=1.22"),)
    assert q.followups == ("fx-single",)


def test_output_expected_text_and_code_kept_in_stem(good) -> None:
    q = good["fx-output"]
    assert q.outputs == ("[1, 2, 3]",)
    assert q.stem.startswith("这段代码打印什么？\n\n```python\nprint(sorted({3, 1, 2}))")
    assert q.stem.endswith("```")


def test_topic_defaults_to_the_folder_name(good) -> None:
    assert good["fx-single"].topic == "go-runtime"
    assert good["fx-output"].topic == "python"


def test_explicit_topic_overrides_the_folder(write_file, tmp_path: Path) -> None:
    write_file("folder/q.md", VALID_TF.replace("type: truefalse", "type: truefalse\ntopic: k8s"))
    load = load_bank([tmp_path])
    assert [q.topic for q in load.questions] == ["k8s"]


def test_content_hash_is_the_sha256_of_the_file_bytes(good) -> None:
    for q in good.values():
        assert q.content_hash == hashlib.sha256(Path(q.path).read_bytes()).hexdigest(), q.id
    assert len({q.content_hash for q in good.values()}) == len(good)


# --- section splitting ------------------------------------------------------------------------------


@pytest.mark.parametrize(("opening", "closing"), [("```text", "```"), ("~~~text", "~~~"), ("````md", "````")])
def test_heading_inside_a_code_fence_is_not_a_section(opening: str, closing: str) -> None:
    text = VALID_TF.replace("stem\n", f"stem\n\n{opening}\n## Answer\nfalse\n## Bogus\n{closing}\n")
    question, problems = _parse(text)
    assert problems == []
    assert question is not None
    assert question.truth is True
    assert "## Answer\nfalse\n## Bogus" in question.stem


CHINESE = [
    ("single", "## 选项\n- [x] 对的\n- [ ] 错的", {"correct_keys": ("A",)}),
    ("fill", "## 填空\n1. 256", {"blanks": (("256",),)}),
    ("order", "## 顺序\n1. 一\n2. 二", {"order_items": ("一", "二")}),
    ("match", "## 配对\n- 甲 => 乙\n- 丙 => 丁", {"pairs": (Pair("甲", "乙"), Pair("丙", "丁"))}),
    ("open", "## 答案\n参考\n\n## 得分点\n- [3] 要点", {"key_points": (KeyPoint("要点", 3.0),)}),
    ("output", "## 输出\n```text\n42\n```", {"outputs": ("42",)}),
    ("truefalse", "## 答案\n对", {"truth": True}),
]


@pytest.mark.parametrize(("qtype", "sections", "expected"), CHINESE, ids=[c[0] for c in CHINESE])
def test_chinese_section_aliases(qtype: str, sections: str, expected: dict[str, object]) -> None:
    stem = "题干 {{1}}" if qtype == "fill" else "题干"
    text = (
        f"---\nid: q\ntype: {qtype}\ndifficulty: 1\nfacts: []\n---\n{stem}\n\n{sections}\n\n## 解析\n原因\n"
    )
    question, problems = _parse(text)
    assert problems == []
    assert question is not None
    assert question.explanation == "原因"
    for attribute, value in expected.items():
        assert getattr(question, attribute) == value


def test_untagged_fence_is_only_a_warning(write_file, tmp_path: Path) -> None:
    write_file("t/q.md", VALID_TF.replace("stem\n", "stem\n\n```\nx = 1\n```\n"))
    load = load_bank([tmp_path])
    assert [q.id for q in load.questions] == ["q"]
    assert load.errors == []
    [warning] = load.problems
    assert (warning.line, warning.code, warning.severity) == (9, "untagged-fence", Severity.WARNING)
    assert str(warning).endswith("(warning)")


# --- errors, each with its exact line ---------------------------------------------------------------

VALID_SINGLE = """\
---
id: s
type: single
difficulty: 2
facts: []
---
stem

## Options
- [x] a
- [ ] b

## Explanation
why
"""

VALID_FILL = """\
---
id: f
type: fill
difficulty: 2
facts: []
---
a {{1}} b {{2}}

## Blanks
1. x
2. y | re:a(b)

## Explanation
why
"""

ERROR_CASES: list[tuple[str, str | bytes, int, str]] = [
    ("no-front-matter", "stem first\n" + VALID_TF, 1, "no-front-matter"),
    ("unterminated-front-matter", "---\nid: q\ntype: truefalse\n\nstem\n", 1, "unterminated-front-matter"),
    ("bad-yaml-mapping", VALID_TF.replace("type: truefalse", "type: truefalse: x"), 3, "bad-yaml"),
    ("bad-yaml-unclosed-list", VALID_TF.replace("facts: []", "facts: [000.1.1"), 5, "bad-yaml"),
    ("unknown-type", VALID_TF.replace("type: truefalse", "type: essay"), 3, "unknown-type"),
    ("difficulty-too-high", VALID_TF.replace("difficulty: 1", "difficulty: 6"), 4, "bad-difficulty"),
    ("difficulty-zero", VALID_TF.replace("difficulty: 1", "difficulty: 0"), 4, "bad-difficulty"),
    ("single-two-correct", VALID_SINGLE.replace("[ ]", "[x]"), 9, "several-correct"),
    (
        "multiple-no-correct",
        VALID_SINGLE.replace("single", "multiple").replace("[x]", "[ ]"),
        9,
        "no-correct-option",
    ),
    ("blank-marks-mismatch", VALID_FILL.replace(" b {{2}}", " b"), 7, "blank-marks"),
    ("unknown-section", VALID_TF.replace("## Explanation", "## Explantion"), 12, "unknown-section"),
    ("unterminated-fence", VALID_TF.replace("stem\n", "stem\n\n```go\nx := 1\n"), 9, "unterminated-fence"),
    ("bad-id", VALID_TF.replace("id: q\ntype: truefalse", "type: truefalse\nid: Bad_Id"), 3, "bad-id"),
    (
        "unquoted-numeric-section",
        VALID_TF.replace("facts: []", "facts: []\nsection: 000.10"),
        6,
        "bad-section",
    ),
    ("invalid-regex-blank", VALID_FILL.replace("re:a(b)", "re:a(b"), 11, "bad-regex"),
    ("bad-utf8", VALID_TF.encode().replace(b"why", b"wh\xffy"), 13, "bad-encoding"),
    (
        "bad-utf8-after-bom",
        b"\xef\xbb\xbf" + VALID_TF.encode().replace(b"true\n", b"\xfftrue\n"),
        10,
        "bad-encoding",
    ),
]


@pytest.mark.parametrize(
    ("content", "line", "code"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_error_is_reported_at_its_line(
    write_file: Callable[[str, str | bytes], Path], tmp_path: Path, content: str | bytes, line: int, code: str
) -> None:
    path = write_file("topic/q.md", content)
    load = load_bank([tmp_path])
    assert load.questions == []
    assert (str(path), line, code) in [(p.file, p.line, p.code) for p in load.errors]


YAML_ERRORS = {
    "mapping-in-value": (VALID_TF.replace("type: truefalse", "type: truefalse: x"), 3),
    "unclosed-list-at-end": (VALID_TF.replace("facts: []", "facts: [000.1.1"), 5),
    "unclosed-mapping-at-end": (VALID_TF.replace("facts: []", "facts: []\ntags: {a: b"), 6),
    "unclosed-quote": (VALID_TF.replace("type: truefalse", 'type: "truefalse'), 5),
    "tab-indent": (VALID_TF.replace("difficulty: 1", "\tdifficulty: 1"), 4),
}


@pytest.mark.parametrize("loader_name", ["SafeLoader", "CSafeLoader"])
@pytest.mark.parametrize(("text", "line"), YAML_ERRORS.values(), ids=YAML_ERRORS)
def test_yaml_error_line_does_not_depend_on_libyaml(
    monkeypatch: pytest.MonkeyPatch, loader_name: str, text: str, line: int
) -> None:
    loader = getattr(yaml, loader_name, None)
    if loader is None:
        pytest.skip("PyYAML built without libyaml")
    monkeypatch.setattr(yaml_text, "_Loader", loader)
    question, problems = _parse(text)
    assert question is None
    assert problems == [(line, "bad-yaml", Severity.ERROR)]


def test_the_valid_base_files_parse(write_file, tmp_path: Path) -> None:
    """Guards the error cases above: each differs from one of these valid files only by its one error."""
    for name, text in (("q", VALID_TF), ("s", VALID_SINGLE), ("f", VALID_FILL)):
        write_file(f"topic/{name}.md", text)
    load = load_bank([tmp_path])
    assert load.problems == []
    assert sorted(q.id for q in load.questions) == ["f", "q", "s"]


def test_a_question_without_explanation_loads_with_a_warning(write_file, tmp_path: Path) -> None:
    """Imported questions often have no feedback: they load, and bank health lists them."""
    write_file("topic/q.md", VALID_TF.replace("\n## Explanation\nwhy\n", ""))
    load = load_bank([tmp_path])
    assert [q.explanation for q in load.questions] == [""]
    assert [(p.code, p.severity) for p in load.problems] == [("no-explanation", Severity.WARNING)]
