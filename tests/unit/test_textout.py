"""Printed output: wrapped by terminal cells, nothing dropped, styled only on a tty."""

from __future__ import annotations

import io
import random

import pytest

from coach.content.load import load, load_ui
from coach.core import i18n
from coach.documents import textout
from coach.documents.printing import print_tips
from coach.documents.red_flags import print_red_flags
from coach.documents.textout import Printer, cell_width, wrap
from coach.text import wrap as wrapping
from tests.conftest import ROOT


@pytest.mark.parametrize("width", [8, 13, 20, 40, 80])
def test_wrap_keeps_every_word_and_fits_the_width(width):
    rng = random.Random(width)
    words = ["calf", "stretch", "a", "hamstrings,", "x" * 30, "腿抽筋了", "。", "NHS"]
    text = " ".join(rng.choice(words) for _ in range(60))
    lines = wrap(text, width)
    assert all(cell_width(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_wrap_breaks_chinese_between_characters_and_keeps_punctuation_on_the_line():
    lines = wrap("如果同时有腿痛，这可能是血栓。", 16)
    assert lines == ["如果同时有腿痛，", "这可能是血栓。"]
    assert all(not line.startswith(("，", "。")) for line in wrap("一二三四五，六七。" * 5, 10))


def test_wrap_of_nothing_is_one_empty_line():
    assert wrap("", 10) == [""] and wrap("  ", 10) == [""]


def test_styles_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    tty, pipe = Tty(), io.StringIO()
    Printer(tty, 40).line("Tips", "1")
    Printer(pipe, 40).line("Tips", "1")
    assert tty.getvalue() == "\x1b[1mTips\x1b[0m\n" and pipe.getvalue() == "Tips\n"
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Tty()
    Printer(plain, 40).line("Tips", "1")
    assert plain.getvalue() == "Tips\n"


def test_mixed_styles_follow_their_text_across_a_wrap():
    out = io.StringIO()
    printer = Printer(out, 22)
    printer.styled = True
    printer.mixed([("Backed by research", ("1",)), (":  tested   in trials.", ())], indent=2)
    lines = out.getvalue().splitlines()
    assert lines == ["  \x1b[1mBacked by research\x1b[0m:", "  tested in trials."]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [40, 80])
def test_red_flags_print_every_word_of_every_flag(lang, width, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(width))
    folder = ROOT / "content" / lang if lang == "zh" else ROOT / "content"
    content = load(folder)
    i18n.use(load_ui(folder))
    out = io.StringIO()
    assert print_red_flags(content, content.regions["default"], out) == 0
    printed = "".join(out.getvalue().split())
    for flag in content.red_flags:
        assert "".join(flag.text.split()) in printed
        assert "".join(flag.title.split()) in printed
    assert all(cell_width(line) <= width for line in out.getvalue().splitlines())


def test_tips_print_every_tip_whole_at_40_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    folder = ROOT / "content" / "zh"
    content = load(folder)
    i18n.use(load_ui(folder))
    out = io.StringIO()
    assert print_tips(content, [], out) == 0
    printed = "".join(out.getvalue().split())
    assert all("".join(tip.text.split()) in printed for tip in content.tips)
    assert all(cell_width(line) <= 40 for line in out.getvalue().splitlines())


def test_combining_marks_and_joiners_take_no_cell_and_stay_with_their_letter():
    cafe = "cafe\u0301"  # e + combining acute accent
    assert cell_width(cafe) == 4 and cell_width("\U0001f44d\ufe0f") == 2
    lines = wrap(" ".join([cafe] * 12), 9)
    assert all(not line.startswith("\u0301") for line in lines)
    assert all(cell_width(line) <= 9 for line in lines)
    assert wrap("e\u0301" * 6, 3) == ["e\u0301" * 3] * 2


def _wrap_by_recounting(text: str, width: int) -> list[str]:
    """The first wrap, which re-counted the whole line for every word: the oracle."""
    width = max(width, 2)
    lines: list[str] = []
    line = ""
    for token in wrapping._tokens(" ".join(text.split())):
        if textout.cell_width((line + token).rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token.lstrip()
        while textout.cell_width(line.rstrip()) > width:
            cut = 1
            while cut < len(line) and (
                textout.cell_width(line[: cut + 1]) <= width or wrapping._zero(line[cut])
            ):
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def test_wrap_keeping_a_running_width_breaks_lines_where_recounting_did():
    texts = [
        "Call 999 now. One calf is swollen, warm, red or painful: it may be a clot.",
        "如果一条腿肿胀、发热、发红或疼痛，可能是血栓。请立即拨打120。",
        "Mixed 中文 and English, with a verylongwordthatcannotfitonaline and café.",
        "e\u0301 combining marks \u200b zero width, ＦＵＬＬ width letters.",
        "",
    ]
    for text in texts:
        for width in (2, 5, 9, 17, 40, 80):
            assert textout.wrap(text, width) == _wrap_by_recounting(text, width), (text, width)


def test_the_advice_left_after_the_app_is_folded_by_words_and_chinese_rules(monkeypatch):
    """The terminal's own wrap cut "red-flags" in two and started Chinese lines with 。"""
    from coach.documents.textout import print_folded

    monkeypatch.setenv("COLUMNS", "40")
    text = (
        "For all the signs: calf-coach red-flags (or ! at any question).\n"
        "- 一条腿肿、发热、发红或颜色发暗：今天就求助。\n"
    )
    out = io.StringIO()
    print_folded(text, out)
    lines = out.getvalue().splitlines()
    assert all(cell_width(line) <= 40 for line in lines), lines
    assert any("red-flags" in line for line in lines)
    assert not any(part.startswith(("flags", "。", "，", "、")) for part in lines)
    assert lines[-1].startswith("  ")  # the item's next line hangs under its text
