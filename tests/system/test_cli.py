"""The printing commands, run as a user would: in a subprocess, no TUI."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from coach.cli_args import COMMANDS
from tests.conftest import ROOT


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd or ROOT,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "80", "PYTHONPATH": str(ROOT)},
    )


def test_tips_prints_matching_tips_first_with_evidence():
    out = run("tips", "cold")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.index("Tips for you") < text.index("Tips for everyone")
    assert "socks" in text.split("Tips for everyone")[0]
    assert "[Mixed evidence]" in text and "Evidence levels" in text


def test_tips_rejects_an_unknown_cause():
    out = run("tips", "moon")
    assert out.returncode == 2
    assert "unknown cause moon" in out.stderr and "Traceback" not in out.stderr


def test_check_content_ok_and_broken(tmp_path):
    ok = run("check-content")
    assert ok.returncode == 0 and "content ok" in ok.stdout
    bad = tmp_path / "content"
    shutil.copytree(ROOT / "content", bad)
    (bad / "guides.yaml").write_text("hold: [\n")
    out = run("check-content", str(bad))
    assert out.returncode == 2
    assert "guides.yaml:" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_bad_content_stops_the_app_before_the_tui(tmp_path):
    bad = tmp_path / "content"
    shutil.copytree(ROOT / "content", bad)
    (bad / "tips.yaml").write_text("tips: []\n")
    out = run("--content", str(bad), "back")
    assert out.returncode == 2
    assert "tips.yaml:1: tips: expected a non-empty list" in out.stderr


@pytest.mark.parametrize("hold", ["4", "601", "abc", "1:30"])
def test_hold_out_of_range_is_refused(hold):
    out = run("back", "--hold", hold)
    assert out.returncode == 2 and "hold" in out.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("calf-coach ")
    helptext = run("-h").stdout
    for word in ("back", "front", "tips", "check-content", "--hold", "--content"):
        assert word in helptext


@pytest.mark.parametrize(
    "argv", [["tips"], ["red-flags"], ["check-content"], ["export", "--format", "json"]]
)
def test_printing_commands_do_not_import_textual(argv, tmp_path):
    code = (
        f"import sys; from coach.cli import main; rc = main({argv!r} + ['--data-dir', "
        f"{str(tmp_path)!r}] if {argv!r}[0] == 'export' else {argv!r});"
        "assert 'textual' not in sys.modules; raise SystemExit(rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr


def test_the_first_screen_is_drawn_without_loading_the_flow_or_the_charts(tmp_path):
    """The picker's first frame is figure 1 of bench/: the episode's flow, timer and
    steps load when a side is chosen, the diary's charts when the history is shown."""
    code = (
        "import asyncio, sys\n"
        "from tests.support.app import coach_app\n"
        "from screens.side_picker import SidePicker\n"
        f"app = coach_app(data_dir={str(tmp_path)!r}, hour=23)\n"
        "async def main():\n"
        "    async with app.run_test() as pilot:\n"
        "        while not isinstance(app.screen, SidePicker): await pilot.pause()\n"
        "        await pilot.pause()\n"
        "asyncio.run(main())\n"
        "late = ('coach.core.flow', 'coach.core.steps', 'coach.core.timer',\n"
        "        'coach.core.stats', 'coach.text.diary_text')\n"
        "print(sorted(set(late) & set(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_red_flags_prints_clot_signs_with_do_not_stretch():
    out = run("red-flags", "--region", "uk")
    assert out.returncode == 0, out.stderr
    words = " ".join(out.stdout.split())  # lines wrap at the terminal's width
    assert "Do NOT keep stretching" in words and "Call 999 now." in words
    assert "not a diagnosis" in out.stdout


def test_red_flags_region_from_locale_and_unknown_region():
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8"}
    out = subprocess.run(
        [sys.executable, "-m", "coach", "red-flags"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert "911" in out.stdout
    bad = run("red-flags", "--region", "mars")
    assert bad.returncode == 2 and "unknown region 'mars'" in bad.stderr


def test_export_with_no_history_writes_a_header(tmp_path):
    out = run("export", "--format", "csv", "--data-dir", str(tmp_path / "none"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("id,kind,started_at")


@pytest.mark.parametrize("argv", [[], *([name] for name in COMMANDS)])
def test_a_command_alone_skips_argparse_and_means_the_same(argv):
    """Nothing or a command alone is read without argparse: it must agree with it."""
    from coach.cli_args import CommandLine, build_parser, parse

    assert parse(argv) == CommandLine(**vars(build_parser().parse_args(argv)))


@pytest.mark.parametrize(
    ("argv", "asked"),
    [
        (["tips", "cold", "sleep"], {"command": "tips", "causes": ["cold", "sleep"]}),
        (["--lang", "zh", "tips"], {"command": "tips", "lang": "zh"}),
        (["tips", "--lang", "zh"], {"command": "tips", "lang": "zh"}),
        (["check-content", "somewhere"], {"command": "check-content", "dir": "somewhere"}),
        (
            ["export", "--format=json", "-o", "x"],
            {"command": "export", "format": "json", "output": "x"},
        ),
        (["report", "--weeks", "4"], {"command": "report", "weeks": 4}),
        (["back", "--hold", "005", "--no-voice"], {"command": "back", "hold": 5, "voice": False}),
        (["--voice", "front", "--plain"], {"command": "front", "voice": True, "plain": True}),
        (["--theme", "night", "--position", "bed"], {"theme": "night", "position": "bed"}),
        (
            ["red-flags", "--region=us", "--data-dir", "d"],
            {"command": "red-flags", "region": "us", "data_dir": "d"},
        ),
    ],
)
def test_options_before_or_after_the_command_are_read_and_the_rest_is_default(argv, asked):
    from coach.cli_args import CommandLine, parse

    assert parse(argv) == CommandLine(**asked)


@pytest.mark.parametrize(
    "argv",
    [
        ["back", "extra"],
        ["--lang", "fr"],
        ["back", "--position", "floor"],
        ["export", "--format", "xml"],
    ],
)
def test_a_line_argparse_cannot_read_is_refused_with_its_message(argv, capsys):
    from coach.cli_args import parse

    with pytest.raises(SystemExit) as ended:
        parse(argv)
    assert ended.value.code == 2 and " error: " in capsys.readouterr().err


def test_garbage_collection_is_back_on_if_the_app_fails_to_start(monkeypatch, content, tmp_path):
    import gc

    import screens.app.shell
    from coach import cli
    from coach.cli_args import CommandLine

    def broken(*args, **kwargs):
        assert not gc.isenabled()  # off for start-up
        raise RuntimeError("no terminal")

    monkeypatch.setattr(screens.app.shell, "make_app", broken)
    with pytest.raises(RuntimeError):
        cli._run_app(content, CommandLine(), "en", tmp_path)
    assert gc.isenabled()


@pytest.mark.parametrize("command", [["tips"], ["export", "--format", "json"]])
def test_a_printing_command_run_in_process_leaves_the_collector_as_it_was(
    command, capsys, monkeypatch, tmp_path
):
    """Off while a command that prints and ends runs; on again afterwards, and nothing
    frozen for a caller that goes on (only the program itself, about to end, freezes
    what it made)."""
    import gc

    from coach import cli

    seen = []
    real = cli._main
    frozen = gc.get_freeze_count()
    monkeypatch.setattr(cli, "_main", lambda args: seen.append(gc.isenabled()) or real(args))
    assert cli.main([*command, "--data-dir", str(tmp_path)]) == 0
    assert seen == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


async def test_the_app_turns_collection_back_on_once_the_first_screen_is_up(content, tmp_path):
    import gc

    from coach.system.collector import CollectorPause
    from screens.app.shell import make_app

    frozen = gc.get_freeze_count()
    pause = CollectorPause.start()  # as the CLI hands it over for start-up
    try:
        app = make_app(content, data_dir=tmp_path, collector=pause)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()


async def test_an_app_the_cli_did_not_pause_leaves_the_collector_alone(content, tmp_path):
    import gc

    from screens.app.shell import make_app

    frozen = gc.get_freeze_count()
    app = make_app(content, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == frozen
