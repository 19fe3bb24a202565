"""The history as text: headline numbers, bar charts and "what helped", for both faces.

The history screen shows these in its tabs; plain mode (`calf-coach history --plain`)
prints the same lines. Counts are printed beside every bar, so nothing depends on
colour or bar length alone.
"""

from __future__ import annotations

from coach.content.model import SIDES
from coach.core import stats
from coach.core.i18n import t
from coach.store.history import KINDS, OUTCOMES, POSITIONS, EpisodeRecord
from coach.store.queries import Charts

HISTORY_OFF = (
    "History is off, so episodes are not being saved and there is nothing to show here. "
    "Press Escape to go back."
)
NO_EPISODES = (
    "No episodes yet. Each cramp you get through with the coach, and each routine you do, "
    "will show up here."
)
BAR_WIDTH = 36
COLUMNS = ("When", "Kind", "Side", "Position", "Hold", "Holds", "Outcome", "Sev")


def row_cells(r: EpisodeRecord) -> tuple[str, ...]:
    if r.outcome:
        outcome = t(OUTCOMES.get(r.outcome, r.outcome))
    else:
        outcome = "-" if r.kind == "routine" else t("in progress")
    return (
        r.started_at.strftime("%Y-%m-%d %H:%M"),
        t(r.kind.capitalize()),
        t(r.side) if r.side else "-",
        t(r.position) if r.position else "-",
        f"{r.actual_seconds}s",
        str(r.holds),
        outcome,
        "-" if r.severity is None else f"{r.severity}/10",
    )


def column_samples() -> list[list[str]]:
    """Every text a column of row_cells can hold, numbers at their widest: the columns
    are sized from these, never by measuring the rows (there may be 100,000)."""
    outcomes = [t(name) for name in OUTCOMES.values()]
    return [
        ["2026-01-01 00:00"],
        [t(kind.capitalize()) for kind in KINDS],
        ["-", *(t(side) for side in SIDES)],
        ["-", *(t(position) for position in POSITIONS)],
        ["600s"],
        ["10"],
        ["-", t("in progress"), *outcomes],
        ["10/10"],
    ]


def _bars(rows: list[tuple[str, int]], label_width: int = 8) -> list[str]:
    top = max((n for _, n in rows), default=0)
    return [
        f" {label:<{label_width}} {stats.bar(n, top, BAR_WIDTH):<{BAR_WIDTH}} {n}"
        for label, n in rows
    ]


def _count(n: int, word: str) -> str:
    """ "1 cramp", "2 cramps", in the person's language."""
    return t("{n} " + word, n=n) if n == 1 else t("{n} " + word + "s", n=n)


def _rate(value: float | None, nights: int, what: str) -> str:
    if value is None:
        return t("no nights " + what + " yet")
    return t("{rate} " + what, rate=f"{value:.1f}") + f" ({_count(nights, 'night')})"


def summary_line(s: stats.Summary, episodes: int) -> str:
    """One sentence of headline numbers, worded so it reads aloud sensibly. `s`: the
    store's summary (History.summary); `episodes`: how many there are (History.count)."""
    if not episodes:
        return t("Since you started: nothing recorded yet.")
    return t(
        "Since you started: {cramps}, {routines}. This month {month} (last month {last}). "
        "Cramps per night: {with_routine}, {without}.",
        cramps=_count(s.cramps_total, "cramp"),
        routines=_count(s.routines_total, "routine"),
        month=_count(s.cramps_this_month, "cramp"),
        last=s.cramps_last_month,
        with_routine=_rate(
            s.cramps_per_night_with_routine, s.nights_with_routine, "with a routine"
        ),
        without=_rate(s.cramps_per_night_without_routine, s.nights_without_routine, "without"),
    )


def charts_text(charts: Charts) -> str:
    """Counts are printed beside every bar, so nothing depends on colour or bar length alone.
    `charts`: the store's sums (History.charts)."""
    weeks = [(f"{d.day:>2} {d:%b}", n) for d, n in charts.weeks]
    hours = charts.hours
    night_order = [*range(12, 24), *range(12)]
    sides = [(t(side), n) for side, n in charts.sides.items()]
    lines = [t("Cramps per week (last 12 weeks, week starting)"), *_bars(weeks), ""]
    lines += [t("Cramps by side"), *_bars(sides), ""]
    lines += [t("Cramps by hour they started (noon to noon)")]
    lines += _bars([(f"{h:02d}:00", hours[h]) for h in night_order])
    return "\n".join(lines)


def _helped_rows(table: dict[str, dict[str, int]], width: int) -> list[str]:
    lines = []
    for group, counts in table.items():
        total = sum(counts.values())
        gone = counts.get("gone", 0)
        verdict = (
            t("{gone} of {total} gone", gone=gone, total=total)
            if total
            else t("no finished cramps")
        )
        lines.append(
            f" {group:<{width}} {stats.bar(gone, total, BAR_WIDTH):<{BAR_WIDTH}} {verdict}"
        )
        order = [*OUTCOMES, *sorted(set(counts) - set(OUTCOMES))]
        rest = [
            f"{counts[k]} {t(OUTCOMES.get(k, k)).lower()}"
            for k in order
            if k in counts and k != "gone"
        ]
        if rest:
            lines.append(f" {'':<{width}} " + t("also: {rest}", rest=", ".join(rest)))
    return lines


def helped_text(charts: Charts) -> str:
    """Shows how often each approach ended with the cramp gone, with the rest spelled out."""
    by_position = charts.by_position
    order = [p for p in (*POSITIONS, "unknown") if p in by_position]
    lines = [t("Cramp gone, by position")]
    rows = _helped_rows({t(p): by_position[p] for p in order}, 11)
    lines += rows or [" " + t("no finished cramps yet")]
    lines += ["", t("Cramp gone, by how long you held the stretch")]
    by_length = charts.by_hold_length
    lines += _helped_rows({t(k): v for k, v in by_length.items()}, 11)
    lines += ["", t("Small numbers are hints, not proof.")]
    return "\n".join(lines)
