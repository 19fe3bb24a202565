"""The content cache's files as the tests read and damage them: the JSON part of a file
(coach/store/content_cache.py: the length of the copy of what it was made from, a newline,
the copy, then the JSON), read and rewritten in place, the copy kept as it was."""

from __future__ import annotations

import json
from pathlib import Path

PATTERN = "content-*.cache"


def saved_file(folder: Path) -> Path:
    """The one cache file in `folder`."""
    (saved,) = folder.glob(PATTERN)
    return saved


def split(saved: Path) -> tuple[bytes, bytes]:
    """The file's head (the length line and the copy) and its JSON, as bytes."""
    data = saved.read_bytes()
    length = data[: data.index(b"\n")]
    head = len(length) + 1 + int(length)
    return data[:head], data[head:]


def read_json(saved: Path) -> dict:
    return json.loads(split(saved)[1])


def write_json(saved: Path, data: dict | str) -> None:
    """Replace the JSON part (a value, or text as it is) and keep the head."""
    text = data if isinstance(data, str) else json.dumps(data)
    saved.write_bytes(split(saved)[0] + text.encode("utf-8"))


def made_from(saved: Path) -> bytes:
    """The copy of what the file was made from."""
    head = split(saved)[0]
    return head[head.index(b"\n") + 1 :]
