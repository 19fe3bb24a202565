"""The printing commands, run as a user would: in a subprocess, no TUI."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

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
    assert text.index("Tips for what you said fits you") < text.index("Tips for everyone")
    assert "socks" in text.split("Tips for everyone")[0]
    assert "[Backed by trials]" in text and "Evidence levels" in text


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
    "module",
    [
        "coach.cli",
        "coach.content",
        "coach.timer",
        "coach.advice",
        "coach.episode",
        "coach.yamlfile",
        "coach.printing",
    ],
)
def test_domain_modules_do_not_import_textual(module):
    code = f"import sys, {module}; assert 'textual' not in sys.modules, sys.modules.keys()"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


def test_tips_command_does_not_import_textual():
    code = (
        "import sys; from coach.cli import main; rc = main(['tips']);"
        "assert 'textual' not in sys.modules; raise SystemExit(rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, timeout=60, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
