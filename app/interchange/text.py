"""Text plumbing shared by the formats: decoding input bytes, and HTML <-> Markdown."""

from __future__ import annotations

import codecs
import re
from html import unescape
from typing import Any

from markdownify import MarkdownConverter

from app.render.markdown_html import MarkdownRenderer

BAD_CHAR = "\ufffd"
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)")
_CODEHILITE = re.compile(r'<div class="codehilite"[^>]*><pre[^>]*>(?:<span></span>)?<code>')
_BLANK_RUNS = re.compile(r"\n{3,}")
_TAGS = re.compile(r"<[^>]*>")
_ESCAPING_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def decode(data: bytes) -> tuple[str, list[int]]:
    """Input bytes as text with LF line ends, and the 1-based lines that were not valid UTF-8 or held NUL.

    A UTF-8 byte order mark is dropped; bad bytes become U+FFFD so parsing can go on.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # a CR byte is never inside a UTF-8 sequence
    bad: list[int] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        parts = []
        for number, raw in enumerate(data.split(b"\n"), start=1):
            try:
                parts.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                parts.append(raw.decode("utf-8", errors="replace"))
                bad.append(number)
        text = "\n".join(parts)
    if "\x00" in text:
        for number, line in enumerate(text.split("\n"), start=1):
            if "\x00" in line and number not in bad:
                bad.append(number)
        text = text.replace("\x00", BAD_CHAR)
    return text, sorted(bad)


def line_at(text: str, offset: int, first_line: int = 1) -> int:
    """The 1-based line of a character offset in `text`, which starts at `first_line`."""
    return first_line + text.count("\n", 0, max(0, offset))


class _Converter(MarkdownConverter):
    """markdownify with images shown as their alt text (their files are not imported)."""

    def escape(self, text: str, parent_tags: Any) -> str:
        """Also escape a backslash that Markdown would read as escaping the punctuation after it."""
        return str(super().escape(_ESCAPING_BACKSLASH.sub(r"\\\\", text or ""), parent_tags))  # type: ignore[misc]

    def convert_img(self, el: Any, text: str, parent_tags: Any = None) -> str:
        alt = (el.attrs.get("alt") or "image").strip()
        return f"[{alt}]"


def _code_language(el: Any) -> str:
    for node in [el, *el.find_all("code")]:
        for cls in node.get("class") or []:
            if cls.startswith(("language-", "lang-")):
                return str(cls.split("-", 1)[1])
    return ""


_CONVERTER = _Converter(
    heading_style="ATX",
    bullets="-",
    newline_style="backslash",
    code_language_callback=_code_language,
    escape_misc=False,
)


def html_to_markdown(html: str) -> str:
    """Markdown for an HTML fragment: paragraphs, lists, emphasis, code, tables and entities."""
    try:
        markdown = str(_CONVERTER.convert(html))
    except RecursionError:  # absurdly deep nesting: keep the text, lose the markup
        markdown = unescape(_TAGS.sub(" ", html))
    lines = [line.rstrip() for line in markdown.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


_RENDERER = MarkdownRenderer()


def fence_languages(markdown: str) -> list[str]:
    """The language tag of each top-level fenced code block, in order ('' when untagged)."""
    languages: list[str] = []
    opener = ""
    for line in markdown.split("\n"):
        match = _FENCE_OPEN.match(line)
        if not opener and match:
            opener = match.group(1)
            languages.append(match.group(2))
        elif (
            opener and line.strip().startswith(opener[0] * len(opener)) and not line.strip().strip(opener[0])
        ):
            opener = ""
    return languages


def markdown_to_html(markdown: str, blanks: bool = False) -> str:
    """HTML with pygments-highlighted code; each code block's language kept as a `language-*` class."""
    html = _RENDERER.to_html_with_blanks(markdown) if blanks else _RENDERER.to_html(markdown)
    languages = fence_languages(markdown)
    blocks = list(_CODEHILITE.finditer(html))
    if len(blocks) != len(languages):
        return html
    out, last = [], 0
    for match, language in zip(blocks, languages, strict=True):
        out.append(html[last : match.end()])
        if language:
            out[-1] = out[-1][: -len("<code>")] + f'<code class="language-{language}">'
        last = match.end()
    out.append(html[last:])
    return "".join(out)


def one_line(text: str) -> str:
    """Text with its runs of white space, line breaks included, folded to single spaces."""
    return " ".join(text.split())
