"""GIFT text rules shared by reader and writer: escapes of control characters and text format markers."""

from __future__ import annotations

from app.interchange.text import html_to_markdown

#: Escaped control characters become private-use placeholders while the structure is parsed.
_ESCAPES = {"\\": "\U000f0000", ":": "\U000f0001", "#": "\U000f0002", "=": "\U000f0003"}
_ESCAPES |= {"{": "\U000f0004", "}": "\U000f0005", "~": "\U000f0006", "n": "\U000f0007"}
_RESTORE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
FORMATS = ("markdown", "html", "plain", "moodle")
CATEGORY = "$CATEGORY:"


def escape(text: str) -> str:
    """Replace `\\x` escapes of control characters with placeholders (other backslashes stay)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPES:
            out.append(_ESCAPES[text[i + 1]])
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def unescape(text: str) -> str:
    """Put the escaped characters back."""
    return "".join(_RESTORE.get(c, c) for c in text)


def split_format(text: str, default: str) -> tuple[str, str]:
    """A leading `[markdown]`/`[html]`/`[plain]`/`[moodle]` marker and the text after it."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        end = stripped.find("]")
        name = stripped[1:end].lower() if end > 0 else ""
        if name in FORMATS:
            return name, stripped[end + 1 :]
    return default, text


def to_markdown(text: str, text_format: str) -> str:
    """Unescaped text in the given GIFT format as Markdown."""
    plain = unescape(text)
    return html_to_markdown(plain) if text_format == "html" else plain.strip()


def escape_text(text: str) -> str:
    """Text written for GIFT: backslash and `~ = # { } :` escaped, line breaks as `\\n`."""
    out = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    for char in "~=#{}:":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")
