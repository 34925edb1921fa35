"""Read a syllabus facts TSV (id, section, fact) and measure a bank's coverage of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.bank.problems import Problem
from app.core.models import Question


@dataclass(frozen=True)
class Fact:
    """One testable fact of the syllabus."""

    id: str
    section_title: str
    text: str

    @property
    def section(self) -> str:
        """The section id: `000.1` for fact `000.1.3`."""
        return self.id.rsplit(".", 1)[0]


def read_facts(path: Path) -> tuple[dict[str, Fact], list[Problem]]:
    """Facts by id, and problems for malformed lines (the header line is optional)."""
    facts: dict[str, Fact] = {}
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(str(path), 1, "unreadable", f"cannot read syllabus: {exc}")]
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or (lineno == 1 and line.lower().startswith("id\t")):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].strip():
            problems.append(Problem(str(path), lineno, "bad-row", "expected three tab-separated columns"))
            continue
        fact = Fact(cols[0].strip(), cols[1].strip(), "\t".join(cols[2:]).strip())
        if fact.id in facts:
            problems.append(Problem(str(path), lineno, "duplicate-fact", f"fact id {fact.id} repeats"))
        facts[fact.id] = fact
    return facts, problems


@dataclass(frozen=True)
class SectionCoverage:
    """Coverage of one syllabus section."""

    title: str
    total: int
    covered: int
    questions: int
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """Which syllabus facts a bank covers, misses, and names without knowing."""

    facts_total: int
    facts_covered: int
    missing: tuple[str, ...]
    unknown: tuple[str, ...]
    sections: dict[str, SectionCoverage] = field(default_factory=dict)


def _fact_sort_key(fact_id: str) -> tuple[int, ...]:
    return tuple(int(p) for p in fact_id.split(".") if p.isdigit())


def measure_coverage(questions: Iterable[Question], facts: dict[str, Fact]) -> Coverage:
    """Per section and in total: facts covered by at least one question."""
    tested: dict[str, int] = {}
    questions_by_section: dict[str, int] = {}
    for q in questions:
        for fact_id in q.facts:
            tested[fact_id] = tested.get(fact_id, 0) + 1
        for section in {f.rsplit(".", 1)[0] for f in q.facts}:
            questions_by_section[section] = questions_by_section.get(section, 0) + 1
    sections: dict[str, list[Fact]] = {}
    for fact in facts.values():
        sections.setdefault(fact.section, []).append(fact)
    report = {
        sid: SectionCoverage(
            title=members[0].section_title,
            total=len(members),
            covered=sum(f.id in tested for f in members),
            questions=questions_by_section.get(sid, 0),
            missing=tuple(f.id for f in members if f.id not in tested),
        )
        for sid, members in sorted(sections.items(), key=lambda kv: _fact_sort_key(kv[0]))
    }
    missing = tuple(sorted((f for f in facts if f not in tested), key=_fact_sort_key))
    unknown = tuple(sorted((f for f in tested if f not in facts), key=_fact_sort_key))
    return Coverage(len(facts), len(facts) - len(missing), missing, unknown, report)
