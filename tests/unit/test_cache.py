"""The checked-content cache: a faster start, never a different answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach.content import load as model
from coach.content.yamlfile import ContentError
from coach.store import content_cache as cache
from tests.conftest import ROOT
from tests.support.cache_files import PATTERN, made_from, read_json, saved_file, split, write_json

CONTENT = ROOT / "content"


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def refuse_yaml(monkeypatch) -> None:
    def no(*_a, **_k):
        raise AssertionError("read the YAML although the cache was fresh")

    monkeypatch.setattr(model, "load", no)
    monkeypatch.setattr(model, "load_ui", no)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_second_load_comes_from_the_cache_and_equals_a_full_load(tmp_path, monkeypatch, lang):
    folder = CONTENT / "zh" if lang == "zh" else CONTENT
    first, ui = cache.load(folder, tmp_path)
    assert first == model.load(folder) and ui == model.load_ui(folder)
    refuse_yaml(monkeypatch)
    again, ui_again = cache.load(folder, tmp_path)
    assert again == first and ui_again == ui
    assert type(again.guides["back"].steps["bed"][0]) is model.Step
    assert isinstance(again.tips[0].causes, tuple)


def test_an_edited_file_is_read_again(folder, tmp_path):
    cache.load(folder, tmp_path / "c")
    tips = folder / "tips.yaml"
    text = tips.read_text(encoding="utf-8")
    first_tip = model.load(folder).tips[0].text
    tips.write_text(text.replace(first_tip[:20], "Edited: " + first_tip[:12], 1), encoding="utf-8")
    content, _ = cache.load(folder, tmp_path / "c")
    assert content.tips[0].text.startswith("Edited: ")


def test_a_content_problem_is_reported_every_time_and_never_cached(folder, tmp_path):
    guides = folder / "guides.yaml"
    guides.write_text(guides.read_text(encoding="utf-8") + "\nsurprise: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError, match="surprise"):
            cache.load(folder, tmp_path / "c")
    assert not list(tmp_path.rglob("content-*"))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"key": "x", "content": [], "ui": {}}',
        b"[1, 2, 3]",
    ],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path, damage):
    cache.load(CONTENT, tmp_path)
    saved = saved_file(tmp_path)
    whole = saved.read_bytes()
    saved.write_bytes(damage)
    content, _ = cache.load(CONTENT, tmp_path)
    assert content == model.load(CONTENT)
    assert saved.read_bytes() == whole


def test_a_cache_made_from_the_right_files_but_broken_records_is_ignored(tmp_path):
    cache.load(CONTENT, tmp_path)
    saved = saved_file(tmp_path)
    data = read_json(saved)
    data["content"] = ["NoSuchRecord", []]
    write_json(saved, data)
    assert cache.load(CONTENT, tmp_path)[0] == model.load(CONTENT)


def test_the_file_keeps_an_exact_copy_of_every_file_the_content_was_made_from(tmp_path):
    cache.load(CONTENT, tmp_path)
    copy = made_from(saved_file(tmp_path))
    loader = Path(cache.__file__).parent.parent
    for name in cache._LOADER_SOURCES:
        data = (loader / name).read_bytes()
        assert f"{name} {len(data)}\n".encode() + data in copy
    for name in model.FILES:
        data = (CONTENT / name).read_bytes()
        assert f"{name} {len(data)}\n".encode() + data in copy


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_copy_that_differs_by_one_byte_anywhere_is_a_miss(tmp_path, monkeypatch, where):
    """Not a hash: the copy is compared whole, so any change to it (the same length,
    one byte) is a miss, a full load, and the file is written again from the YAML."""
    cache.load(CONTENT, tmp_path)
    saved = saved_file(tmp_path)
    head, body = split(saved)
    length = head.index(b"\n") + 1
    at = {"first": length, "middle": (length + len(head)) // 2, "last": len(head) - 1}[where]
    changed = head[:at] + bytes([head[at] ^ 1]) + head[at + 1 :]
    saved.write_bytes(changed + body)
    loads = []
    real = model.load
    monkeypatch.setattr(model, "load", lambda folder: loads.append(folder) or real(folder))
    assert cache.load(CONTENT, tmp_path)[0] == real(CONTENT)
    assert loads == [CONTENT]
    assert split(saved) == (head, body)


def test_two_folders_with_one_file_name_take_turns_never_each_others_content(
    folder, tmp_path, monkeypatch
):
    """The file name is a checksum of the folder's path: two folders that share it
    each find the other's copy different from their own files."""
    monkeypatch.setattr(cache.zlib, "crc32", lambda _data: 7)
    tips = folder / "tips.yaml"
    first_tip = model.load(folder).tips[0].text
    text = tips.read_text(encoding="utf-8")
    tips.write_text(text.replace(first_tip[:20], "Edited: " + first_tip[:12], 1), encoding="utf-8")
    where = tmp_path / "c"
    for _ in range(2):
        assert cache.load(CONTENT, where)[0].tips[0].text == first_tip
        assert cache.load(folder, where)[0].tips[0].text.startswith("Edited: ")
    assert len(list(where.glob(PATTERN))) == 1


def test_a_cache_that_cannot_be_written_costs_time_not_the_content(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    assert cache.load(CONTENT, blocker)[0] == model.load(CONTENT)


def test_the_cache_folder_follows_the_environment(tmp_path):
    assert cache.cache_dir({"CALF_COACH_CACHE": str(tmp_path)}) == tmp_path
    assert cache.cache_dir({}).name == "calf-coach"


def test_check_content_reads_every_file_even_with_a_fresh_cache(monkeypatch, capsys):
    from coach.cli import main

    def no(*_a, **_k):
        raise AssertionError("check-content used the cache")

    monkeypatch.setattr(cache, "load", no)
    assert main(["check-content"]) == 0
    assert "content ok (en)" in capsys.readouterr().out


def test_a_warm_start_imports_neither_pyyaml_nor_the_checkers(tmp_path):
    """A hit needs the records, not the modules that read and check YAML."""
    checkers = (
        "yaml",
        "coach.content.load",
        "coach.content.load_links",
        "coach.content.load_advice",
        "coach.content.schema",
    )
    code = (
        "import sys; from coach.cli import _load_or_explain; "
        "assert _load_or_explain(None) is not None; "
        f"print([m for m in {checkers!r} if m in sys.modules])"
    )
    env = {**os.environ, "CALF_COACH_CACHE": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    first, second = (r.stdout.strip() for r in runs)
    assert first == str(list(checkers)), [r.stderr for r in runs]
    assert second == "[]", [r.stderr for r in runs]


def test_loading_the_content_loads_no_hash_module(tmp_path):
    """A miss and a hit: the copy is compared whole, so neither loads hashlib (and, with
    it, OpenSSL's digests: about 0.6 MiB of every start's memory, bench figure 5)."""
    code = (
        "import sys; from coach.cli import _load_or_explain; "
        "assert _load_or_explain(None) is not None; "
        "print(sorted(m for m in ('hashlib', '_hashlib', '_blake2') if m in sys.modules))"
    )
    env = {**os.environ, "CALF_COACH_CACHE": str(tmp_path)}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert run.stdout.strip() == "[]", run.stderr
    assert len(list(tmp_path.glob(PATTERN))) == 1


def test_a_cache_folder_others_can_write_to_is_not_trusted(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    cache.load(CONTENT, shared)
    shared.chmod(0o777)
    read = []
    real = model.load
    monkeypatch.setattr(model, "load", lambda folder: read.append(folder) or real(folder))
    assert cache.load(CONTENT, shared)[0] == real(CONTENT)
    assert read == [CONTENT]


def test_no_home_for_the_cache_still_loads(monkeypatch):
    def homeless(*_a, **_k):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache, "cache_dir", homeless)
    assert cache.load(CONTENT)[0] == model.load(CONTENT)
