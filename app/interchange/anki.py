"""Anki .apkg export with genanki: one note type per question kind, stable ids and guids, highlighted code."""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Sequence
from html import escape
from pathlib import Path

import genanki  # type: ignore[import-untyped]

from app.core.models import Question, QuestionType
from app.interchange.text import markdown_to_html

GUID_NAMESPACE = "mockexam"
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; color: #222; background: #fff; }
.meta { color: #888; font-size: 12px; }
.answer { border-left: 4px solid #2e7d32; padding-left: 8px; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 2px 6px; }"""
COMMON = ("Stem", "Explanation", "Topic", "Id")
KIND_FIELDS = {
    "choice": ("Options", "Answer"),
    "truefalse": ("Answer",),
    "fill": ("Answer",),
    "order": ("Items", "Answer"),
    "match": ("Pairs", "Answer"),
    "open": ("Answer", "KeyPoints"),
    "output": ("Output",),
}
_FRONT_EXTRA = {"choice": "{{Options}}", "order": "{{Items}}", "match": "{{Pairs}}"}
_BACK_EXTRA = {"open": '<div class="answer">{{Answer}}</div><h4>Key points</h4>{{KeyPoints}}'}


def stable_id(label: str) -> int:
    """A constant id in Anki's usual range (2^30 .. 2^31), from a hash of `label`."""
    return (1 << 30) + int(hashlib.sha1(label.encode("utf-8")).hexdigest()[:8], 16) % (1 << 30)


def kind_of(question: Question) -> str:
    """The note type a question uses."""
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return "choice"
    return question.type.value


def note_model(kind: str) -> genanki.Model:
    """The note type of one kind, with its front and back templates."""
    fields = [{"name": name} for name in (*COMMON, *KIND_FIELDS[kind])]
    front = '<div class="meta">{{Topic}}</div>{{Stem}}' + _FRONT_EXTRA.get(kind, "")
    answer = "{{Output}}" if kind == "output" else "{{Answer}}"
    back = "{{FrontSide}}<hr id=answer>" + _BACK_EXTRA.get(kind, f'<div class="answer">{answer}</div>')
    back += (
        '{{#Explanation}}<h4>Explanation</h4>{{Explanation}}{{/Explanation}}<div class="meta">{{Id}}</div>'
    )
    templates = [{"name": f"MockExam {kind}", "qfmt": front, "afmt": back}]
    return genanki.Model(
        stable_id(f"mockexam-model-{kind}"), f"MockExam {kind}", fields=fields, templates=templates, css=CSS
    )


def _list(items: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{markdown_to_html(item)}</li>" for item in items) + f"</{tag}>"


def _kind_fields(q: Question) -> list[str]:
    shuffler = random.Random(q.id)
    if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        options = [f"{string.ascii_uppercase[i]}. {c.text}" for i, c in enumerate(q.choices)]
        correct = [f"{string.ascii_uppercase[i]}. {c.text}" for i, c in enumerate(q.choices) if c.correct]
        return [_list(options), _list(correct)]
    if q.type is QuestionType.TRUEFALSE:
        return ["<p>true</p>" if q.truth else "<p>false</p>"]
    if q.type is QuestionType.FILL:
        return [
            _list(
                [" | ".join(f"`{a}`" if a.startswith("re:") else a for a in alts) for alts in q.blanks], True
            )
        ]
    if q.type is QuestionType.ORDER:
        shown = list(q.order_items)
        shuffler.shuffle(shown)
        return [_list(shown), _list(q.order_items, True)]
    if q.type is QuestionType.MATCH:
        rights = [p.right for p in q.pairs] + list(q.distractors)
        shuffler.shuffle(rights)
        table = "".join(f"<tr><td>{markdown_to_html(p.left)}</td></tr>" for p in q.pairs)
        front = f"<table>{table}</table><p>Match with:</p>{_list(rights)}"
        return [front, _list([f"{p.left} => {p.right}" for p in q.pairs])]
    if q.type is QuestionType.OPEN:
        points = [f"[{p.weight:g}] {p.text}" for p in q.key_points]
        return [markdown_to_html(q.model_answer), _list(points)]
    return ["".join(f"<pre>{escape(output)}</pre>" for output in q.outputs)]


def anki_tag(text: str) -> str:
    """An Anki tag: no white space."""
    return "_".join(text.split())


def write_anki(questions: Sequence[Question], path: Path, deck_name: str = "MockExam") -> int:
    """Write an .apkg deck; re-exporting updates the same notes (guid from the question id). Returns notes."""
    deck = genanki.Deck(stable_id(f"mockexam-deck-{deck_name}"), deck_name)
    models = {kind: note_model(kind) for kind in KIND_FIELDS}
    for q in questions:
        stem = markdown_to_html(q.stem, blanks=q.type is QuestionType.FILL)
        common = [
            stem,
            markdown_to_html(q.explanation) if q.explanation.strip() else "",
            escape(q.topic),
            q.id,
        ]
        tags = sorted({anki_tag(t) for t in (q.topic, *q.tags) if t.strip()})
        note = genanki.Note(
            model=models[kind_of(q)],
            fields=common + _kind_fields(q),
            tags=tags,
            guid=genanki.guid_for(GUID_NAMESPACE, q.id),
        )
        deck.add_note(note)
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return len(questions)
