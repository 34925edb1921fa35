"""Rendering Markdown to the HTML QTextBrowser shows: golden output, escaping, CJK, code, links and blanks."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.core.models import QuestionType
from app.core.scoring import key_response
from app.render.markdown_html import MarkdownRenderer, plain
from app.render.question_html import key_html, question_page, response_text, review_page

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def test_review_page_matches_golden(good) -> None:
    """Set MOCKEXAM_UPDATE_GOLDEN=1 to rewrite the file; read the diff before committing it."""
    question = good["fx-output"]
    html = review_page(question, key_response(question), True) + "\n"
    golden = GOLDEN / "fx-output.review.html"
    if os.environ.get("MOCKEXAM_UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
        pytest.skip("golden file rewritten")
    assert html == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('text <b onclick="steal()">bold</b>', "&lt;b onclick"),
        ("<div onclick='x'>\nblock\n</div>", "&lt;div onclick"),
        ('<img src="http://evil.example/x.png">', "&lt;img src"),
        ("<iframe src='https://evil.example'></iframe>", "&lt;iframe"),
    ],
)
def test_raw_html_is_escaped(renderer: MarkdownRenderer, source: str, escaped: str) -> None:
    html = renderer.to_html(source)
    assert escaped in html
    assert not re.search(r"<(script|b|div|img|iframe)\b", html)


def test_cjk_text_survives_unchanged(renderer: MarkdownRenderer) -> None:
    text = "调度器（scheduler）把 G 放进 P 的本地队列：「先进先出」，満員电车 한국어"
    html = renderer.to_html(text)
    assert html == f"<p>{text}</p>"


def test_cjk_in_code_survives(renderer: MarkdownRenderer) -> None:
    html = renderer.to_html('```go\nfmt.Println("你好，世界")\n```')
    assert "你好，世界" in html


def test_go_fence_carries_inline_pygments_styles(renderer: MarkdownRenderer) -> None:
    html = renderer.to_html("```go\npackage main\n\nfunc main() {\n\treturn\n}\n```")
    assert re.search(r'<span style="color: #[0-9A-Fa-f]{3,6}[^"]*">package</span>', html)
    assert re.search(r'<span style="color: #[0-9A-Fa-f]{3,6}[^"]*">func</span>', html)
    # no stylesheet is needed: the only class is the wrapper's, which carries its own inline style
    assert set(re.findall(r'class="([^"]*)"', html)) == {"codehilite"}
    assert re.search(r'<div class="codehilite" style="background: #[0-9a-fA-F]+"', html)
    assert "<style" not in html


def test_untagged_fence_is_plain_preformatted(renderer: MarkdownRenderer) -> None:
    html = renderer.to_html("```\nx < y && z\n```")
    assert "x &lt; y &amp;&amp; z" in html
    assert "<pre" in html


@pytest.mark.parametrize(
    "source",
    [
        "![pic](http://evil.example/x.png)",
        "![pic](https://evil.example/x.png 'title')",
        "![pic][ref]\n\n[ref]: https://evil.example/x.png",
        "[![pic](http://evil.example/x.png)](https://ok.example)",
        "![pic](file:///etc/passwd)",
        "![pic](data:image/png;base64,AAAA)",
    ],
)
def test_images_never_keep_a_src(renderer: MarkdownRenderer, source: str) -> None:
    html = renderer.to_html(source)
    assert "<img" not in html
    assert "src=" not in html
    assert "evil.example" not in html
    assert "[pic]" in html


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click](  javascript:alert(1))",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "[click](data:text/html,<script>x</script>)",
        "[click](vbscript:msgbox)",
    ],
)
def test_unsafe_links_lose_their_href(renderer: MarkdownRenderer, source: str) -> None:
    html = renderer.to_html(source)
    assert "href" not in html
    assert "<a" not in html
    assert "click" in html


def test_http_links_are_kept(renderer: MarkdownRenderer) -> None:
    html = renderer.to_html("[docs](https://go.dev/doc) and <https://kubernetes.io>")
    assert '<a href="https://go.dev/doc">docs</a>' in html
    assert '<a href="https://kubernetes.io">https://kubernetes.io</a>' in html


def test_blanks_are_drawn_as_numbered_blanks(renderer: MarkdownRenderer, good) -> None:
    html = renderer.to_html_with_blanks(good["fx-fill"].stem)
    assert "{{" not in html
    assert html.index("(1)") < html.index("(2)")
    assert len(re.findall(r'<span style="[^"]*underline[^"]*">&#160;\(\d\)', html)) == 2
    assert "每个 P 的本地队列最多" in html


def test_question_page_shows_blanks_and_escapes_the_topic(good) -> None:
    question = good["fx-fill"]
    html = question_page(question, 2, 10)
    assert "第 2 / 10 题 · 填空题 · go-runtime" in html
    assert "(2)" in html
    assert "{{2}}" not in html


@pytest.mark.parametrize(
    ("qid", "response", "shown"),
    [
        ("fx-output", "<img src=x>", "<pre>&lt;img src=x&gt;</pre>"),
        ("fx-output", "a\n<b>b</b>", "<pre>a\n&lt;b&gt;b&lt;/b&gt;</pre>"),
        ("fx-open", "1 < 2 & <script>", "1 &lt; 2 &amp; &lt;script&gt;"),
        ("fx-fill", ["<i>256</i>", "x"], "(1) &lt;i&gt;256&lt;/i&gt;<br/>(2) x"),
        ("fx-match", {"<a>": "<img src=x>"}, "&lt;a&gt; → &lt;img src=x&gt;"),
        ("fx-single", "<b>B</b>", "&lt;b&gt;B&lt;/b&gt;"),
    ],
)
def test_response_text_escapes_user_typed_text(good, qid: str, response, shown: str) -> None:
    html = response_text(good[qid], response)
    assert html == shown
    assert "<img" not in html
    assert "<script" not in html


@pytest.mark.parametrize(("response", "shown"), [(True, "正确 (true)"), (False, "错误 (false)")])
def test_response_text_of_truefalse(good, response: bool, shown: str) -> None:
    assert response_text(good["fx-truefalse"], response) == shown


@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_response_text_unanswered(good, empty) -> None:
    assert response_text(good["fx-single"], empty) == "<i>未作答</i>"


def test_plain_escapes_and_keeps_line_breaks() -> None:
    assert plain('<a href="x">\n&') == "&lt;a href=&quot;x&quot;&gt;<br/>&amp;"


def test_key_html_of_every_type_renders(good) -> None:
    for question in good.values():
        html = key_html(question)
        assert html, question.id
    assert "正确答案：<b>A, C</b>" in key_html(good["fx-multiple"])
    assert "runqputslow / runtime.runqputslow" in key_html(good["fx-fill"])
    assert "[2] 本地运行队列减少锁竞争" in key_html(good["fx-open"])
    assert {q.type for q in good.values()} == set(QuestionType)


def test_short_title_hides_blank_marks_and_markdown(good) -> None:
    from app.render.question_html import short_title

    title = short_title(good["fx-fill"])
    assert "{{" not in title
    assert title.startswith("每个 P 的本地队列最多 ____ 个 G")


def test_plain_text_drops_markup_but_keeps_the_words() -> None:
    from app.render.question_html import plain_text

    assert plain_text("`_Pidle` 与 **空闲** & <b>x</b>") == "_Pidle 与 空闲 & <b>x</b>"
