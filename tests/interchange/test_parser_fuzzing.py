"""No input makes a parser raise: random bytes and text, and fixtures truncated, NUL-stuffed or shuffled."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interchange_support import GOOD_BANK, fixture_bytes

from app.core.bank import load_bank
from app.interchange.formats import READERS
from app.interchange.jsonfmt import write_json
from app.interchange.model import ParseResult

SAMPLES = {
    "gift": fixture_bytes("examples.gift"),
    "moodle-xml": fixture_bytes("moodle_export.xml"),
    "aiken": fixture_bytes("aiken.txt"),
    "csv": fixture_bytes("spreadsheet.csv"),
    "json": write_json(load_bank([GOOD_BANK]).questions).text.encode(),
    "markdown": (GOOD_BANK / "go-runtime" / "fill.md").read_bytes(),
}
SPECIAL = "{}=~#:\\->%[]<>/&;|*\"',\n\r\t\x00 " + string.ascii_letters[:12] + string.digits + "写时复制"
FUZZ = settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _read(name: str, data: bytes) -> ParseResult:
    result = READERS[name](data, "fuzz.txt", "misc")
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 2
    for problem in [*result.errors, *result.skipped, *result.warnings]:
        assert 1 <= problem.line <= lines, (problem, lines)
        assert "internal error" not in problem.message, problem
    for item in result.questions:
        assert 1 <= item.line <= lines
    return result


@st.composite
def mutations(draw: st.DrawFn, name: str) -> bytes:
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "nul", "swap", "insert", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "truncate":
            del data[at:]
        elif kind == "nul":
            data[at:at] = b"\x00"
        elif kind == "swap" and len(data) > 1:
            other = draw(st.integers(0, len(data) - 1))
            data[at], data[other] = data[other], data[at]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(SPECIAL)).encode()
        elif data:
            del data[at]
    return bytes(data)


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes_never_raise(name: str, data: bytes) -> None:
    _read(name, data)


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(text=st.text(alphabet=SPECIAL, max_size=400))
def test_random_syntax_soup_never_raises(name: str, text: str) -> None:
    _read(name, text.encode("utf-8"))


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.data())
def test_mutated_fixtures_never_raise(name: str, data: st.DataObject) -> None:
    _read(name, data.draw(mutations(name)))


@pytest.mark.parametrize("name", sorted(READERS))
def test_the_unmutated_samples_read_cleanly(name: str) -> None:
    result = _read(name, SAMPLES[name])
    assert result.questions
    assert result.errors == []


def test_huge_input_is_read_without_trouble() -> None:
    block = b"::q::Is it? {T}\n\n"
    result = _read("gift", block * 3000)
    assert len(result.questions) == 3000
    assert result.questions[-1].question.id == "fuzz-q-3000"
