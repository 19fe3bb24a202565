"""The content model: what the coach says, loaded from YAML and checked on load.

Everything a user reads about cramps lives in `content/*.yaml`, so a clinician can
review and correct it without touching code. Validation happens here, once, so the
screens can trust every field they are given. The records are NamedTuples, not
dataclasses: they are built at start-up, and seventeen dataclasses cost about 10 ms
of the first frame.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from coach.schema import Doc
from coach.yamlfile import ContentError, Map, Seq

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


class Evidence(NamedTuple):
    id: str
    label: str
    meaning: str
    rank: int
    """0 is the strongest; used to put better-supported tips first."""


class Step(NamedTuple):
    at: int
    """Second of a default-length hold at which this step begins."""
    text: str


class Position(NamedTuple):
    id: str
    label: str
    key: str


class Guide(NamedTuple):
    side: str
    label: str
    key: str
    short: str
    feels: str
    evidence: str
    source: str
    steps: dict[str, tuple[Step, ...]]
    """Steps for each position id."""


class HoldSettings(NamedTuple):
    default_seconds: int
    min_seconds: int
    max_seconds: int
    extend_seconds: int
    escalate_after_seconds: int


class Relief(NamedTuple):
    id: str
    text: str
    evidence: str
    source: str


class Cause(NamedTuple):
    id: str
    name: str
    question: str
    explanation: str
    evidence: str
    source: str


class Tip(NamedTuple):
    id: str
    causes: tuple[str, ...]
    """Cause ids this tip answers; empty means it is for everyone."""
    text: str
    evidence: str
    source: str


class RedFlag(NamedTuple):
    id: str
    title: str
    text: str
    action: str
    source: str


class Region(NamedTuple):
    id: str
    name: str
    countries: tuple[str, ...]
    emergency: str
    urgent: str


class Stretch(NamedTuple):
    id: str
    name: str
    text: str


class RoutineVersion(NamedTuple):
    id: str
    label: str
    key: str
    stretches: tuple[Stretch, ...]


class Routine(NamedTuple):
    title: str
    intro: str
    breathe: str
    evidence: str
    source: str
    hold_seconds: int
    repeats: int
    ready_seconds: int
    versions: tuple[RoutineVersion, ...]


class Source(NamedTuple):
    id: str
    name: str
    url: str


class Content(NamedTuple):
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

    def first_position(self, *wanted: str | None) -> str:
        """The first wanted position that exists (command line, then remembered)."""
        known = {p.id for p in self.positions}
        return next((p for p in wanted if p in known), self.positions[0].id)


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
    data = {name: Doc(root / name) for name in FILES}
    evidence = _evidence(data["evidence.yaml"])
    doc = data["guides.yaml"]
    hold = _hold(doc)
    positions = _positions(doc)
    guides = _guides(doc, hold, positions, evidence)
    not_sure = tuple(doc.texts(doc.top, "not_sure"))
    relief = _relief(doc, evidence)
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


def _evidence(doc: Doc) -> dict[str, Evidence]:
    doc.fields(doc.top, "", {"levels"})
    levels = doc.each(
        doc.top,
        "levels",
        "",
        {"id", "label", "meaning"},
        lambda m, w: Evidence(
            doc.ident(m, "id", w), doc.text(m, "label", w), doc.text(m, "meaning", w), 0
        ),
    )
    return {level.id: level._replace(rank=i) for i, level in enumerate(levels)}


def _hold(doc: Doc) -> HoldSettings:
    doc.fields(doc.top, "", {"hold", "positions", "sides", "not_sure", "other_relief"})
    names = (
        "default_seconds",
        "min_seconds",
        "max_seconds",
        "extend_seconds",
        "escalate_after_seconds",
    )
    m = doc.fields(doc.top["hold"], "hold", set(names))
    hold = HoldSettings(*(doc.seconds(m, key, "hold", 1, 3600) for key in names))
    if not hold.min_seconds <= hold.default_seconds <= hold.max_seconds:
        raise doc.error(m, "default_seconds", "hold.default_seconds", "must be within min..max")
    return hold


def _positions(doc: Doc) -> tuple[Position, ...]:
    return tuple(
        doc.each(
            doc.top,
            "positions",
            "",
            {"id", "label", "key"},
            lambda m, w: Position(
                doc.ident(m, "id", w), doc.text(m, "label", w), doc.text(m, "key", w)
            ),
        )
    )


def _guides(
    doc: Doc, hold: HoldSettings, positions: tuple[Position, ...], evidence: dict[str, Evidence]
) -> dict[str, Guide]:
    wanted = {p.id for p in positions}

    def guide(m: Map, where: str) -> Guide:
        side = doc.text(m, "id", where)
        if side not in SIDES:
            raise doc.error(m, "id", where + ".id", f"side must be one of {', '.join(SIDES)}")
        steps = doc.fields(m["steps"], where + ".steps", wanted)
        return Guide(
            side,
            doc.text(m, "label", where),
            doc.text(m, "key", where),
            doc.text(m, "short", where),
            doc.text(m, "feels", where),
            doc.level(m, where, evidence),
            doc.text(m, "source", where),
            {pos: _steps(doc, steps, pos, f"{where}.steps", hold) for pos in sorted(wanted)},
        )

    fields = {"id", "label", "key", "short", "feels", "evidence", "source", "steps"}
    guides = {
        g.side: g for g in doc.each(doc.top, "sides", "", fields, guide, ident=lambda g: g.side)
    }
    for side in SIDES:
        if side not in guides:
            raise doc.error(doc.top["sides"], None, "sides", f"no guide for the {side} of the calf")
    return guides


def _steps(doc: Doc, m: Map, pos: str, where: str, hold: HoldSettings) -> tuple[Step, ...]:
    out: list[Step] = []

    def step(item: Map, sub: str) -> Step:
        at = doc.seconds(item, "at", sub, 0, 3600)
        if at >= hold.default_seconds:
            raise doc.error(
                item,
                "at",
                sub + ".at",
                f"step starts at {at} s, past the {hold.default_seconds} s hold",
            )
        if (not out and at != 0) or (out and at <= out[-1].at):
            raise doc.error(item, "at", sub + ".at", "steps must start at 0 and go up in time")
        out.append(Step(at, doc.text(item, "text", sub)))
        return out[-1]

    doc.each(m, pos, where, {"at", "text"}, step, ident=lambda s: str(s.at))
    return tuple(out)


def _relief(doc: Doc, evidence: dict[str, Evidence]) -> tuple[Relief, ...]:
    return tuple(
        doc.each(
            doc.top,
            "other_relief",
            "",
            {"id", "text", "evidence", "source"},
            lambda m, w: Relief(
                doc.ident(m, "id", w),
                doc.text(m, "text", w),
                doc.level(m, w, evidence),
                doc.text(m, "source", w),
            ),
        )
    )


def _causes(doc: Doc, evidence: dict[str, Evidence]) -> tuple[Cause, ...]:
    doc.fields(doc.top, "", {"causes"})
    return tuple(
        doc.each(
            doc.top,
            "causes",
            "",
            {"id", "name", "question", "explanation", "evidence", "source"},
            lambda m, w: Cause(
                doc.ident(m, "id", w),
                doc.text(m, "name", w),
                doc.text(m, "question", w),
                doc.text(m, "explanation", w),
                doc.level(m, w, evidence),
                doc.text(m, "source", w),
            ),
        )
    )


def _tips(doc: Doc, evidence: dict[str, Evidence], cause_ids: set[str]) -> tuple[Tip, ...]:
    doc.fields(doc.top, "", {"tips"})

    def tip(m: Map, where: str) -> Tip:
        causes = m["causes"]
        if not isinstance(causes, Seq) or not all(isinstance(c, str) for c in causes):
            raise doc.error(
                m, "causes", where + ".causes", "expected a list of cause ids ([] means everyone)"
            )
        for c in causes:
            if c not in cause_ids:
                import difflib

                hint = difflib.get_close_matches(c, sorted(cause_ids), n=1)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise doc.error(m, "causes", where + ".causes", f"unknown cause {c!r}{extra}")
        return Tip(
            doc.ident(m, "id", where),
            tuple(causes),
            doc.text(m, "text", where),
            doc.level(m, where, evidence),
            doc.text(m, "source", where),
        )

    return tuple(doc.each(doc.top, "tips", "", {"id", "causes", "text", "evidence", "source"}, tip))


def _red_flags(doc: Doc) -> tuple[tuple[RedFlag, ...], dict[str, Region]]:
    doc.fields(doc.top, "", {"flags", "regions"})

    def flag(m: Map, where: str) -> RedFlag:
        action = doc.text(m, "action", where)
        if action not in ("emergency", "urgent", "doctor"):
            raise doc.error(
                m, "action", where + ".action", "action must be emergency, urgent or doctor"
            )
        return RedFlag(
            doc.ident(m, "id", where),
            doc.text(m, "title", where),
            doc.text(m, "text", where),
            action,
            doc.text(m, "source", where),
        )

    def region(m: Map, where: str) -> Region:
        countries = m["countries"]
        if not isinstance(countries, Seq) or not all(isinstance(c, str) for c in countries):
            raise doc.error(
                m, "countries", where + ".countries", "expected a list of country codes"
            )
        return Region(
            doc.ident(m, "id", where),
            doc.text(m, "name", where),
            tuple(countries),
            doc.text(m, "emergency", where),
            doc.text(m, "urgent", where),
        )

    flags = doc.each(doc.top, "flags", "", {"id", "title", "text", "action", "source"}, flag)
    regions = {
        r.id: r
        for r in doc.each(
            doc.top, "regions", "", {"id", "name", "countries", "emergency", "urgent"}, region
        )
    }
    if "default" not in regions:
        raise doc.error(
            doc.top["regions"], None, "regions", "a region with id 'default' is required"
        )
    return tuple(flags), regions


def _routine(doc: Doc, evidence: dict[str, Evidence]) -> Routine:
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

    def stretch(m: Map, w: str) -> Stretch:
        return Stretch(doc.ident(m, "id", w), doc.text(m, "name", w), doc.text(m, "text", w))

    def version(m: Map, w: str) -> RoutineVersion:
        stretches = doc.each(m, "stretches", w, {"id", "name", "text"}, stretch)
        return RoutineVersion(
            doc.ident(m, "id", w), doc.text(m, "label", w), doc.text(m, "key", w), tuple(stretches)
        )

    versions = doc.each(top, "versions", "", {"id", "label", "key", "stretches"}, version)
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


def _sources(doc: Doc) -> tuple[Source, ...]:
    doc.fields(doc.top, "", {"sources"})

    def source(m: Map, where: str) -> Source:
        url = doc.text(m, "url", where)
        if not url.startswith("https://"):
            raise doc.error(m, "url", where + ".url", "addresses must start with https://")
        return Source(doc.ident(m, "id", where), doc.text(m, "name", where), url)

    return tuple(doc.each(doc.top, "sources", "", {"id", "name", "url"}, source))


def load_ui(directory: Path) -> dict[str, str]:
    """A translation table (`ui.yaml`): English text → translated text.

    Placeholders such as `{time}` must match, or a screen would crash at run time.
    """
    path = directory / "ui.yaml"
    if not path.exists():
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
