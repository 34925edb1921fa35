"""Anki export: a zipped collection with stable guids across exports, tags, and highlighted code."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import genanki

from app.core.models import Question
from app.interchange.anki import GUID_NAMESPACE, KIND_FIELDS, stable_id, write_anki


def _notes(apkg: Path, into: Path) -> tuple[list[tuple[str, str, str, int]], dict[str, object]]:
    with zipfile.ZipFile(apkg) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", into)
    with closing(sqlite3.connect(into / "collection.anki2")) as db:
        notes = db.execute("SELECT guid, tags, flds, mid FROM notes ORDER BY id").fetchall()
        models, decks = db.execute("SELECT models, decks FROM col").fetchone()
    return notes, {"models": json.loads(models), "decks": json.loads(decks)}


def test_deck_notes_guids_tags_and_code(good_questions: list[Question], tmp_path: Path) -> None:
    tagged = [
        dataclasses.replace(q, tags=("two words", "gmp")) if q.id == "fx-single" else q
        for q in good_questions
    ]
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert write_anki(tagged, first, "Backend 模考") == len(tagged)
    write_anki(tagged, second, "Backend 模考")
    notes, col = _notes(first, tmp_path / "a")
    again, _ = _notes(second, tmp_path / "b")
    assert len(notes) == len(good_questions) == 8
    assert [n[0] for n in notes] == [n[0] for n in again]
    assert [n[0] for n in notes] == [genanki.guid_for(GUID_NAMESPACE, q.id) for q in good_questions]
    by_id = {n[2].split("\x1f")[3]: n for n in notes}
    assert by_id["fx-single"][1].split() == ["gmp", "go-runtime", "two_words"]
    output_fields = by_id["fx-output"][2].split("\x1f")
    assert 'class="codehilite"' in output_fields[0]
    assert '<span style="color: #007020">print</span>' in output_fields[0]
    assert output_fields[4] == "<pre>[1, 2, 3]</pre>"
    assert "调度上下文" in by_id["fx-open"][2]
    models = col["models"]
    assert isinstance(models, dict)
    assert {int(k) for k in models} == {stable_id(f"mockexam-model-{kind}") for kind in KIND_FIELDS}
    assert by_id["fx-multiple"][3] == by_id["fx-single"][3] == stable_id("mockexam-model-choice")
    decks = col["decks"]
    assert isinstance(decks, dict)
    assert str(stable_id("mockexam-deck-Backend 模考")) in decks


def test_model_and_deck_ids_are_constants() -> None:
    assert stable_id("mockexam-model-choice") == stable_id("mockexam-model-choice")
    assert 1 << 30 <= stable_id("x") < 1 << 31
    assert len({stable_id(f"mockexam-model-{kind}") for kind in KIND_FIELDS}) == len(KIND_FIELDS)
