"""Issue 16, the content cache: a cache file that fails any check is a miss, never a crash;
links are never followed, reading or writing; nothing is written where it would not be read.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from coach.content import load as model
from coach.store import content_cache as cache
from tests.conftest import ROOT
from tests.support.cache_files import PATTERN, read_json, saved_file, write_json
from tests.support.robust_support import coach_env, no_traceback, run_coach

CONTENT = ROOT / "content"
OTHER_USER = 65534  # nobody


def cached(where: Path) -> Path:
    cache.load(CONTENT, where)
    return saved_file(where)


def count_full_loads(monkeypatch) -> list[Path]:
    loads: list[Path] = []
    real = model.load
    monkeypatch.setattr(model, "load", lambda folder: loads.append(folder) or real(folder))
    return loads


def nest(depth: int) -> object:
    value: object = "deep"
    for _ in range(depth):
        value = [value]
    return value


def record_fields(data: dict, name: str) -> list:
    """The field list of the first record called `name` in the cached content."""
    found: list = []

    def walk(value):
        if isinstance(value, list) and len(value) == 2 and value[0] == name and not found:
            found.append(value[1])
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(data["content"])
    return found[0]


def set_field(name: str, index: int, value: object) -> Callable[[dict], None]:
    return lambda data: record_fields(data, name).__setitem__(index, value)


DEEP = "[" * 5000 + "1" + "]" * 5000
"""Too deep for json.dumps to write, so put in the text in place of "__DEEP__"."""

DAMAGE: dict[str, Callable[[dict], None]] = {
    "number-for-text": set_field("Tip", 2, 42),
    "dict-for-text": set_field("Cause", 1, {"a": 1}),
    "text-for-number": set_field("HoldSettings", 0, "sixty"),
    "bool-for-number": set_field("HoldSettings", 0, True),
    "null-for-text": set_field("RedFlag", 1, None),
    "deep-in-a-field": set_field("Tip", 2, "__DEEP__"),  # see DEEP
    "record-for-text": set_field("Tip", 2, ["Source", ["a", "b", "c"]]),
    "tuple-as-dict": lambda data: data["content"][1].__setitem__(2, {"a": 1}),
    "ui-not-text": lambda data: data.__setitem__("ui", {"Quit": ["x"]}),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_cache_with_values_of_the_wrong_type_is_a_miss(tmp_path, monkeypatch, damage, content):
    saved = cached(tmp_path)
    data = read_json(saved)
    DAMAGE[damage](data)
    write_json(saved, json.dumps(data).replace('"__DEEP__"', DEEP))
    loads = count_full_loads(monkeypatch)
    assert cache.load(CONTENT, tmp_path)[0] == content
    assert loads == [CONTENT]  # a miss: the YAML was read and checked again
    loads.clear()
    assert cache.load(CONTENT, tmp_path)[0] == content
    assert loads == []  # rewritten whole: the next start is a hit again


def test_a_cache_file_nested_too_deep_to_parse_is_a_miss(tmp_path):
    saved = cached(tmp_path)
    write_json(saved, "[" * 200_000 + "]" * 200_000)
    assert cache.load(CONTENT, tmp_path)[0] == model.load(CONTENT)


@pytest.mark.parametrize("command", [["tips"], ["red-flags"]])
def test_a_poisoned_cache_does_not_crash_a_command(tmp_path, command):
    env = coach_env(tmp_path)
    cache_dir = Path(env["CALF_COACH_CACHE"])
    first = run_coach(["tips"], env)  # writes the cache the commands below use
    assert first.returncode == 0, first.stderr
    for saved in cache_dir.glob(PATTERN):
        data = read_json(saved)
        DAMAGE["number-for-text"](data)  # a tip's text
        DAMAGE["null-for-text"](data)  # a red flag's title
        write_json(saved, data)
    out = run_coach(command, env, stdin="")
    assert out.returncode == 0, out.stderr
    assert no_traceback(out.stderr)


def test_a_cache_file_that_is_a_symlink_is_not_read(tmp_path, monkeypatch, content):
    where = tmp_path / "cache"
    saved = cached(where)
    elsewhere = tmp_path / "elsewhere.json"
    saved.rename(elsewhere)
    saved.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    loads = count_full_loads(monkeypatch)
    assert cache.load(CONTENT, where)[0] == content
    assert loads == [CONTENT]
    assert elsewhere.read_bytes() == before  # not written through either
    assert not saved.is_symlink()  # the link itself was replaced by a file of our own


@pytest.mark.parametrize("folder_mode", [0o777, 0o775])
def test_nothing_is_written_through_a_link_planted_in_an_untrusted_folder(tmp_path, folder_mode):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(folder_mode)
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    final = cache.cache_file(CONTENT, shared)
    # Every name a writer could use: the file itself and the old fixed temporary name.
    for planted in (final, shared / f"{final.name}.{os.getpid()}.tmp"):
        planted.symlink_to(victim)
    assert cache.load(CONTENT, shared)[0] == model.load(CONTENT)
    assert victim.read_text() == "keep me"
    assert sorted(p.name for p in shared.iterdir()) == sorted(
        [final.name, f"{final.name}.{os.getpid()}.tmp"]
    )


def test_nothing_is_read_or_written_in_another_users_folder(tmp_path, monkeypatch, content):
    where = tmp_path / "theirs"
    saved = cached(where)
    os.chown(where, OTHER_USER, OTHER_USER)
    saved.unlink()
    loads = count_full_loads(monkeypatch)
    assert cache.load(CONTENT, where)[0] == content
    assert loads == [CONTENT]
    assert list(where.iterdir()) == []


def test_a_cache_file_owned_by_another_user_is_a_miss(tmp_path, monkeypatch):
    saved = cached(tmp_path / "cache")
    os.chown(saved, OTHER_USER, OTHER_USER)
    loads = count_full_loads(monkeypatch)
    cache.load(CONTENT, tmp_path / "cache")
    assert loads == [CONTENT]


def test_a_failed_cache_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full)
    assert cache.load(CONTENT, tmp_path / "c")[0] == model.load(CONTENT)
    assert list((tmp_path / "c").iterdir()) == []


def test_the_cache_folder_the_app_makes_is_private(tmp_path):
    where = tmp_path / "a" / "b" / "cache"
    cache.load(CONTENT, where)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", where):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(saved_file(where).stat().st_mode) == 0o600


def test_old_cache_files_of_other_folders_are_pruned_when_one_is_written(tmp_path):
    """#27 item 13: a moved checkout or an old install leaves its cache file behind."""
    stale = tmp_path / "content-0123abcd.cache"
    stale.write_text("1\nx{}")
    killed = tmp_path / ".content-0123abcd.cache.x1.tmp"
    killed.write_text("1")
    # The first format's files (JSON under a hash of the folder), left by an older install.
    stale_json = tmp_path / "content-0123456789abcdef.json"
    stale_json.write_text("{}")
    killed_json = tmp_path / ".content-0123456789abcdef.json.x1.tmp"
    killed_json.write_text("{")
    recent = tmp_path / "content-fedcba98.cache"
    recent.write_text("1\nx{}")
    recent_json = tmp_path / "content-fedcba9876543210.json"
    recent_json.write_text("{}")
    other = tmp_path / "notes.json"
    other.write_text("{}")
    old = os.stat(stale).st_mtime - cache.PRUNE_AFTER - 10
    for path in (stale, killed, stale_json, killed_json, other):
        os.utime(path, (old, old))
    cache.load(CONTENT, tmp_path)  # a miss: written, and the folder pruned
    saved = cache.cache_file(CONTENT, tmp_path)
    kept = [saved.name, recent.name, recent_json.name, other.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)
