"""The content model: what the coach says, loaded from YAML and checked on load.

Everything a user reads about cramps lives in `content/*.yaml`, so a clinician can
review and correct it without touching code. Validation happens here, once, so the
screens can trust every field they are given.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.yamlfile import ContentError, Map, Seq, read_yaml

FILES = (
    "evidence.yaml",
    "guides.yaml",
    "causes.yaml",
    "tips.yaml",
    "red_flags.yaml",
    "routine.yaml",
    "sources.yaml",
)
SIDES = ("back", "front")
_ID = re.compile(r"[a-z][a-z0-9-]*")


@dataclass(frozen=True)
class Evidence:
    id: str
    label: str
    meaning: str
    rank: int
    """0 is the strongest; used to put better-supported tips first."""


@dataclass(frozen=True)
class Step:
    at: int
    """Second of a default-length hold at which this step begins."""
    text: str


@dataclass(frozen=True)
class Position:
    id: str
    label: str
    key: str


@dataclass(frozen=True)
class Guide:
    side: str
    label: str
    key: str
    short: str
    feels: str
    evidence: str
    source: str
    steps: dict[str, tuple[Step, ...]]
    """Steps for each position id."""


@dataclass(frozen=True)
class HoldSettings:
    default_seconds: int
    min_seconds: int
    max_seconds: int
    extend_seconds: int
    escalate_after_seconds: int


@dataclass(frozen=True)
class Relief:
    id: str
    text: str
    evidence: str
    source: str


@dataclass(frozen=True)
class Cause:
    id: str
    name: str
    question: str
    explanation: str
    evidence: str
    source: str


@dataclass(frozen=True)
class Tip:
    id: str
    causes: tuple[str, ...]
    """Cause ids this tip answers; empty means it is for everyone."""
    text: str
    evidence: str
    source: str


@dataclass(frozen=True)
class RedFlag:
    id: str
    title: str
    text: str
    action: str
    source: str


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    countries: tuple[str, ...]
    emergency: str
    urgent: str


@dataclass(frozen=True)
class Stretch:
    id: str
    name: str
    text: str


@dataclass(frozen=True)
class RoutineVersion:
    id: str
    label: str
    key: str
    stretches: tuple[Stretch, ...]


@dataclass(frozen=True)
class Routine:
    title: str
    intro: str
    breathe: str
    evidence: str
    source: str
    hold_seconds: int
    repeats: int
    ready_seconds: int
    versions: tuple[RoutineVersion, ...]


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    url: str


@dataclass(frozen=True)
class Content:
    evidence: dict[str, Evidence]
    hold: HoldSettings
    positions: tuple[Position, ...]
    guides: dict[str, Guide]
    not_sure: tuple[str, ...]
    other_relief: tuple[Relief, ...]
    causes: tuple[Cause, ...]
    tips: tuple[Tip, ...]
    red_flags: tuple[RedFlag, ...]
    regions: dict[str, Region]
    routine: Routine
    sources: tuple[Source, ...]

    def cause(self, cause_id: str) -> Cause:
        return next(c for c in self.causes if c.id == cause_id)


def default_dir() -> Path:
    """Content inside an installed wheel, else the source tree's `content/`."""
    here = Path(__file__).resolve().parent
    packaged = here / "_content"
    return packaged if packaged.is_dir() else here.parent / "content"


def load(directory: Path | None = None) -> Content:
    """Load and check every content file; raise ContentError on the first problem."""
    root = Path(directory) if directory is not None else default_dir()
    if not root.is_dir():
        raise ContentError(str(root), None, "", "content folder not found")
    data = {name: _Doc(root / name) for name in FILES}
    evidence = _evidence(data["evidence.yaml"])
    doc = data["guides.yaml"]
    hold = _hold(doc)
    positions = _positions(doc)
    guides = _guides(doc, hold, positions, evidence)
    not_sure = tuple(doc.texts(doc.top, "not_sure"))
    relief = tuple(_relief(doc, evidence))
    causes = _causes(data["causes.yaml"], evidence)
    tips = _tips(data["tips.yaml"], evidence, {c.id for c in causes})
    flags, regions = _red_flags(data["red_flags.yaml"])
    routine = _routine(data["routine.yaml"], evidence)
    sources = _sources(data["sources.yaml"])
    return Content(
        evidence,
        hold,
        positions,
        guides,
        not_sure,
        relief,
        causes,
        tips,
        flags,
        regions,
        routine,
        sources,
    )


class _Doc:
    """One parsed file plus helpers that report problems against it."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
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

    def level(self, m: Map, where: str, evidence: dict[str, Evidence]) -> str:
        value = self.text(m, "evidence", where)
        if value not in evidence:
            raise self.error(
                m,
                "evidence",
                _join(where, "evidence"),
                f"unknown evidence level {value!r} (one of: {', '.join(evidence)})",
            )
        return value


def _join(where: str, key: Any) -> str:
    if key is None:
        return where
    return f"{where}.{key}" if where else str(key)


def _evidence(doc: _Doc) -> dict[str, Evidence]:
    doc.fields(doc.top, "", {"levels"})
    items = doc.seq(doc.top, "levels", "")
    out: dict[str, Evidence] = {}
    for i, item in enumerate(items):
        where = f"levels[{i}]"
        doc.fields(item, where, {"id", "label", "meaning"})
        level = Evidence(
            doc.ident(item, "id", where),
            doc.text(item, "label", where),
            doc.text(item, "meaning", where),
            i,
        )
        doc.unique(items, i, where, level.id, set(out))
        out[level.id] = level
    return out


def _hold(doc: _Doc) -> HoldSettings:
    doc.fields(doc.top, "", {"hold", "positions", "sides", "not_sure", "other_relief"})
    m = doc.fields(
        doc.top["hold"],
        "hold",
        {
            "default_seconds",
            "min_seconds",
            "max_seconds",
            "extend_seconds",
            "escalate_after_seconds",
        },
    )
    get = lambda key: doc.seconds(m, key, "hold", 1, 3600)  # noqa: E731
    hold = HoldSettings(
        *(
            get(k)
            for k in (
                "default_seconds",
                "min_seconds",
                "max_seconds",
                "extend_seconds",
                "escalate_after_seconds",
            )
        )
    )
    if not hold.min_seconds <= hold.default_seconds <= hold.max_seconds:
        raise doc.error(m, "default_seconds", "hold.default_seconds", "must be within min..max")
    return hold


def _positions(doc: _Doc) -> tuple[Position, ...]:
    items = doc.seq(doc.top, "positions", "")
    out: list[Position] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"positions[{i}]"
        doc.fields(item, where, {"id", "label", "key"})
        pos = Position(
            doc.ident(item, "id", where),
            doc.text(item, "label", where),
            doc.text(item, "key", where),
        )
        doc.unique(items, i, where, pos.id, seen)
        out.append(pos)
    return tuple(out)


def _guides(
    doc: _Doc, hold: HoldSettings, positions: tuple[Position, ...], evidence: dict[str, Evidence]
) -> dict[str, Guide]:
    items = doc.seq(doc.top, "sides", "")
    wanted = {p.id for p in positions}
    guides: dict[str, Guide] = {}
    for i, item in enumerate(items):
        where = f"sides[{i}]"
        doc.fields(
            item, where, {"id", "label", "key", "short", "feels", "evidence", "source", "steps"}
        )
        side = doc.text(item, "id", where)
        if side not in SIDES:
            raise doc.error(item, "id", where + ".id", f"side must be one of {', '.join(SIDES)}")
        doc.unique(items, i, where, side, set(guides))
        steps_map = doc.fields(item["steps"], where + ".steps", wanted)
        steps = {pos: _steps(doc, steps_map, pos, f"{where}.steps", hold) for pos in sorted(wanted)}
        guides[side] = Guide(
            side,
            doc.text(item, "label", where),
            doc.text(item, "key", where),
            doc.text(item, "short", where),
            doc.text(item, "feels", where),
            doc.level(item, where, evidence),
            doc.text(item, "source", where),
            steps,
        )
    for side in SIDES:
        if side not in guides:
            raise doc.error(items, None, "sides", f"no guide for the {side} of the calf")
    return guides


def _steps(doc: _Doc, m: Map, pos: str, where: str, hold: HoldSettings) -> tuple[Step, ...]:
    items = doc.seq(m, pos, where)
    out: list[Step] = []
    for i, item in enumerate(items):
        sub = f"{where}.{pos}[{i}]"
        doc.fields(item, sub, {"at", "text"})
        at = doc.seconds(item, "at", sub, 0, 3600)
        if at >= hold.default_seconds:
            raise doc.error(
                item,
                "at",
                sub + ".at",
                f"step starts at {at} s, past the {hold.default_seconds} s hold",
            )
        if (i == 0 and at != 0) or (out and at <= out[-1].at):
            raise doc.error(item, "at", sub + ".at", "steps must start at 0 and go up in time")
        out.append(Step(at, doc.text(item, "text", sub)))
    return tuple(out)


def _relief(doc: _Doc, evidence: dict[str, Evidence]):
    items = doc.seq(doc.top, "other_relief", "")
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"other_relief[{i}]"
        doc.fields(item, where, {"id", "text", "evidence", "source"})
        relief = Relief(
            doc.ident(item, "id", where),
            doc.text(item, "text", where),
            doc.level(item, where, evidence),
            doc.text(item, "source", where),
        )
        doc.unique(items, i, where, relief.id, seen)
        yield relief


def _causes(doc: _Doc, evidence: dict[str, Evidence]) -> tuple[Cause, ...]:
    doc.fields(doc.top, "", {"causes"})
    items = doc.seq(doc.top, "causes", "")
    out: list[Cause] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"causes[{i}]"
        doc.fields(item, where, {"id", "name", "question", "explanation", "evidence", "source"})
        cause = Cause(
            doc.ident(item, "id", where),
            doc.text(item, "name", where),
            doc.text(item, "question", where),
            doc.text(item, "explanation", where),
            doc.level(item, where, evidence),
            doc.text(item, "source", where),
        )
        doc.unique(items, i, where, cause.id, seen)
        out.append(cause)
    return tuple(out)


def _tips(doc: _Doc, evidence: dict[str, Evidence], cause_ids: set[str]) -> tuple[Tip, ...]:
    doc.fields(doc.top, "", {"tips"})
    items = doc.seq(doc.top, "tips", "")
    out: list[Tip] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"tips[{i}]"
        doc.fields(item, where, {"id", "causes", "text", "evidence", "source"})
        causes = item["causes"]
        if not isinstance(causes, Seq) or not all(isinstance(c, str) for c in causes):
            raise doc.error(
                item,
                "causes",
                where + ".causes",
                "expected a list of cause ids ([] means everyone)",
            )
        for c in causes:
            if c not in cause_ids:
                hint = difflib.get_close_matches(c, sorted(cause_ids), n=1)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise doc.error(item, "causes", where + ".causes", f"unknown cause {c!r}{extra}")
        tip = Tip(
            doc.ident(item, "id", where),
            tuple(causes),
            doc.text(item, "text", where),
            doc.level(item, where, evidence),
            doc.text(item, "source", where),
        )
        doc.unique(items, i, where, tip.id, seen)
        out.append(tip)
    return tuple(out)


def _red_flags(doc: _Doc) -> tuple[tuple[RedFlag, ...], dict[str, Region]]:
    doc.fields(doc.top, "", {"flags", "regions"})
    items = doc.seq(doc.top, "flags", "")
    flags: list[RedFlag] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"flags[{i}]"
        doc.fields(item, where, {"id", "title", "text", "action", "source"})
        action = doc.text(item, "action", where)
        if action not in ("emergency", "urgent", "doctor"):
            raise doc.error(
                item, "action", where + ".action", "action must be emergency, urgent or doctor"
            )
        flag = RedFlag(
            doc.ident(item, "id", where),
            doc.text(item, "title", where),
            doc.text(item, "text", where),
            action,
            doc.text(item, "source", where),
        )
        doc.unique(items, i, where, flag.id, seen)
        flags.append(flag)
    regions: dict[str, Region] = {}
    items = doc.seq(doc.top, "regions", "")
    for i, item in enumerate(items):
        where = f"regions[{i}]"
        doc.fields(item, where, {"id", "name", "countries", "emergency", "urgent"})
        countries = item["countries"]
        if not isinstance(countries, Seq) or not all(isinstance(c, str) for c in countries):
            raise doc.error(
                item, "countries", where + ".countries", "expected a list of country codes"
            )
        region = Region(
            doc.ident(item, "id", where),
            doc.text(item, "name", where),
            tuple(countries),
            doc.text(item, "emergency", where),
            doc.text(item, "urgent", where),
        )
        doc.unique(items, i, where, region.id, set(regions))
        regions[region.id] = region
    if "default" not in regions:
        raise doc.error(items, None, "regions", "a region with id 'default' is required")
    return tuple(flags), regions


def _routine(doc: _Doc, evidence: dict[str, Evidence]) -> Routine:
    top = doc.fields(
        doc.top,
        "",
        {
            "title",
            "intro",
            "breathe",
            "evidence",
            "source",
            "hold_seconds",
            "repeats",
            "ready_seconds",
            "versions",
        },
    )
    items = doc.seq(top, "versions", "")
    versions: list[RoutineVersion] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"versions[{i}]"
        doc.fields(item, where, {"id", "label", "key", "stretches"})
        stretches = doc.seq(item, "stretches", where)
        found: list[Stretch] = []
        for j, sub in enumerate(stretches):
            w = f"{where}.stretches[{j}]"
            doc.fields(sub, w, {"id", "name", "text"})
            found.append(
                Stretch(doc.ident(sub, "id", w), doc.text(sub, "name", w), doc.text(sub, "text", w))
            )
        version = RoutineVersion(
            doc.ident(item, "id", where),
            doc.text(item, "label", where),
            doc.text(item, "key", where),
            tuple(found),
        )
        doc.unique(items, i, where, version.id, seen)
        versions.append(version)
    return Routine(
        doc.text(top, "title", ""),
        doc.text(top, "intro", ""),
        doc.text(top, "breathe", ""),
        doc.level(top, "", evidence),
        doc.text(top, "source", ""),
        doc.seconds(top, "hold_seconds", "", 1, 120),
        doc.seconds(top, "repeats", "", 1, 10),
        doc.seconds(top, "ready_seconds", "", 0, 60),
        tuple(versions),
    )


def _sources(doc: _Doc) -> tuple[Source, ...]:
    doc.fields(doc.top, "", {"sources"})
    items = doc.seq(doc.top, "sources", "")
    out: list[Source] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"sources[{i}]"
        doc.fields(item, where, {"id", "name", "url"})
        url = doc.text(item, "url", where)
        if not url.startswith("https://"):
            raise doc.error(item, "url", where + ".url", "addresses must start with https://")
        source = Source(doc.ident(item, "id", where), doc.text(item, "name", where), url)
        doc.unique(items, i, where, source.id, seen)
        out.append(source)
    return tuple(out)


def load_ui(directory: Path) -> dict[str, str]:
    """A translation table (`ui.yaml`): English text → translated text.

    Placeholders such as `{time}` must match, or a screen would crash at run time.
    """
    path = directory / "ui.yaml"
    if not path.exists():
        return {}
    doc = _Doc(path)
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
