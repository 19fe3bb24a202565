"""Content that points outside itself: sources, red flags with their regions' numbers,
and the interface strings. Split from `coach.content.load`, which re-exports `load_ui`.

Every `source` in the content is a list of ids from `sources.yaml`; each record keeps
the ids (`source_ids`) and, for the screens, the sources' short names joined with
"; " (`source`). Every source says what `kind` of page it is, and every evidence level
which kinds can carry it (`backed_by` in `evidence.yaml`), so a tip labelled "Some
evidence" that cites only a health service's advice is refused, not shown. Every
urgent and emergency red flag opens with a `do` line naming a number placeholder,
filled from the person's region by `Content.red_flag_lead`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from coach.content.model import ACTIONS, NUMBER_PLACEHOLDERS, Evidence, RedFlag, Region, Source
from coach.content.schema import Doc, hint
from coach.content.yamlfile import Map, Seq

_COUNTRY = re.compile(r"[A-Z]{2}")

SOURCE_KINDS = {
    "trial": "a trial",
    "review": "a review",
    "study": "a study",
    "guidance": "guidance",
    "service": "a service page",
}
"""What a source can be (`kind` in sources.yaml): a randomised trial, a systematic
review, an observational study or survey, the advice of a health service or
professional body, or an official page that gives a phone number."""


class Refs:
    """Resolves `source: [id, ...]` fields against sources.yaml, and holds each
    evidence level to the kinds of source that can carry it."""

    def __init__(
        self,
        sources: tuple[Source, ...],
        kinds: Mapping[str, str],
        backing: Mapping[str, frozenset[str]],
    ) -> None:
        self.by_id = {s.id: s for s in sources}
        self.kinds = kinds
        """Source id → kind ("trial", "guidance", ...)."""
        self.backing = backing
        """Evidence level id → the kinds of source that can carry it."""

    def one(self, doc: Doc, m: Map, key: str, where: str) -> str:
        value = doc.ident(m, key, where)
        if value not in self.by_id:
            raise doc.error(m, key, f"{where}.{key}".lstrip("."), self._unknown(value))
        return value

    def read(self, doc: Doc, m: Map, where: str) -> tuple[str, tuple[str, ...]]:
        """(short names for display, ids) of a `source` list."""
        field = f"{where}.source".lstrip(".")
        ids = m["source"]
        if not isinstance(ids, Seq) or not ids or not all(isinstance(i, str) for i in ids):
            raise doc.error(m, "source", field, "expected a list of source ids from sources.yaml")
        for i in ids:
            if i not in self.by_id:
                raise doc.error(m, "source", field, self._unknown(i))
        names: list[str] = []
        for i in ids:
            if self.by_id[i].short not in names:
                names.append(self.by_id[i].short)
        wide = any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name)
        return ("\uff1b" if wide else "; ").join(names), tuple(ids)

    def graded(
        self, doc: Doc, m: Map, where: str, evidence: Mapping[str, Evidence]
    ) -> tuple[str, str, tuple[str, ...]]:
        """(evidence level, source names, source ids) of an item with an evidence
        label, refusing a label that none of its sources can carry: "Some evidence"
        needs a cited trial or review, "Expert advice" a health service's guidance."""
        names, ids = self.read(doc, m, where)
        level = doc.level(m, where, evidence)
        wanted = self.backing[level]
        if not any(self.kinds[i] in wanted for i in ids):
            cited = "; ".join(f"{i} is {SOURCE_KINDS[self.kinds[i]]}" for i in ids)
            needs = " or ".join(SOURCE_KINDS[k] for k in SOURCE_KINDS if k in wanted)
            raise doc.error(
                m,
                "evidence",
                f"{where}.evidence".lstrip("."),
                f"{evidence[level].label!r} needs a cited source that is {needs} "
                f"(evidence.yaml backed_by); {cited}",
            )
        return level, names, ids

    def _unknown(self, value: str) -> str:
        return f"unknown source {value!r}{hint(value, self.by_id)} (add it to sources.yaml)"


def sources(doc: Doc) -> tuple[tuple[Source, ...], dict[str, str]]:
    """The sources, and each one's kind by id."""
    doc.fields(doc.top, "", {"sources"})
    kinds: dict[str, str] = {}

    def source(m: Map, where: str) -> Source:
        url = doc.text(m, "url", where)
        if not url.startswith("https://"):
            raise doc.error(m, "url", where + ".url", "addresses must start with https://")
        sid = doc.ident(m, "id", where)
        kinds[sid] = kind_of(doc, m, "kind", where)
        return Source(sid, doc.text(m, "name", where), url, doc.text(m, "short", where))

    fields = {"id", "name", "url", "short", "kind"}
    return tuple(doc.each(doc.top, "sources", "", fields, source)), kinds


def kind_of(doc: Doc, m: Map, key: str, where: str, value: object = None) -> str:
    """One of SOURCE_KINDS, from `m[key]` (or `value`, an item of a list there)."""
    found = m[key] if value is None else value
    if not isinstance(found, str) or found not in SOURCE_KINDS:
        raise doc.error(
            m,
            key,
            f"{where}.{key}".lstrip("."),
            f"unknown kind of source {found!r}{hint(str(found), SOURCE_KINDS)} "
            f"(one of: {', '.join(SOURCE_KINDS)})",
        )
    return found


def red_flags(doc: Doc, refs: Refs) -> tuple[tuple[RedFlag, ...], dict[str, Region]]:
    doc.fields(doc.top, "", {"flags", "regions"})

    def flag(m: Map, where: str) -> RedFlag:
        action = doc.text(m, "action", where)
        if action not in ACTIONS:
            raise doc.error(
                m, "action", where + ".action", "action must be emergency, urgent or doctor"
            )
        do = doc.text(m, "do", where)
        doc.placeholders(m, "do", where, do, set(NUMBER_PLACEHOLDERS))
        if action != "doctor" and not any(p in do for p in NUMBER_PLACEHOLDERS):
            raise doc.error(
                m, "do", where + ".do", f"an {action} flag must name {{emergency}} or {{urgent}}"
            )
        names, ids = refs.read(doc, m, where)
        return RedFlag(
            doc.ident(m, "id", where),
            doc.text(m, "title", where),
            doc.text(m, "text", where),
            action,
            names,
            do,
            ids,
        )

    seen: dict[str, str] = {}

    def region(m: Map, where: str) -> Region:
        countries = m["countries"]
        if not isinstance(countries, Seq) or not all(
            isinstance(c, str) and _COUNTRY.fullmatch(c) for c in countries
        ):
            raise doc.error(
                m,
                "countries",
                where + ".countries",
                'expected a list of codes like [GB] ("NO" quoted)',
            )
        rid = doc.ident(m, "id", where)
        for c in countries:
            if c in seen:
                raise doc.error(
                    m, "countries", where + ".countries", f"{c} is already in {seen[c]!r}"
                )
            seen[c] = rid
        return Region(
            rid,
            doc.text(m, "name", where),
            tuple(countries),
            doc.text(m, "emergency", where),
            doc.text(m, "urgent", where),
            refs.one(doc, m, "emergency_source", where),
            refs.one(doc, m, "urgent_source", where),
        )

    fields = {"id", "title", "do", "text", "action", "source"}
    flags = doc.each(doc.top, "flags", "", fields, flag)
    fields = {"id", "name", "countries", "emergency", "urgent", "emergency_source", "urgent_source"}
    regions = {r.id: r for r in doc.each(doc.top, "regions", "", fields, region)}
    if "default" not in regions:
        raise doc.error(
            doc.top["regions"], None, "regions", "a region with id 'default' is required"
        )
    return tuple(flags), regions


def load_ui(directory: str | os.PathLike[str]) -> dict[str, str]:
    """A translation table (`ui.yaml`): English text → translated text.

    Placeholders such as `{time}` must match, or a screen would crash at run time.
    """
    path = os.path.join(directory, "ui.yaml")
    if not os.path.exists(path):
        return {}
    doc = Doc(path)
    doc.fields(doc.top, "", {"strings"})
    table = doc.top["strings"]
    if not isinstance(table, Map):
        raise doc.error(doc.top, "strings", "strings", "expected a mapping of text to text")
    out: dict[str, str] = {}
    for english, translated in table.items():
        if not isinstance(translated, str) or not translated.strip():
            raise doc.error(table, english, f"strings.{english}", "expected translated text")
        if set(_PLACEHOLDER.findall(english)) != set(_PLACEHOLDER.findall(translated)):
            raise doc.error(
                table,
                english,
                f"strings.{english}",
                "placeholders like {time} must match the English text",
            )
        out[english] = translated
    return out


_PLACEHOLDER = re.compile(r"\{(\w+)\}")
