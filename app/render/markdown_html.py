"""Markdown -> safe HTML with inline-styled pygments code, one reused converter."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CODE_STYLE = "friendly"
_SAFE_LINK = re.compile(r"^(https?://|#)", re.IGNORECASE)
_BLANK_TOKEN = re.compile(r"\{\{(\d+)\}\}")


class _NeutraliseExternal(Treeprocessor):
    """Images never load from the network and links only go to http(s); others become their text."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = f"[{child.get('alt') or 'image'}]"
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a" and not _SAFE_LINK.match(child.get("href", "")):
                    child.tag = "span"
                    child.attrib.clear()


class _SafeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_NeutraliseExternal(md), "neutralise_external", 0)


class MarkdownRenderer:
    """Converts Markdown to HTML; one instance reuses its parser and pygments formatter."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["fenced_code", "tables", "sane_lists", "codehilite", _SafeExtension()],
            extension_configs={
                "codehilite": {"noclasses": True, "guess_lang": False, "pygments_style": CODE_STYLE},
            },
        )

    def to_html(self, text: str) -> str:
        """HTML for a Markdown text; raw HTML in it is shown as text."""
        self._md.reset()
        return self._md.convert(text)

    def to_html_with_blanks(self, text: str) -> str:
        """Like to_html, with fill-in marks `{{n}}` drawn as numbered blanks."""
        html = self.to_html(text)
        return _BLANK_TOKEN.sub(
            lambda m: (
                f'<span style="color:#1565c0; text-decoration: underline;">&#160;({m.group(1)})&#160;'
                f"&#160;&#160;&#160;&#160;&#160;&#160;</span>"
            ),
            html,
        )


def plain(text: str) -> str:
    """User-typed text as HTML: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")
