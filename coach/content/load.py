"""The content model: what the coach says, loaded from YAML and checked on load.

Everything a user reads about cramps lives in `content/*.yaml`, so a clinician can
review and correct it without touching code. Validation happens here, once, so the
screens can trust every field they are given. The records themselves live in
`coach.content.model` and are re-exported from here.
"""

from __future__ import annotations

import os

from coach.content.load_advice import MINUTES, causes_of, routine_of, tips_of
from coach.content.load_links import Refs, kind_of, load_ui, red_flags
from coach.content.load_links import sources as _sources
from coach.content.model import (
    ACTIONS,
    FILES,
    NUMBER_PLACEHOLDERS,
    SIDES,
    Cause,
    Content,
    Evidence,
    Guide,
    HoldSettings,
    Position,
    RedFlag,
    Region,
    Relief,
    Routine,
    RoutineVersion,
    Source,
    Step,
    Stretch,
    Tip,
    default_dir,
)
from coach.content.ranges import HOLD_SECONDS, STEP_AT
from coach.content.schema import Doc
from coach.content.yamlfile import ContentError, Map

__all__ = [
    "ACTIONS",
    "FILES",
    "NUMBER_PLACEHOLDERS",
    "SIDES",
    "Cause",
    "Content",
    "ContentError",
    "Evidence",
    "Guide",
    "HoldSettings",
    "Position",
    "RedFlag",
    "Region",
    "Relief",
    "Routine",
    "RoutineVersion",
    "Source",
    "Step",
    "Stretch",
    "Tip",
    "default_dir",
    "load",
    "load_ui",
]


def load(directory: str | os.PathLike[str] | None = None) -> Content:
    """Load and check every content file; raise ContentError on the first problem."""
    root = os.fspath(directory) if directory is not None else default_dir()
    if not os.path.isdir(root):
        raise ContentError(root, None, "", "content folder not found")
    data = {name: Doc(os.path.join(root, name)) for name in FILES}
    sources, kinds = _sources(data["sources.yaml"])
    evidence, backing = _evidence(data["evidence.yaml"])
    refs = Refs(sources, kinds, backing)
    doc = data["guides.yaml"]
    hold = _hold(doc)
    positions = _positions(doc)
    guides = _guides(doc, hold, positions, evidence, refs)
    not_sure = tuple(doc.texts(doc.top, "not_sure"))
    relief = _relief(doc, evidence, refs)
    relief_check = doc.text(doc.top, "relief_check", "")
    causes = causes_of(data["causes.yaml"], evidence, refs)
    tips = tips_of(data["tips.yaml"], evidence, {c.id for c in causes}, refs)
    flags, regions = red_flags(data["red_flags.yaml"], refs)
    routine = routine_of(data["routine.yaml"], evidence, refs)
    minutes = str(max(1, round(routine.seconds() / 60)))
    routine = routine._replace(intro=routine.intro.replace(MINUTES, minutes))
    tips = tuple(t._replace(text=t.text.replace(MINUTES, minutes)) for t in tips)
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
        relief_check,
    )


def _evidence(doc: Doc) -> tuple[dict[str, Evidence], dict[str, frozenset[str]]]:
    """The levels, strongest first, and the kinds of source that can carry each."""
    doc.fields(doc.top, "", {"levels"})
    backing: dict[str, frozenset[str]] = {}

    def level(m: Map, w: str) -> Evidence:
        found = Evidence(
            doc.ident(m, "id", w), doc.text(m, "label", w), doc.text(m, "meaning", w), 0
        )
        kinds = doc.seq(m, "backed_by", w)
        backing[found.id] = frozenset(kind_of(doc, m, "backed_by", w, k) for k in kinds)
        return found

    levels = doc.each(doc.top, "levels", "", {"id", "label", "meaning", "backed_by"}, level)
    return {lv.id: lv._replace(rank=i) for i, lv in enumerate(levels)}, backing


def _hold(doc: Doc) -> HoldSettings:
    doc.fields(
        doc.top,
        "",
        {"hold", "positions", "sides", "not_sure", "other_relief", "relief_check"},
    )
    names = (
        "default_seconds",
        "min_seconds",
        "max_seconds",
        "extend_seconds",
        "escalate_after_seconds",
    )
    m = doc.fields(doc.top["hold"], "hold", set(names))
    hold = HoldSettings(*(doc.seconds(m, key, "hold", *HOLD_SECONDS) for key in names))
    if not hold.min_seconds <= hold.default_seconds <= hold.max_seconds:
        raise doc.error(m, "default_seconds", "hold.default_seconds", "must be within min..max")
    return hold


def _positions(doc: Doc) -> tuple[Position, ...]:
    return tuple(
        doc.each(
            doc.top,
            "positions",
            "",
            {"id", "label", "key", "night_safe"},
            lambda m, w: Position(
                doc.ident(m, "id", w),
                doc.text(m, "label", w),
                doc.text(m, "key", w),
                doc.flag(m, "night_safe", w),
            ),
        )
    )


def _guides(
    doc: Doc,
    hold: HoldSettings,
    positions: tuple[Position, ...],
    evidence: dict[str, Evidence],
    refs: Refs,
) -> dict[str, Guide]:
    wanted = {p.id for p in positions}

    def guide(m: Map, where: str) -> Guide:
        side = doc.text(m, "id", where)
        if side not in SIDES:
            raise doc.error(m, "id", where + ".id", f"side must be one of {', '.join(SIDES)}")
        steps = doc.fields(m["steps"], where + ".steps", wanted)
        level, names, ids = refs.graded(doc, m, where, evidence)
        return Guide(
            side,
            doc.text(m, "label", where),
            doc.text(m, "key", where),
            doc.text(m, "short", where),
            doc.text(m, "feels", where),
            level,
            names,
            {pos: _steps(doc, steps, pos, f"{where}.steps", hold) for pos in sorted(wanted)},
            ids,
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
        at = doc.seconds(item, "at", sub, *STEP_AT)
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


RESERVED_KEYS = frozenset("hq")
"""Keys of the "what next?" step itself (hold again, stop): no relief may take them."""


def _relief(doc: Doc, evidence: dict[str, Evidence], refs: Refs) -> tuple[Relief, ...]:
    keys: set[str] = set()

    def relief(m: Map, w: str) -> Relief:
        level, names, ids = refs.graded(doc, m, w, evidence)
        text = doc.text(m, "text", w)
        key = doc.text(m, "key", w) if "key" in m else None
        if key is not None:
            if not (len(key) == 1 and "a" <= key <= "z") or key in RESERVED_KEYS | keys:
                raise doc.error(
                    m, "key", w + ".key", "must be one letter a-z, not h or q, used once"
                )
            keys.add(key)
        return Relief(doc.ident(m, "id", w), text, level, names, ids, key)

    fields = {"id", "text", "evidence", "source"}
    optional = frozenset({"key"})
    return tuple(doc.each(doc.top, "other_relief", "", fields, relief, optional=optional))
