"""Strict YAML reading for content files.

PyYAML's safe loader still accepts things that hurt a content author: duplicate
keys silently keep the last value, `1:30` becomes 90, `no` becomes False, and
aliases can expand without limit. We compose the node tree with the (C) safe
loader and build plain values ourselves, so every value keeps its line number and
every surprise becomes a clear `ContentError` instead of a wrong value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # PyYAML loads only when a file is read: a cached start needs none
    import yaml

MAX_BYTES = 512 * 1024
"""Content files are a few KB; anything this large is a mistake or an attack."""

_PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_TAG = "tag:yaml.org,2002:"


class ContentError(Exception):
    """One problem in one content file, worded for the person who edits it.

    A plain class, not a dataclass: the printing commands import this module, and
    dataclasses (with inspect) costs them about 5 ms.
    """

    def __init__(self, path: str, line: int | None, field: str, message: str) -> None:
        super().__init__(path, line, field, message)
        self.path, self.line, self.field, self.message = path, line, field, message

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ContentError) and self.args == other.args

    __hash__ = Exception.__hash__

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class Map(dict):
    """A mapping that remembers the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class Seq(list):
    """A list that remembers the line of each item."""

    line: int = 0
    item_lines: list[int]


def read_yaml(path: Path) -> Any:
    """Read one content file into plain values carrying line numbers."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ContentError(
                name, None, "", f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(name, None, "", f"cannot read the file ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            name, line, "", f"not UTF-8 text (bad byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ) from None
    if not text.strip():
        raise ContentError(name, 1, "", "the file is empty")
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(name, line, "", f"YAML syntax error: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ContentError(name, None, "", f"YAML error: {exc}") from None
    if node is None:
        raise ContentError(name, 1, "", "the file has no content")
    return _Builder(name).build(node, "")


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, field: str, message: str) -> ContentError:
        return ContentError(self.path, node.start_mark.line + 1, field, message)

    def build(self, node: yaml.Node, field: str) -> Any:
        import yaml  # already loaded by read_yaml(); this only binds the name

        if id(node) in self.seen:
            raise self.fail(node, field, "aliases (& and *) are not allowed in content files")
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._map(node, field)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise self.fail(node, field, f"the tag {node.tag} is not allowed")
            out = Seq()
            out.line = node.start_mark.line + 1
            out.item_lines = []
            for i, item in enumerate(node.value):
                out.append(self.build(item, f"{field}[{i}]"))
                out.item_lines.append(item.start_mark.line + 1)
            return out
        return self._scalar(node, field)

    def _map(self, node: yaml.MappingNode, field: str) -> Map:
        import yaml

        if node.tag != _TAG + "map":
            raise self.fail(node, field, f"the tag {node.tag} is not allowed")
        out = Map()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                raise self.fail(key_node, field, "keys must be plain words")
            key = key_node.value
            if key == "<<":
                raise self.fail(key_node, field, "merge keys (<<) are not allowed")
            sub = f"{field}.{key}" if field else key
            if key in out:
                first = out.key_lines[key]
                raise self.fail(key_node, sub, f"duplicate key (first given on line {first})")
            out.key_lines[key] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, sub)
        return out

    def _scalar(self, node: yaml.ScalarNode, field: str) -> Any:
        tag, value = node.tag, node.value
        if tag == _TAG + "str":
            return value
        if tag == _TAG + "int":
            if not _PLAIN_INT.fullmatch(value.replace("_", "")):
                raise self.fail(
                    node, field, f"write {value!r} as whole seconds or a plain number (e.g. 90)"
                )
            return int(value.replace("_", ""))
        if tag == _TAG + "bool":
            return value.lower() in ("yes", "true", "on", "y")
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "float":
            try:
                return float(value)
            except ValueError:
                raise self.fail(node, field, f"{value!r} is not a number") from None
        raise self.fail(node, field, f"the tag {tag} is not allowed in content files")
