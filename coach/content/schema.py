"""Field-by-field checks for content files, each reporting file, line and field.

Kept apart from the content model so the model reads as a list of what the coach
knows, and these helpers as the rules a content author must follow.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from coach.content.yamlfile import ContentError, Map, Seq, read_yaml

_ID = re.compile(r"[a-z][a-z0-9-]*")
T = TypeVar("T")


class Doc:
    """One parsed file plus helpers that report problems against it."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.top = read_yaml(path)
        if not isinstance(self.top, Map):
            raise ContentError(self.path, 1, "", "the file must be a mapping of fields")

    def error(self, container: Any, key: Any, field: str, message: str) -> ContentError:
        line = getattr(container, "line", None)
        if isinstance(container, Map) and key in container.key_lines:
            line = container.key_lines[key]
        elif isinstance(container, Seq) and isinstance(key, int) and key < len(container):
            line = container.item_lines[key]
        return ContentError(self.path, line, field, message)

    def fields(self, m: Any, where: str, required: set[str], optional: frozenset = frozenset()):
        if not isinstance(m, Map):
            raise ContentError(self.path, getattr(m, "line", None), where, "expected a mapping")
        allowed = required | optional
        for key in m:
            if key not in allowed:
                import difflib  # stdlib; only for a mistake's hint

                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise self.error(m, key, _join(where, key), f"unknown field{extra}")
        for key in sorted(required - set(m)):
            raise self.error(m, None, _join(where, key), "missing field")
        return m

    def text(self, m: Map, key: str, where: str) -> str:
        value = m[key]
        if not isinstance(value, str) or not value.strip():
            got = "nothing" if value in (None, "") else f"{value!r}"
            raise self.error(
                m, key, _join(where, key), f"expected text, got {got} (quote words like no/yes)"
            )
        return " ".join(value.split())

    def ident(self, m: Map, key: str, where: str) -> str:
        value = self.text(m, key, where)
        if not _ID.fullmatch(value):
            raise self.error(m, key, _join(where, key), f"{value!r} is not a lower-case id")
        return value

    def flag(self, m: Map, key: str, where: str) -> bool:
        value = m[key]
        if not isinstance(value, bool):
            raise self.error(m, key, _join(where, key), f"expected true or false, got {value!r}")
        return value

    def placeholders(self, m: Map, key: str, where: str, text: str, allowed: set[str]) -> None:
        """Refuse any `{name}` in `text` that is not one of `allowed` (a typo would show)."""
        for found in re.findall(r"\{[^{}]*\}", text):
            if found not in allowed:
                known = ", ".join(sorted(allowed)) or "none"
                raise self.error(
                    m, key, _join(where, key), f"unknown placeholder {found} (allowed: {known})"
                )

    def seconds(self, m: Map, key: str, where: str, low: int, high: int) -> int:
        value = m[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(m, key, _join(where, key), f"expected whole seconds, got {value!r}")
        if not low <= value <= high:
            raise self.error(m, key, _join(where, key), f"{value} is outside {low}..{high} seconds")
        return value

    def seq(self, m: Map, key: str, where: str) -> Seq:
        value = m[key]
        if not isinstance(value, Seq) or not value:
            raise self.error(m, key, _join(where, key), "expected a non-empty list")
        return value

    def texts(self, m: Map, key: str) -> list[str]:
        items = self.seq(m, key, "")
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise self.error(items, i, f"{key}[{i}]", "expected text")
            out.append(" ".join(item.split()))
        return out

    def unique(self, items: Seq, i: int, where: str, value: str, seen: set[str]) -> None:
        if value in seen:
            raise self.error(items, i, where + ".id", f"duplicate id {value!r}")
        seen.add(value)

    def level(self, m: Map, where: str, evidence: Mapping[str, object]) -> str:
        value = self.text(m, "evidence", where)
        if value not in evidence:
            raise self.error(
                m,
                "evidence",
                _join(where, "evidence"),
                f"unknown evidence level {value!r} (one of: {', '.join(evidence)})",
            )
        return value

    def each(
        self,
        container: Map,
        key: str,
        where: str,
        fields: set[str],
        build: Callable[[Map, str], T],
        ident: Callable[[T], str] = lambda x: x.id,  # type: ignore[attr-defined]
        optional: frozenset = frozenset(),
    ) -> list[T]:
        """Check and build every item of a list, refusing duplicate ids."""
        items = self.seq(container, key, where)
        out: list[T] = []
        seen: set[str] = set()
        for i, item in enumerate(items):
            sub = f"{_join(where, key)}[{i}]"
            self.fields(item, sub, fields, optional)
            built = build(item, sub)
            self.unique(items, i, sub, ident(built), seen)
            out.append(built)
        return out


def hint(value: str, known: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for a near miss, else nothing."""
    import difflib  # stdlib; only for a mistake's hint

    found = difflib.get_close_matches(value, sorted(known), n=1)
    return f" (did you mean {found[0]!r}?)" if found else ""


def _join(where: str, key: Any) -> str:
    if key is None:
        return where
    return f"{where}.{key}" if where else str(key)
