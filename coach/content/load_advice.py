"""Loaders for what the coach advises between cramps: causes, tips and the bedtime
routine. Split from `coach.content.load`, which calls them from `load()`.
"""

from __future__ import annotations

from coach.content.load_links import Refs
from coach.content.model import Cause, Evidence, Routine, RoutineVersion, Stretch, Tip
from coach.content.ranges import ROUTINE_NUMBERS
from coach.content.schema import Doc, hint
from coach.content.yamlfile import Map, Seq

MINUTES = "{minutes}"
"""Placeholder in the routine intro and tips, filled with the routine's computed length."""
LIST_MARKS = (",", "，", "、")
"""What joins cause names in a list ("for tired legs, cold legs"): a name holding one
would read as two causes."""


def causes_of(doc: Doc, evidence: dict[str, Evidence], refs: Refs) -> tuple[Cause, ...]:
    doc.fields(doc.top, "", {"causes"})

    def cause(m: Map, w: str) -> Cause:
        name = doc.text(m, "name", w)
        if any(mark in name for mark in LIST_MARKS):
            raise doc.error(
                m,
                "name",
                w + ".name",
                "a cause name must not contain a comma or 、: names are listed with them",
            )
        level, names, ids = refs.graded(doc, m, w, evidence)
        return Cause(
            doc.ident(m, "id", w),
            name,
            doc.text(m, "question", w),
            doc.text(m, "explanation", w),
            level,
            names,
            ids,
        )

    fields = {"id", "name", "question", "explanation", "evidence", "source"}
    return tuple(doc.each(doc.top, "causes", "", fields, cause))


def tips_of(
    doc: Doc, evidence: dict[str, Evidence], cause_ids: set[str], refs: Refs
) -> tuple[Tip, ...]:
    doc.fields(doc.top, "", {"tips"})

    def tip(m: Map, where: str) -> Tip:
        causes = m["causes"]
        if not isinstance(causes, Seq) or not all(isinstance(c, str) for c in causes):
            raise doc.error(
                m, "causes", where + ".causes", "expected a list of cause ids ([] means everyone)"
            )
        for c in causes:
            if c not in cause_ids:
                found = f"unknown cause {c!r}{hint(c, cause_ids)}"
                raise doc.error(m, "causes", where + ".causes", found)
        text = doc.text(m, "text", where)
        doc.placeholders(m, "text", where, text, {MINUTES})
        level, names, ids = refs.graded(doc, m, where, evidence)
        return Tip(doc.ident(m, "id", where), tuple(causes), text, level, names, ids)

    return tuple(doc.each(doc.top, "tips", "", {"id", "causes", "text", "evidence", "source"}, tip))


def routine_of(doc: Doc, evidence: dict[str, Evidence], refs: Refs) -> Routine:
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
            "change_over_seconds",
            "night_start",
            "versions",
        },
    )

    def stretch(m: Map, w: str) -> Stretch:
        return Stretch(doc.ident(m, "id", w), doc.text(m, "name", w), doc.text(m, "text", w))

    def version(m: Map, w: str) -> RoutineVersion:
        stretches = doc.each(m, "stretches", w, {"id", "name", "text"}, stretch)
        return RoutineVersion(
            doc.ident(m, "id", w),
            doc.text(m, "label", w),
            doc.text(m, "key", w),
            tuple(stretches),
            doc.flag(m, "night_safe", w),
        )

    fields = {"id", "label", "key", "stretches", "night_safe"}
    versions = doc.each(top, "versions", "", fields, version)
    if not any(v.night_safe for v in versions):
        raise doc.error(top, "versions", "versions", "no version is night_safe: one must be")
    intro = doc.text(top, "intro", "")
    doc.placeholders(top, "intro", "", intro, {MINUTES})
    level, names, ids = refs.graded(doc, top, "", evidence)
    return Routine(
        doc.text(top, "title", ""),
        intro,
        doc.text(top, "breathe", ""),
        level,
        names,
        doc.seconds(top, "hold_seconds", "", *ROUTINE_NUMBERS["hold_seconds"]),
        doc.seconds(top, "repeats", "", *ROUTINE_NUMBERS["repeats"]),
        doc.seconds(top, "ready_seconds", "", *ROUTINE_NUMBERS["ready_seconds"]),
        tuple(versions),
        ids,
        doc.text(top, "night_start", ""),
        doc.seconds(top, "change_over_seconds", "", 0, 30),
    )
