"""The shipped bank: it loads clean, is tagged and sourced, and every output question prints its key."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from app.core.bank import load_bank
from app.core.models import Question, QuestionType
from app.core.scoring import normalize_output
from app.paths import shipped_bank_dir

SHARED_FACTS = Path(__file__).resolve().parents[3] / "shared" / "syllabus" / "facts.tsv"
SEED_FILE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
_CODE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)

LOAD = load_bank([shipped_bank_dir()])
OUTPUT_QUESTIONS = [q for q in LOAD.questions if q.type is QuestionType.OUTPUT]


def test_bank_loads_without_errors_or_warnings() -> None:
    assert [str(p) for p in LOAD.problems] == []
    assert len(LOAD.questions) == LOAD.files


def test_bank_is_large_and_varied() -> None:
    types = Counter(q.type for q in LOAD.questions)
    assert len(LOAD.questions) >= 40
    assert len(types) >= 6
    assert types[QuestionType.OPEN] / len(LOAD.questions) >= 0.15


def test_every_question_names_its_facts_seed_and_section() -> None:
    for q in LOAD.questions:
        assert q.facts, q.id
        assert SEED_FILE.match(q.source), f"{q.id}: source {q.source!r}"
        assert q.section, q.id
        assert any(f.rsplit(".", 1)[0] == q.section.split()[0] for f in q.facts), (
            f"{q.id}: no fact of {q.section}"
        )


def test_ids_match_file_names_and_topic_folders() -> None:
    for q in LOAD.questions:
        path = Path(q.path)
        assert path.stem == q.id
        assert path.parent.name == q.topic


def test_explanations_teach_more_than_the_key() -> None:
    for q in LOAD.questions:
        assert len(q.explanation) >= 60, f"{q.id}: explanation too short to teach"


def test_open_questions_carry_weighted_key_points() -> None:
    for q in (q for q in LOAD.questions if q.type is QuestionType.OPEN):
        assert len(q.key_points) >= 3, q.id
        assert len(q.model_answer) >= 100, q.id


def test_bank_syllabus_is_the_project_syllabus() -> None:
    if not SHARED_FACTS.is_file():
        pytest.skip("../shared/syllabus is not beside this checkout")
    assert (shipped_bank_dir() / "facts.tsv").read_bytes() == SHARED_FACTS.read_bytes()


def _run(question: Question, tmp_path: Path) -> str:
    if "needs-root" in question.tags and os.geteuid() != 0:
        pytest.skip(f"{question.id} creates namespaces: run the bank tests as root to check its key")
    match = _CODE.search(question.stem)
    assert match, f"{question.id}: no fenced program in the stem"
    lang, code = match.group(1), match.group(2)
    if lang == "python":
        (tmp_path / "main.py").write_text(code, encoding="utf-8")
        command = [sys.executable, "main.py"]
    elif lang == "go":
        if shutil.which("go") is None:
            pytest.skip("go is not installed (apt-get install golang-go)")
        (tmp_path / "main.go").write_text(code, encoding="utf-8")
        command = ["go", "run", "main.go"]
    elif lang == "c":
        if shutil.which("gcc") is None:
            pytest.skip("gcc is not installed")
        (tmp_path / "main.c").write_text(code, encoding="utf-8")
        built = subprocess.run(
            ["gcc", "-O1", "-o", "main", "main.c", "-lpthread"], cwd=tmp_path, capture_output=True
        )
        assert built.returncode == 0, built.stderr.decode()
        command = ["./main"]
    else:
        pytest.fail(f"{question.id}: no runner for ```{lang}")
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("question", OUTPUT_QUESTIONS, ids=[q.id for q in OUTPUT_QUESTIONS])
def test_output_questions_print_their_key(question: Question, tmp_path: Path) -> None:
    printed = normalize_output(_run(question, tmp_path))
    assert printed in {normalize_output(o) for o in question.outputs}
