"""New-question templates, one per type, that parse cleanly and show the author each section."""

from __future__ import annotations

from app.core.models import QuestionType

_KEYS: dict[QuestionType, str] = {
    QuestionType.SINGLE: "## Options\n- [x] 正确选项\n- [ ] 干扰项一\n- [ ] 干扰项二\n- [ ] 干扰项三",
    QuestionType.MULTIPLE: "## Options\n- [x] 正确选项一\n- [x] 正确选项二\n- [ ] 干扰项一\n- [ ] 干扰项二",
    QuestionType.TRUEFALSE: "## Answer\ntrue",
    QuestionType.FILL: "## Blanks\n1. 答案 | 另一种写法",
    QuestionType.ORDER: "## Order\n1. 第一步\n2. 第二步\n3. 第三步",
    QuestionType.MATCH: "## Pairs\n- 左一 => 右一\n- 左二 => 右二\n- => 干扰项",
    QuestionType.OPEN: "## Answer\n参考答案……\n\n## Key points\n- [2] 最重要的得分点\n- [1] 次要得分点",
    QuestionType.OUTPUT: "## Output\n```text\n程序的输出\n```",
}
_STEMS: dict[QuestionType, str] = {
    QuestionType.FILL: "题干，空格处写 {{1}}。",
    QuestionType.OUTPUT: "下面的程序输出什么？\n\n```python\nprint('hello')\n```",
}


def question_template(qtype: QuestionType, qid: str, topic: str) -> str:
    """The text of a new question file of `qtype`."""
    stem = _STEMS.get(qtype, "在这里写题干 (stem)，可以用 Markdown 和代码块。")
    return (
        f"---\nid: {qid}\ntype: {qtype.value}\ntopic: {topic}\ntags: []\ndifficulty: 2\nfacts: []\n"
        f"time: 60\n---\n{stem}\n\n{_KEYS[qtype]}\n\n## Explanation\n解析：为什么答案正确，干扰项错在哪里。\n"
    )
