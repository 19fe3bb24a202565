"""Strict YAML reading for content files.

PyYAML's safe loader still accepts things that hurt a content author: duplicate
keys silently keep the last value, `1:30` becomes 90, `no` becomes False, and
aliases can expand without limit. We read the (C) safe loader's events and build
plain values ourselves, so every value keeps its line number and every surprise
becomes a clear `ContentError` instead of a wrong value.
"""

from __future__ import annotations

import os
import re
from typing import Any

from coach.content.ranges import CONTROL

MAX_BYTES = 512 * 1024
"""Content files are a few KB; anything this large is a mistake or an attack."""

_PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_TAG = "tag:yaml.org,2002:"
_NO_ALIASES = "aliases (& and *) are not allowed in content files"


class ContentError(Exception):
    """One problem in one content file, worded for the person who edits it.

    An exception, so not a dataclass: a dataclass's `__init__` skips
    `Exception.__init__` (so `args` is empty and a copy sent between processes cannot
    be rebuilt), its `__eq__` makes the exception unhashable, and frozen it breaks
    the `__traceback__` that `raise` and contextlib set. Two raises of the same
    problem are two events; they compare by identity, as exceptions do.
    """

    def __init__(self, path: str, line: int | None, field: str, message: str) -> None:
        super().__init__(path, line, field, message)
        self.path, self.line, self.field, self.message = path, line, field, message

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


def read_yaml(path: str | os.PathLike[str]) -> Any:
    """Read one content file into plain values carrying line numbers."""
    name = os.fspath(path)
    try:
        size = os.stat(name).st_size
        if size > MAX_BYTES:
            raise ContentError(
                name, None, "", f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})"
            )
        with open(name, "rb") as file:
            raw = file.read()
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
    import yaml  # the store seam: PyYAML loads on a content-cache miss only

    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        return _Reader(name, parser).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(name, line, "", f"YAML syntax error: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ContentError(name, None, "", f"YAML error: {exc}") from None
    finally:
        parser.dispose()


class _Reader:
    """Builds values straight from the parser's events, in one pass.

    Composing PyYAML's node tree first, then walking it, cost twice the objects and a
    call into PyYAML's Python resolver for every node: about a third of check-content's
    parsing time. Tags are resolved here exactly as PyYAML's safe loader resolves them.
    """

    def __init__(self, path: str, parser: Any) -> None:
        import yaml  # the store seam: PyYAML loads on a content-cache miss only

        self.path = path
        self.events = yaml.events
        self.next_event = parser.get_event
        self.implicit = type(parser).yaml_implicit_resolvers
        self.resolvers: dict[str, tuple] = {}
        """The implicit resolvers to try for a plain scalar, by its first character
        (PyYAML's own Resolver keys them the same way)."""

    def fail(self, event: Any, field: str, message: str) -> ContentError:
        return ContentError(self.path, event.start_mark.line + 1, field, message)

    def document(self) -> Any:
        """The stream's one document; ContentError if it has none or more than one."""
        self.next_event()  # the stream's start
        if isinstance(self.next_event(), self.events.StreamEndEvent):
            raise ContentError(self.path, 1, "", "the file has no content")
        value = self.value(self.next_event(), "")
        self.next_event()  # the document's end
        after = self.next_event()
        if not isinstance(after, self.events.StreamEndEvent):
            raise self.fail(after, "", "YAML syntax error: but found another document")
        return value

    def value(self, event: Any, field: str) -> Any:
        kind = type(event)
        if kind is self.events.ScalarEvent:
            return self._scalar(event, field)
        if kind is self.events.MappingStartEvent:
            return self._map(event, field)
        if kind is self.events.SequenceStartEvent:
            return self._seq(event, field)
        raise self.fail(event, field, _NO_ALIASES)

    def _seq(self, event: Any, field: str) -> Seq:
        if event.tag not in (None, "!", _TAG + "seq"):
            raise self.fail(event, field, f"the tag {event.tag} is not allowed")
        out = Seq()
        out.line = event.start_mark.line + 1
        out.item_lines = []
        item = self.next_event()
        while type(item) is not self.events.SequenceEndEvent:
            out.item_lines.append(item.start_mark.line + 1)
            out.append(self.value(item, f"{field}[{len(out)}]"))
            item = self.next_event()
        return out

    def _map(self, event: Any, field: str) -> Map:
        if event.tag not in (None, "!", _TAG + "map"):
            raise self.fail(event, field, f"the tag {event.tag} is not allowed")
        out = Map()
        out.line = event.start_mark.line + 1
        out.key_lines = {}
        key_event = self.next_event()
        while type(key_event) is not self.events.MappingEndEvent:
            if type(key_event) is self.events.AliasEvent:
                raise self.fail(key_event, field, _NO_ALIASES)
            if (
                type(key_event) is not self.events.ScalarEvent
                or self._tag(key_event) != _TAG + "str"
            ):
                raise self.fail(key_event, field, "keys must be plain words")
            key = key_event.value
            self._no_control(key_event, field, key)
            if key == "<<":
                raise self.fail(key_event, field, "merge keys (<<) are not allowed")
            sub = f"{field}.{key}" if field else key
            if key in out.key_lines:
                first = out.key_lines[key]
                raise self.fail(key_event, sub, f"duplicate key (first given on line {first})")
            out.key_lines[key] = key_event.start_mark.line + 1
            out[key] = self.value(self.next_event(), sub)
            key_event = self.next_event()
        return out

    def _no_control(self, event: Any, field: str, value: str) -> None:
        found = CONTROL.search(value)
        if found is not None:
            char = found.group()
            raise self.fail(
                event,
                field,
                f"control character U+{ord(char):04X} at character {found.start() + 1} is not "
                "allowed (a terminal would act on it)",
            )

    def _tag(self, event: Any) -> str:
        """The scalar's tag, resolved as PyYAML's Resolver.resolve does for a scalar."""
        tag = event.tag
        if tag is not None and tag != "!":
            return tag
        if event.implicit[0]:
            value = event.value
            first = value[:1]
            resolvers = self.resolvers.get(first)
            if resolvers is None:
                resolvers = (*self.implicit.get(first, ()), *self.implicit.get(None, ()))
                self.resolvers[first] = resolvers
            for tag, pattern in resolvers:
                if pattern.match(value):
                    return tag
        return _TAG + "str"

    def _scalar(self, event: Any, field: str) -> Any:
        tag, value = self._tag(event), event.value
        if tag == _TAG + "str":
            self._no_control(event, field, value)
            return value
        if tag == _TAG + "int":
            if not _PLAIN_INT.fullmatch(value.replace("_", "")):
                raise self.fail(
                    event, field, f"write {value!r} as whole seconds or a plain number (e.g. 90)"
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
                raise self.fail(event, field, f"{value!r} is not a number") from None
        raise self.fail(event, field, f"the tag {tag} is not allowed in content files")
