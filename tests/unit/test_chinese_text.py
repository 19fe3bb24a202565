"""Chinese text breaks where Chinese may break, in both faces and in print, and reads
as Chinese: 、 between listed keys, “…” quotes, no space after a full stop or colon."""

from __future__ import annotations

import io
import itertools
import re

import pytest
from rich.console import Console

from coach.content.load import load, load_ui
from coach.core import i18n
from coach.documents.printing import print_tips
from coach.text.wrap import NO_LINE_END, NO_LINE_START, cell_width, tidy, wrap, wrap_chinese
from screens.widgets.lines import ChineseLines, shown
from tests.conftest import ROOT
from tests.support.plain_coach import coach_for

ZH = ROOT / "content" / "zh"
WIDTHS = range(20, 41)


def _zh_strings() -> list[str]:
    """Every Chinese text the content and the interface table hold."""
    import yaml

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and re.search(r"[\u4e00-\u9fff]", node):
            found.append(node)

    for path in sorted(ZH.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def _assert_breaks_allowed(lines: list[str], width: int) -> None:
    for before, after in itertools.pairwise(lines):
        assert after[:1] not in NO_LINE_START, (width, before, after)
        assert before[-1:] not in NO_LINE_END, (width, before, after)
        # a number and its unit on one line: "30" / "秒" never split
        assert not (before.rstrip()[-1:].isdigit() and re.match(r"[\u4e00-\u9fff]", after)), (
            width,
            before,
            after,
        )
    assert all(cell_width(line) <= width for line in lines), width


@pytest.mark.parametrize("width", WIDTHS)
def test_no_chinese_line_starts_with_closing_punctuation_or_ends_opening_one(width):
    for text in _zh_strings():
        lines = wrap(text, width)
        _assert_breaks_allowed(lines, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_number_stays_with_its_unit_wherever_the_line_ends(width):
    for lead in range(0, 30):
        for said in ("保持 30 秒。", "大约 10 分钟的拉伸，", "走 2 公里路。", "剩下 5秒"):
            text = "拉" * lead + said + "然后慢慢放松，换另一条腿。"
            lines = wrap(text, width)
            _assert_breaks_allowed(lines, width)
            for before, after in itertools.pairwise(lines):  # 分钟 and 公里 stay whole
                assert not (before.endswith(("分", "公")) and after[:1] in "钟里"), lines


def test_the_rule_keeps_the_old_breaks_for_english():
    text = "Call 999 now. One calf is swollen, warm, red or painful: it may be a clot."
    assert wrap(text, 20) == [
        "Call 999 now. One",
        "calf is swollen,",
        "warm, red or",
        "painful: it may be a",
        "clot.",
    ]
    assert wrap_chinese(text, 20) == [text]  # plain mode prints English as it comes
    assert tidy(text) == text
    assert shown(text) == text  # the app draws English as it always did


def test_a_space_after_full_width_punctuation_is_dropped():
    assert tidy("保持 0:05。 膝盖伸直") == "保持 0:05。膝盖伸直"
    assert tidy("0:00： 平躺") == "0:00：平躺"
    assert tidy("紧急情况请拨打 当地急救电话。") == "紧急情况请拨打当地急救电话。"
    assert tidy("请拨打 999。") == "请拨打 999。"  # a number keeps its space


def test_wrapped_list_lines_hang_under_their_text():
    lines = wrap_chinese("  1. (n) 没有，都没有：开始拉伸，慢慢呼吸，不要憋气。", 24)
    assert lines[0].startswith("  1. (n) 没有")
    assert all(line.startswith(" " * 9) and line[9] != " " for line in lines[1:])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_app_draws_chinese_lines_by_the_same_rule(width):
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    for text in _zh_strings()[:200]:
        with console.capture() as captured:
            console.print(ChineseLines(text))
        lines = captured.get().rstrip("\n").split("\n")
        _assert_breaks_allowed([line.rstrip() for line in lines], width)


def test_no_chinese_content_has_a_space_after_a_stop_or_colon_or_ascii_quotes():
    for text in _zh_strings():
        assert not re.search(r"[。：，；！？] ", text), text
        assert not re.search(r"['\"]", text), text
        assert not re.search(r"[\u4e00-\u9fff],|,\s*[\u4e00-\u9fff]", text), text


def _chinese_plain(tmp_path, monkeypatch, answers: str, width: int):
    monkeypatch.setenv("COLUMNS", str(width))
    content = load(ZH)
    i18n.use(load_ui(ZH))
    coach, out = coach_for(content, tmp_path, answers, hold_seconds=10)
    coach.run()
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [24, 30, 40])
def test_plain_mode_in_chinese_at_a_narrow_terminal(tmp_path, monkeypatch, width):
    lines = _chinese_plain(tmp_path, monkeypatch, "b\nn\nxyz\ny\n", width)
    text = "\n".join(lines)
    prompts = re.findall(r"请回答[^：]*：", text.replace("\n", ""))
    assert prompts and all("," not in prompt for prompt in prompts), prompts
    assert "请回答 1-4 或 b、f、n、q：" in prompts, prompts
    assert "“xyz”" in text and "'xyz'" not in text
    assert not re.search(r"[。：] ", text), text
    for line in lines:
        if not line.startswith("请回答"):  # the prompt line ends with what was typed
            assert cell_width(line) <= width, line
        assert line.lstrip()[:1] not in NO_LINE_START, line


def test_plain_mode_through_a_pipe_keeps_chinese_lines_whole(tmp_path, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    content = load(ZH)
    i18n.use(load_ui(ZH))
    coach, out = coach_for(content, tmp_path, "b\nn\n", hold_seconds=10)
    coach.run()
    assert "\n第 1 步，共 5 步：平躺，或者用枕头垫着半坐起来。\n" in out.getvalue()


def test_printed_tips_in_chinese_break_only_where_chinese_may(monkeypatch):
    for width in (24, 33, 40):
        monkeypatch.setenv("COLUMNS", str(width))
        content = load(ZH)
        i18n.use(load_ui(ZH))
        out = io.StringIO()
        assert print_tips(content, [], out) == 0
        for line in out.getvalue().splitlines():
            assert line.lstrip(" •")[:1] not in NO_LINE_START, line
