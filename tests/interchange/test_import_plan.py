"""Planning and applying an import: added, updated, unchanged, stable re-imports, and where files go."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

from interchange_support import GOOD_BANK, clean, fixture_bytes

from app.core.bank import load_bank
from app.core.bank.dump import question_to_markdown
from app.core.models import Question, QuestionId
from app.interchange.gift_read import read_gift
from app.interchange.jsonfmt import read_json, write_json
from app.interchange.plan import apply_import, plan_import


def test_plan_writes_nothing_and_apply_writes_loadable_files(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    result = read_gift(fixture_bytes("examples.gift"), "examples.gift", "misc")
    plan = plan_import(result, bank)
    assert plan.counts == {"added": 22, "updated": 0, "unchanged": 0, "skipped": 2, "errors": 0}
    assert plan.added[0] == (QuestionId("examples-grant-tomb-mc"), 6)
    assert not bank.exists()
    written = apply_import(plan)
    assert len(written) == 22
    assert bank / "basics" / "examples-grant-tomb-mc.md" in written
    load = load_bank([bank])
    assert load.errors == []
    assert {q.id: clean(q) for q in load.questions} == {i.question.id: i.question for i in result.questions}


def test_reimport_is_unchanged_and_one_edit_is_one_update(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    source = fixture_bytes("examples.gift")
    apply_import(plan_import(read_gift(source, "examples.gift", "misc"), bank))
    again = plan_import(read_gift(source, "examples.gift", "misc"), bank)
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 22, "skipped": 2, "errors": 0}
    assert again.writes == []
    edited = source.replace(b"~Jefferson =no one", b"~Lincoln =no one")
    plan = plan_import(read_gift(edited, "examples.gift", "misc"), bank)
    assert plan.counts == {"added": 0, "updated": 1, "unchanged": 21, "skipped": 2, "errors": 0}
    assert plan.updated == [(QuestionId("examples-grant-tomb-mc"), 6)]
    assert apply_import(plan) == [bank / "basics" / "examples-grant-tomb-mc.md"]
    assert "Lincoln" in (bank / "basics" / "examples-grant-tomb-mc.md").read_text(encoding="utf-8")


def test_a_question_in_another_topic_folder_is_replaced_not_duplicated(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(GOOD_BANK, bank)
    questions = load_bank([bank]).questions
    single = next(q for q in questions if q.id == "fx-single")
    moved = dataclasses.replace(single, topic="python", stem="Moved and edited?")
    result = read_json(write_json([moved]).text.encode(), "one.json", "misc")
    plan = plan_import(result, bank)
    assert plan.updated == [(QuestionId("fx-single"), 5)]
    assert apply_import(plan) == [bank / "go-runtime" / "single.md"]
    assert not (bank / "python" / "fx-single.md").exists()
    reloaded = load_bank([bank]).by_id[QuestionId("fx-single")]
    assert (reloaded.topic, reloaded.stem) == ("python", "Moved and edited?")


def test_repeated_ids_unknown_facts_and_occupied_paths_are_errors(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(GOOD_BANK, bank)
    (bank / "misc").mkdir()
    (bank / "misc" / "fresh.md").write_text("not a question file", encoding="utf-8")
    base = load_bank([GOOD_BANK]).by_id[QuestionId("fx-truefalse")]

    def variant(qid: str, **changes: object) -> Question:
        return dataclasses.replace(base, id=QuestionId(qid), **changes)  # type: ignore[arg-type]

    questions = [
        variant("new-one"),
        variant("new-one", stem="again"),
        variant("bad-fact", facts=("999.9.9",)),
        variant("fresh", topic="misc"),
        variant("bad-topic", topic="../escape"),
    ]
    document = json.loads(write_json(questions).text)
    result = read_json(json.dumps(document, indent=2).encode(), "x.json", "misc")
    plan = plan_import(result, bank)
    assert plan.added == [(QuestionId("new-one"), 5)]
    messages = [e.message for e in plan.errors]
    assert len(messages) == 4
    assert "id 'new-one' repeats line 5" in messages[0]
    assert "999.9.9 is not in the bank's facts.tsv" in messages[1]
    assert "fresh.md exists but is not a loadable question 'fresh'" in messages[2]
    assert "topic '../escape' is not a folder-safe slug" in messages[3]


def test_unchanged_compares_the_parsed_file_not_its_text(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    question = load_bank([GOOD_BANK]).by_id[QuestionId("fx-order")]
    target = bank / "go-runtime" / "anything.md"
    target.parent.mkdir(parents=True)
    target.write_text(
        question_to_markdown(question).replace("\n## Order", "\n\n\n## Order"), encoding="utf-8"
    )
    result = read_json(write_json([question]).text.encode(), "one.json", "misc")
    assert plan_import(result, bank).unchanged == [(QuestionId("fx-order"), 5)]
