"""English and Simplified Chinese content: same ids and structure, both readable at 40 columns."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from coach.content.load import FILES, load
from coach.content.yamlfile import Map, Seq, read_yaml
from tests.conftest import ROOT
from tests.support.content_texts import all_texts

SAME_VALUE = {"id", "at", "key", "causes", "evidence", "countries", "url", "action", "source"}
SAME_VALUE |= {"night_safe", "emergency_source", "urgent_source"}
SAME_VALUE |= {"default_seconds", "min_seconds", "max_seconds", "extend_seconds"}
SAME_VALUE |= {"escalate_after_seconds", "hold_seconds", "repeats", "ready_seconds"}


def shape(node, path: str, out: list[str]) -> None:
    """Everything but prose: keys, list lengths, ids, times, numbers."""
    if isinstance(node, Map):
        for key, value in node.items():
            out.append(f"{path}.{key}")
            fixed = key in SAME_VALUE or not isinstance(value, str)
            if fixed and not isinstance(value, (Map, Seq)):
                out.append(f"{path}.{key}={value!r}")
            shape(value, f"{path}.{key}", out)
    elif isinstance(node, Seq):
        out.append(f"{path}[len={len(node)}]")
        if path.rsplit(".", 1)[-1] in SAME_VALUE and all(isinstance(i, str) for i in node):
            out.append(f"{path}={list(node)!r}")  # ids in lists: sources, causes, countries
        for i, item in enumerate(node):
            shape(item, f"{path}[{i}]", out)


@pytest.mark.parametrize("name", FILES)
def test_chinese_file_has_the_same_ids_and_structure(name):
    en, zh = [], []
    shape(read_yaml(ROOT / "content" / name), "", en)
    shape(read_yaml(ROOT / "content" / "zh" / name), "", zh)
    assert zh == en


def test_chinese_content_loads_and_is_chinese():
    zh = load(ROOT / "content" / "zh")
    texts = all_texts(zh)
    chinese = [t for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert len(chinese) > 0.8 * len(texts)
    clot = next(f for f in zh.red_flags if f.id == "clot")
    assert "不要继续拉伸或按摩" in clot.text


@pytest.mark.parametrize("lang", ["", "zh"])
def test_guides_and_tips_fit_40_columns_measured_in_cells(lang):
    content = load(ROOT / "content" / lang) if lang else load(ROOT / "content")
    for text in all_texts(content):
        out = io.StringIO()
        Console(file=out, width=40, color_system=None).print(text, overflow="fold")
        lines = out.getvalue().splitlines()
        assert all(cell_len(line.rstrip()) <= 40 for line in lines), text
        assert "".join(out.getvalue().split()) == "".join(text.split()), text


def test_chinese_interface_strings_cover_the_code_and_nothing_stale():
    from coach.content.load import load_ui
    from tests.support.ui_strings import interface_strings

    table = load_ui(ROOT / "content" / "zh")
    wanted = interface_strings()
    assert sorted(wanted - set(table)) == []
    assert sorted(set(table) - wanted) == []


def test_go_back_is_never_the_calf_side():
    from coach.content.load import load_ui

    table = load_ui(ROOT / "content" / "zh")
    assert table["Go back"] == "返回" and table["Back of calf"] == "小腿后侧"
    assert table["Yes, one of these"] == "有" and table["No, none of these"] == "没有"
    assert "有" in table["Yes: do not stretch, get help"]
    assert table["No, none of these: start the stretch"].startswith("没有")


def test_a_translation_with_wrong_placeholders_is_refused(tmp_path):
    from coach.content.load import load_ui
    from coach.content.yamlfile import ContentError

    (tmp_path / "ui.yaml").write_text('strings:\n  "{time} left.": "还剩 {tme}"\n')
    with pytest.raises(ContentError, match="placeholders") as info:
        load_ui(tmp_path)
    assert info.value.line == 2


async def test_whole_flow_in_chinese(clock, tmp_path):
    from textual.widgets import Static

    from screens.follow_up import FollowUp
    from screens.hold import HoldScreen
    from screens.side_picker import SidePicker
    from screens.widgets.countdown_face import CountdownFace
    from screens.widgets.key_footer import KeyFooter
    from screens.widgets.step_list import StepList
    from tests.support.app import coach_app
    from tests.support.pilot import past_safety_check, run_out, wait_for

    app = coach_app(lang="zh", data_dir=tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        assert str(app.screen.query_one("#question", Static).content) == "哪里抽筋了？"
        await pilot.press("b")
        await past_safety_check(pilot)
        assert isinstance(app.screen, HoldScreen)
        state = app.screen.query_one(CountdownFace).state
        assert state == "保持拉伸：还剩 1:00"
        step = app.screen.query_one(StepList).current_text
        assert "伸直" in step
        footer = app.screen.query_one(KeyFooter).text
        assert "暂停" in footer and "求助" in footer
        assert "Pause" not in footer and "Get help" not in footer
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        assert "拉伸完成" in str(app.screen.query_one("#follow-up-banner", Static).content)


@pytest.mark.parametrize("argv", [["--lang", "zh", "tips"], ["tips", "--lang", "zh"]])
def test_lang_before_or_after_the_command(argv):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "coach", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert out.returncode == 0, out.stderr
    assert "适合所有人的建议" in out.stdout and "证据等级" in out.stdout


def test_plain_mode_in_chinese_uses_full_width_colons(content, tmp_path):
    """Headings printed by plain mode end with a full-width colon, not an ASCII one."""
    import io

    from coach.content.load import load, load_ui
    from coach.core import i18n
    from coach.plain.driver import PlainCoach
    from coach.store.recorder import Recorder
    from coach.store.settings import load_settings
    from tests.conftest import FakeClock

    zh = load(ROOT / "content" / "zh")
    i18n.use(load_ui(ROOT / "content" / "zh"))
    clock, out = FakeClock(), io.StringIO()
    coach = PlainCoach(
        zh,
        recorder=Recorder(tmp_path),
        prefs=load_settings(tmp_path),
        region=zh.regions["cn"],
        hold_seconds=5,
        stdin=io.StringIO("b\nn\nn\n\n\nq\n"),
        stdout=out,
        clock=clock,
        sleep=clock.advance,
    )
    coach.run()
    headings = [line for line in out.getvalue().splitlines() if line.endswith(":")]
    assert headings == [], headings


async def test_every_chinese_line_on_the_screens_is_broken_by_the_chinese_rule(clock, tmp_path):
    """#27 item 11, in the whole app: a widget showing Chinese words draws them through
    coach.text.wrap's rule (ChineseLines), never as a string Rich breaks anywhere.
    Walked through the first screen, the gate, the hold, "has it eased?" and the tips."""
    from textual.widgets import Static

    from coach.text.wrap import has_wide
    from screens.widgets.choice import Choice
    from screens.widgets.key_footer import KeyFooter
    from screens.widgets.lines import ChineseLines
    from tests.support.app import coach_app
    from tests.support.pilot import on, run_out

    def raw_chinese(app) -> list[str]:
        found = []
        for widget in app.screen.query(Static):
            if isinstance(widget, Choice) or widget.parent is None:
                continue
            if isinstance(widget.parent, KeyFooter) or isinstance(widget, KeyFooter):
                continue
            content = widget.content
            if isinstance(content, str) and has_wide(content):
                found.append(f"{type(app.screen).__name__} {widget!r}: {content}")
            elif has_wide(str(content)):
                assert isinstance(content, ChineseLines), widget
        return found

    app = coach_app(lang="zh", data_dir=tmp_path, clock=clock, hour=12)
    async with app.run_test(size=(40, 24)) as pilot:
        await on(pilot, "SidePicker")
        seen = raw_chinese(app)
        walk = [("b", "SafetyCheck"), ("n", "HoldScreen"), ("60 s", "HoldScreen")]
        walk += [("enter", "FollowUp"), ("y", "AfterCareScreen")]
        for key, screen in walk:
            if key == "60 s":
                await run_out(pilot, clock, 60)  # TIME'S UP
            else:
                await pilot.press(key)
            await on(pilot, screen)
            seen += raw_chinese(app)
    assert seen == []
