"""Search finds Chinese and English terms, substrings of Chinese words, and follows re-indexing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.bank import load_bank
from app.core.models import Question, QuestionId, QuestionType
from app.storage.search_index import SearchIndex, match_expression

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def questions() -> list[Question]:
    return load_bank([FIXTURES / "good_bank"]).questions


def _with_stem(q: Question, qid: str, stem: str) -> Question:
    return dataclasses.replace(q, id=QuestionId(qid), stem=stem, explanation="", choices=())


def test_chinese_term_and_its_english_original_find_the_same_question(questions: list[Question]) -> None:
    base = questions[0]
    index = SearchIndex()
    index.replace(
        [
            _with_stem(base, "cow", "fork 之后父子进程共享页面，依靠写时复制 (copy-on-write) 推迟拷贝。"),
            _with_stem(base, "other", "Redis 的 AOF 重写由子进程完成。"),
        ]
    )
    assert index.search("写时复制") == ["cow"]
    assert index.search("copy-on-write") == ["cow"]
    assert index.search("Copy") == ["cow"]  # case-folded prefix
    assert index.search("复制") == ["cow"]  # a substring of a Chinese word
    assert index.search("拷") == ["cow"]  # one character
    assert sorted(index.search("子进程")) == ["cow", "other"]
    assert index.search("写时复制 redis") == []  # every piece must match
    assert index.search("复时") == []  # characters out of order are not a match


def test_full_width_and_half_width_forms_match(questions: list[Question]) -> None:
    index = SearchIndex()
    index.replace([_with_stem(questions[0], "gmp", "ＧＭＰ 模型中 P 的作用")])
    assert index.search("gmp") == ["gmp"]


def test_reindexing_replaces_and_removes(questions: list[Question]) -> None:
    index = SearchIndex()
    q = _with_stem(questions[0], "q1", "旧的题干 epoll")
    index.replace([q])
    index.replace([dataclasses.replace(q, stem="新的题干 kqueue")])
    assert index.search("epoll") == []
    assert index.search("kqueue") == ["q1"]
    index.replace([], removed=[QuestionId("q1")])
    assert index.search("kqueue") == []
    assert len(index) == 0


def test_options_answers_and_explanations_are_searched(questions: list[Question]) -> None:
    index = SearchIndex()
    index.replace(questions)
    for q in questions:
        if q.explanation:
            word = q.explanation.split()[0][:4]
            assert q.id in index.search(word), (q.id, word)


def test_a_query_without_words_matches_nothing(questions: list[Question]) -> None:
    index = SearchIndex()
    index.replace(questions)
    assert index.search("  ，。!? ") == []
    assert match_expression('"" OR *') == '"or"*'  # FTS5 syntax is searched as words, never run


_TEXT = st.text(alphabet=st.sampled_from(list('写时复制进程 aB1_-，。（）"*:^Ｇ')), max_size=30)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_any_query_is_safe_and_any_substring_of_the_document_is_found(text: str, data: st.DataObject) -> None:
    index = SearchIndex()
    index.replace([Question(QuestionId("x"), QuestionType.SINGLE, "t", text, "", 1)])
    start = data.draw(st.integers(0, len(text)))
    piece = text[start : data.draw(st.integers(start, len(text)))]
    found = index.search(piece)  # never raises, whatever the user types
    # a piece cut mid-word may not match (words are prefix-matched); whole pieces of CJK always do
    if piece and all("\u4e00" <= ch <= "\u9fff" for ch in piece):
        assert found == ["x"]
    assert index.search(text) == (["x"] if match_expression(text) else [])
