"""Issue 6: broken or hostile content, end to end through the command line.

tests/test_content.py checks the loader in-process; here each bad folder goes through
`python -m coach --content DIR back` and `python -m coach check-content DIR` in a fresh
process with a memory cap and a time limit, as a translator or reviewer would run it.
Every case must end with exit code 2 and one line on stderr naming the file and line.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

MEMORY_CAP = 1 << 30
"""Address space for the child: 1 GiB, so an alias bomb or a huge read fails fast."""
TIME_LIMIT = 10.0
"""Seconds one command may take (it starts Python, so well under a second is normal)."""
ALIAS_BOMB = "\n".join(
    [
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        *(
            f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} ["
            + ", ".join([f"*{chr(ord('a') + i - 1)}"] * 9)
            + "]"
            for i in range(1, 10)
        ),
        "",
    ]
)
"""The "billion laughs": nine levels of nine aliases, 9**9 strings once expanded."""


def cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_coach(*args: str, home: Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=TIME_LIMIT * 3,
        cwd=home,
        preexec_fn=cap_memory,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "HOME": str(home),
            "CALF_COACH_HOME": str(home / "data"),
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        },
    )
    return out, time.monotonic() - started


def line_matching(path: Path, pattern: str, nth: int = 0) -> int:
    """1-based number of the nth line matching `pattern`."""
    hits = [
        i for i, line in enumerate(path.read_text().splitlines(), 1) if re.search(pattern, line)
    ]
    assert len(hits) > nth, f"{path.name}: no line {nth} matching {pattern!r}; content changed?"
    return hits[nth]


def rewrite_line(path: Path, number: int, new: str | None, *, after: str | None = None) -> None:
    """Replace line `number` with `new` (None deletes it); `after` inserts a line below it."""
    lines = path.read_text().splitlines()
    replacement = [] if new is None else [new]
    if after is not None:
        replacement = [lines[number - 1], after]
    lines[number - 1 : number] = replacement
    path.write_text("\n".join(lines) + "\n")


# Each breaker edits the folder and returns (file name, expected line or None, words).
Breaker = Callable[[Path, Path], tuple[str, int | None, str]]


def syntax_error(folder: Path, tmp: Path):
    path = folder / "tips.yaml"
    n = line_matching(path, r"^  - id: ")
    rewrite_line(path, n, path.read_text().splitlines()[n - 1].replace("id: ", "id: ["))
    return "tips.yaml", n, "syntax error"


def wrong_type(folder: Path, tmp: Path):
    path = folder / "guides.yaml"
    n = line_matching(path, r"^  default_seconds: ")
    rewrite_line(path, n, "  default_seconds: sixty")
    return "guides.yaml", n, "expected whole seconds"


def missing_field(folder: Path, tmp: Path):
    path = folder / "causes.yaml"
    n = line_matching(path, r"^    question: ")
    lines = path.read_text().splitlines()
    assert not lines[n].startswith("      "), "the question must be one line to delete it"
    item = max(i for i in range(1, n) if lines[i - 1].startswith("  - id: "))
    rewrite_line(path, n, None)
    return "causes.yaml", item, "question: missing field"


def unknown_field(folder: Path, tmp: Path):
    path = folder / "tips.yaml"
    n = line_matching(path, r"^    source: ")
    rewrite_line(path, n, path.read_text().splitlines()[n - 1].replace("source:", "sourse:"))
    return "tips.yaml", n, "did you mean 'source'"


def duplicate_key(folder: Path, tmp: Path):
    path = folder / "causes.yaml"
    n = line_matching(path, r"^    evidence: ")
    rewrite_line(path, n, None, after="    evidence: expert")
    return "causes.yaml", n + 1, "duplicate key"


def duplicate_id(folder: Path, tmp: Path):
    path = folder / "tips.yaml"
    first = path.read_text().splitlines()[line_matching(path, r"^  - id: ") - 1]
    n = line_matching(path, r"^  - id: ", nth=1)
    rewrite_line(path, n, first)
    return "tips.yaml", n, "duplicate id"


def step_past_the_hold(folder: Path, tmp: Path):
    path = folder / "guides.yaml"
    default = int(path.read_text().split("default_seconds:")[1].split()[0])
    n = line_matching(path, r"^        - at: [1-9]")
    rewrite_line(path, n, f"        - at: {default + 15}")
    return "guides.yaml", n, f"past the {default} s hold"


def empty_file(folder: Path, tmp: Path):
    (folder / "tips.yaml").write_bytes(b"")
    return "tips.yaml", 1, "empty"


def not_utf8(folder: Path, tmp: Path):
    (folder / "tips.yaml").write_bytes(b"tips:\n  - id: caf\xe9\n    causes: []\n")
    return "tips.yaml", 2, "not UTF-8"


def fifty_megabytes(folder: Path, tmp: Path):
    with open(folder / "tips.yaml", "wb") as fp:
        fp.truncate(50 * 1024 * 1024)  # sparse: no disk used
    return "tips.yaml", None, "too large"


def alias_bomb(folder: Path, tmp: Path):
    (folder / "tips.yaml").write_text(ALIAS_BOMB)
    return "tips.yaml", 2, "aliases"


def python_tag_in_a_field(folder: Path, tmp: Path):
    path = folder / "tips.yaml"
    n = line_matching(path, r"^    causes: \[\]")
    rewrite_line(path, n, f'    causes: !!python/object/apply:os.system ["touch {tmp / "PWNED"}"]')
    return "tips.yaml", n, "not allowed"


def python_tag_on_the_document(folder: Path, tmp: Path):
    (folder / "tips.yaml").write_text(
        f'!!python/object/apply:os.system ["touch {tmp / "PWNED"}"]\n'
    )
    return "tips.yaml", 1, "not allowed"


BREAKERS: dict[str, Breaker] = {
    "syntax-error": syntax_error,
    "wrong-type": wrong_type,
    "missing-field": missing_field,
    "unknown-field": unknown_field,
    "duplicate-key": duplicate_key,
    "duplicate-id": duplicate_id,
    "step-past-the-hold": step_past_the_hold,
    "empty-file": empty_file,
    "not-utf8": not_utf8,
    "50-MB": fifty_megabytes,
    "alias-bomb": alias_bomb,
    "python-tag-in-a-field": python_tag_in_a_field,
    "python-tag-on-the-document": python_tag_on_the_document,
}


@pytest.fixture
def broken_copy(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


@pytest.mark.parametrize("command", ["back", "check-content"])
@pytest.mark.parametrize("case", list(BREAKERS))
def test_bad_content_is_one_clear_line_and_exit_2(broken_copy, tmp_path, case, command):
    name, line, words = BREAKERS[case](broken_copy, tmp_path)
    args = (
        ["--content", str(broken_copy), "back"]
        if command == "back"
        else [command, str(broken_copy)]
    )
    out, seconds = run_coach(*args, home=tmp_path)
    err = out.stderr
    context = f"{case} via {command}: exit {out.returncode}, {seconds:.1f} s, stderr:\n{err}"
    assert out.returncode == 2, context
    assert "Traceback" not in err + out.stdout, context
    lines = err.strip().splitlines()
    assert len(lines) == 1, context
    assert name in lines[0] and words in lines[0], context
    if line is not None:
        # A syntax error is noticed where the broken token ends: allow the next line.
        lines_ok = {line}
        if case == "syntax-error":
            lines_ok.add(line + 1)
        assert any(f"{name}:{n}:" in lines[0] for n in lines_ok), context
    assert seconds < TIME_LIMIT, context
    assert not (tmp_path / "PWNED").exists(), "the YAML tag ran a shell command"
    assert not (tmp_path / "data").exists(), "nothing should be written before content loads"


def test_the_shipped_content_passes_the_same_checks(tmp_path):
    """The control: the unbroken copy loads, so the failures above are the edits'."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    out, seconds = run_coach("check-content", str(folder), home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "content ok" in out.stdout and seconds < TIME_LIMIT
