"""A checked copy of the content, so a start-up can skip PyYAML.

Importing PyYAML and reading the YAML was most of the gap between Calf Coach and a
bare Textual app at start-up (bench figure 1). Once a folder has loaded and passed every
check, its records are saved as JSON (data only: nothing in it can run), after an
exact copy of what they were made from: the bytes of every content file and of the
loader's own source, and the versions. A start uses the records only if those bytes
are the same as its own, byte for byte, so no edit can ever be taken for another. Any
edit to either is a miss and a normal, fully checked load; so is a cache file that
cannot be read or parsed, or whose values do not have the records' types, or that is a
link, or sits in a folder that is not the user's own. The cache is never the only copy
of anything, and is written only where it would be read.

A file: the length of the copy (ASCII digits and a newline), the copy, the JSON.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import zlib
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any, get_args, get_origin

from coach import __version__
from coach.content import model
from coach.content.ranges import numbers_problem, text_problem
from coach.content.yamlfile import ContentError
from coach.store.locations import folder_problem

__all__ = ["ContentError", "cache_dir", "cache_file", "language_folder", "load"]

FORMAT = 2
CACHE_ENV = "CALF_COACH_CACHE"
"""Overrides where the cache lives (tests; people who keep caches elsewhere)."""
_LOADER_SOURCES = (
    "content/load.py",
    "content/model.py",
    "content/load_links.py",
    "content/load_advice.py",
    "content/schema.py",
    "content/ranges.py",
    "content/yamlfile.py",
    "store/content_cache.py",
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
    import platformdirs  # third-party; not on Linux

    return Path(platformdirs.user_cache_dir("calf-coach"))


def language_folder(directory: str | os.PathLike[str] | None, lang: str) -> str:
    """The folder of the content in `lang`: `directory` (or the shipped content) for
    English, its subfolder named after the language for a translation."""
    root = os.fspath(directory) if directory else model.default_dir()
    return os.path.join(root, lang) if lang != "en" else root


def load(
    folder: str | os.PathLike[str], where: Path | None = None
) -> tuple[model.Content, dict[str, str]]:
    """Content and interface strings of `folder`, checked; from the cache when unchanged.

    Raises ContentError exactly as `coach.content.load.load` does: a folder with a problem
    is never cached, so it is read, and reported, every time. A hit imports none of
    the checkers (coach.content.load and the modules it reads YAML with).
    """
    folder = Path(folder)
    try:
        made_from = _sources(folder)
        path = cache_file(folder, where)
    except (OSError, RuntimeError):  # no home directory, a symlink loop: load as usual
        made_from = None
    if made_from is not None:
        found = _read(path, made_from)
        if found is not None:
            return found
    # The store seam: the YAML checkers load on a miss only.
    from coach.content import load as loaders

    content = loaders.load(folder)
    ui = loaders.load_ui(folder)
    if made_from is not None:
        _write(path, made_from, content, ui)
    return content, ui


def cache_file(folder: Path, where: Path | None = None) -> Path:
    """Where the checked copy of this content folder is kept: one file per folder. Two
    folders whose paths share a name only take turns in it: each finds the other's
    copy different from its own files, a miss."""
    name = zlib.crc32(bytes(folder.resolve()))
    return (where or cache_dir()) / f"content-{name:08x}.cache"


def _sources(folder: Path) -> bytes | None:
    """Everything the checked result depends on, as bytes; None if a file is missing.
    Compared whole, not hashed: a wrong hit could show emergency numbers the content
    no longer has."""
    parts = [f"{FORMAT} {__version__} {sys.version}\n".encode()]
    here = Path(__file__).parent.parent  # coach/
    files = [(name, here / name) for name in _LOADER_SOURCES]
    files += [(name, folder / name) for name in (*model.FILES, "ui.yaml")]
    try:
        for name, file in files:  # bytes, not dates: a copy can keep a file's date
            if name == "ui.yaml" and not file.exists():
                continue
            data = file.read_bytes()
            parts += (f"{name} {len(data)}\n".encode(), data)
    except OSError:
        return None  # let the normal load say what is wrong
    return b"".join(parts)


def _head(made_from: bytes) -> bytes:
    """What a cache file made from these bytes starts with, ahead of its JSON."""
    return b"%d\n%s" % (len(made_from), made_from)


MAX_BYTES = 8 * 1024 * 1024
"""The shipped content caches to under 250 KB (the JSON and the copy of what it was made
from); a file past this is not ours to parse."""


def _read(path: Path, made_from: bytes) -> tuple[model.Content, dict[str, str]] | None:
    """The cached content, or None (a miss) if anything about the file is not as we wrote it.

    Only a regular file, not a link, owned by this user, in a folder that is theirs and
    that no one else can write to; then every value is checked against the records'
    field types as they are rebuilt; and only if it was made from exactly `made_from`.
    Any exception at all is a miss: the cache is never the only copy, and a start must
    not fail because of it.
    """
    try:
        if folder_problem(path.parent, create=False):
            return None  # another user's folder, or one others can write to
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as fp:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                return None
            data = fp.read(MAX_BYTES + 1)
        head = _head(made_from)
        if len(data) > MAX_BYTES or not data.startswith(head):
            return None
        saved = json.loads(data[len(head) :])
        if not isinstance(saved, dict):
            return None
        content = _build(saved["content"], "Content")
        ui = _build(saved["ui"], "dict[str, str]")
        # The YAML's own rules, for values that never went through its checkers here.
        if numbers_problem(content) or text_problem(content) or text_problem(ui):
            return None
        return content, ui
    except Exception:  # any failure to decode is only a miss
        return None


def _write(path: Path, made_from: bytes, content: model.Content, ui: dict[str, str]) -> None:
    """Never where _read would not read, never through a link: the file is made afresh
    (exclusively, 0600) under a new name, then renamed into place."""
    temp = None
    try:
        data = json.dumps({"content": _encode(content), "ui": ui}, ensure_ascii=False)
        if folder_problem(path.parent, create=True):
            return
        import tempfile  # the store seam: atomic writes only; off the first frame

        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fp:
            fp.write(_head(made_from))
            fp.write(data.encode("utf-8"))
        os.replace(temp, path)
        temp = None
        prune(path.parent, keep=path)
    except (OSError, TypeError, ValueError):
        pass  # a cache that cannot be written only costs the next start a full load
    finally:
        if temp is not None:
            with suppress(OSError):
                os.unlink(temp)


OWN = (("", ""), (".", ".*.tmp"))
"""A cache file's name, and a temporary one's (`.content-X.cache.RANDOM.tmp`), around it."""
PRUNE_AFTER = 60 * 86400
"""Seconds unchanged after which another folder's cache file is removed (a moved
checkout, an old install, a content folder tried once): a miss costs one full load."""


def prune(folder: Path, keep: Path, now: float | None = None) -> list[Path]:
    """Remove this cache's own files in `folder` untouched for PRUNE_AFTER, and temporary
    files left by a write that was killed; `keep` stays. The files removed. The JSON
    files of the first format (`content-*.json`, keyed by a hash) are its own too: an
    older install may still read its own, so they go by the same rule."""
    import time  # the store seam: on a miss only

    limit = (time.time() if now is None else now) - PRUNE_AFTER
    removed = []
    names = [f"{dot}content-*.{kind}{tmp}" for kind in ("cache", "json") for dot, tmp in OWN]
    for entry in (found for name in names for found in folder.glob(name)):
        with suppress(OSError):
            info = entry.lstat()
            if entry != keep and stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                entry.unlink()
                removed.append(entry)
    return removed


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


class _Miss(Exception):
    """The cached value does not have the type the record's field declares."""


def _build(value: Any, spec: str) -> Any:
    """Rebuild `value` as the annotation `spec` of a content field says it must be.

    The specs are the records' own annotations as text (`_spec`), so the check follows
    the model as it changes: str, int, `X | None`,
    bool, `tuple[X, ...]`, `dict[str, X]` and the record classes are all it uses. Nesting is
    as deep as the model's, whatever the file holds.
    """
    if spec == "str":
        if isinstance(value, str):
            return value
    elif spec == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif spec == "bool":
        if isinstance(value, bool):
            return value
    elif spec.endswith(" | None"):
        return None if value is None else _build(value, spec[: -len(" | None")])
    elif spec.startswith("tuple[") and spec.endswith(", ...]"):
        if _is_pair(value) and value[0] == "":
            return tuple(_build(item, spec[6:-6]) for item in value[1])
    elif spec.startswith("dict[str, ") and spec.endswith("]"):
        if isinstance(value, dict):
            inner = spec[10:-1]
            return {k: _build(v, inner) for k, v in value.items()}  # JSON keys are str
    elif spec in _RECORDS:
        kind = _RECORDS[spec]
        if _is_pair(value) and value[0] == spec and len(value[1]) == len(kind._fields):
            specs = _field_specs(kind)
            return kind(*(_build(item, s) for item, s in zip(value[1], specs, strict=True)))
    raise _Miss(spec)


_SPECS: dict[type, list[str]] = {}


def _field_specs(kind: type) -> list[str]:
    """A record's field annotations as text, as `_build` reads them."""
    if kind not in _SPECS:
        notes = kind.__annotations__
        _SPECS[kind] = [_spec(notes[name]) for name in kind._fields]  # type: ignore[attr-defined]
    return _SPECS[kind]


def _spec(note: Any) -> str:
    """`tuple[Step, ...]`, `dict[str, Guide]`, `str | None`, `int`: an annotation as text."""
    origin, args = get_origin(note), get_args(note)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{_spec(args[0])}, ...]"
    if origin is dict and len(args) == 2 and args[0] is str:
        return f"dict[str, {_spec(args[1])}]"
    if origin is not None and len(args) == 2 and args[1] is type(None):  # X | None
        return f"{_spec(args[0])} | None"
    if origin is None and isinstance(note, type):
        return note.__name__
    raise TypeError(f"the content cache cannot check {note!r}")


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], list)
    )
