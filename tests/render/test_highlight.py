"""Search matches are highlighted in text, never inside tags, whatever their case."""

from __future__ import annotations

from app.render.highlight import highlight


def test_pieces_are_marked_in_text_only() -> None:
    marked = highlight('<p class="写">写时复制 Copy</p>', "写时 copy")
    assert marked == (
        "<p class=\"写\"><span style='background:#ffe58f'>写时</span>复制 "
        "<span style='background:#ffe58f'>Copy</span></p>"
    )


def test_a_query_without_pieces_leaves_the_html_alone() -> None:
    assert highlight("<b>a&lt;b</b>", " ，。") == "<b>a&lt;b</b>"
