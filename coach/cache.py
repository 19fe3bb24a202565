"""A checked copy of the content, so a start-up can skip PyYAML.

Importing PyYAML and reading the YAML is about 20 ms of every start, most of the gap
between Calf Coach and a bare Textual app. Once a folder has loaded and passed every
check, its records are saved as JSON (data only: nothing in it can run) under a key
made from the bytes of every content file and from the loader's own source. Any edit
to either is a miss and a normal, fully checked load; so is a cache file that cannot
be read or parsed. The cache is never the only copy of anything.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from coach import __version__
from coach import content as model

try:  # the C module behind hashlib.blake2b; hashlib itself loads OpenSSL (2-3 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (CPython builds always have it)
    from hashlib import blake2b

FORMAT = 1
CACHE_ENV = "CALF_COACH_CACHE"
"""Overrides where the cache lives (tests; people who keep caches elsewhere)."""
_LOADER_SOURCES = (
    "content.py",
    "content_model.py",
    "content_links.py",
    "content_advice.py",
    "schema.py",
    "yamlfile.py",
    "cache.py",
)
_RECORDS: dict[str, type] = {
    name: kind
    for name, kind in vars(model).items()
    if isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")
}


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    chosen = env.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform.startswith("linux"):  # platformdirs' own XDG rule, without its import
        base = env.get("XDG_CACHE_HOME", "").strip()
        return Path(base if base.startswith("/") else "~/.cache").expanduser() / "calf-coach"
    import platformdirs

    return Path(platformdirs.user_cache_dir("calf-coach"))


def load(folder: Path, where: Path | None = None) -> tuple[model.Content, dict[str, str]]:
    """Content and interface strings of `folder`, checked; from the cache when unchanged.

    Raises ContentError exactly as `coach.content.load` does: a folder with a problem
    is never cached, so it is read, and reported, every time.
    """
    try:
        key = _key(folder)
        name = blake2b(bytes(folder.resolve()), digest_size=8).hexdigest()
        path = (where or cache_dir()) / f"content-{name}.json"
    except (OSError, RuntimeError):  # no home directory, a symlink loop: load as usual
        key = None
    if key is not None:
        found = _read(path, key)
        if found is not None:
            return found
    content = model.load(folder)
    ui = model.load_ui(folder)
    if key is not None:
        _write(path, key, content, ui)
    return content, ui


def _key(folder: Path) -> str | None:
    """A hash of everything the checked result depends on; None if a file is missing."""
    digest = blake2b(f"{FORMAT} {__version__} {sys.version}".encode())
    here = Path(__file__).parent
    try:
        for name in _LOADER_SOURCES:  # bytes, not dates: a copy can keep a file's date
            digest.update((here / name).read_bytes())
        for name in (*model.FILES, "ui.yaml"):
            file = folder / name
            if name == "ui.yaml" and not file.exists():
                continue
            data = file.read_bytes()
            digest.update(f"{name} {len(data)}\n".encode())
            digest.update(data)
    except OSError:
        return None  # let the normal load say what is wrong
    return digest.hexdigest()


def _read(path: Path, key: str) -> tuple[model.Content, dict[str, str]] | None:
    try:
        folder = path.parent.stat()
        if folder.st_uid != os.getuid() or folder.st_mode & 0o022:
            return None  # a folder others can write to is not trusted with content
        saved = json.loads(path.read_bytes())
        if saved["key"] != key:
            return None
        content = _decode(saved["content"])
        ui = saved["ui"]
        if not isinstance(content, model.Content) or not isinstance(ui, dict):
            return None
        return content, ui
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def _write(path: Path, key: str, content: model.Content, ui: dict[str, str]) -> None:
    try:
        data = json.dumps({"key": key, "content": _encode(content), "ui": ui}, ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temp.write_text(data, encoding="utf-8")
        os.replace(temp, path)
    except (OSError, TypeError, ValueError):
        pass  # a cache that cannot be written only costs the next start 20 ms


def _encode(value: Any) -> Any:
    """Records become [name, fields], plain tuples ["", items]; JSON has no tuples."""
    if isinstance(value, tuple):
        name = type(value).__name__ if hasattr(value, "_fields") else ""
        if name and _RECORDS.get(name) is not type(value):
            raise TypeError(f"not a content record: {name}")
        return [name, [_encode(v) for v in value]]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int)):  # bool too (Position.night_safe)
        return value
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        name, items = value
        fields = [_decode(v) for v in items]
        return _RECORDS[name](*fields) if name else tuple(fields)
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    return value
