"""The diary as words, for both faces: the hold's "your own record" line, the morning
check-in's questions, and the night charts of the history screen and plain mode.

Counts, never percentages: a handful of nights cannot carry a percentage, and every
line says it is the person's own record, not a trial.
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.content.model import Content
from coach.core import stats
from coach.core.diary import PastRecord
from coach.core.i18n import t

OWN_RECORD = "Your own record, not a trial: small numbers are hints, not proof."
BAR_WIDTH = 24


def past_line(past: PastRecord, content: Content) -> str:
    """ "Your last 4 back-of-calf cramps: sitting gone 3 of 3, in bed 1 of 1." """
    labels = {p.id: p.label.lower() for p in content.positions}
    parts = [
        t(
            "{position} gone {eased} of {total}",
            position=labels.get(p.position, p.position),
            eased=p.eased,
            total=p.total,
        )
        for p in past.positions
    ]
    side = content.guides[past.side].label.lower() if past.side in content.guides else past.side
    return t(
        "Your own record, your last {n} cramps ({side}): {tallies}.",
        n=past.episodes,
        side=side,
        tallies=t(", ").join(parts),
    )


def nights_text(
    per_night: dict[date, int],
    routine: set[date],
    last_night: date,
    weeks: int = 12,
    bar_width: int = BAR_WIDTH,
) -> str:
    """Cramps per night over `weeks`, week by week; routine nights against the rest;
    the routine over the last 14 nights. Nights nothing was recorded or told about
    are counted as unknown, not as quiet. `bar_width` 0: numbers only (a narrow
    window), since the numbers say everything the bars do."""
    first = last_night - timedelta(days=weeks * 7 - 1)
    lines = [t("Cramps per night, by week (last {weeks} weeks)", weeks=weeks)]
    rows = []
    for w in range(weeks):
        start = first + timedelta(days=7 * w)
        days = [start + timedelta(days=d) for d in range(7)]
        known = [per_night[d] for d in days if d in per_night]
        rows.append((start, sum(known), len(known)))
    top = max((c / k for _, c, k in rows if k), default=0)
    for start, cramps, known in rows:
        rate = cramps / known if known else 0
        told = (
            t("{rate} a night (nights known: {known})", rate=f"{rate:.1f}", known=known)
            if known
            else t("no nights known")
        )
        bar = f"{stats.bar(rate, top, bar_width):<{bar_width}} " if bar_width else ""
        lines.append(f" {start:%m-%d} {bar}{told}")
    lines += ["", t("After the bedtime routine, and without it")]
    known_nights = [d for d in per_night if first <= d <= last_night]
    for label, nights in (
        (t("with routine"), [d for d in known_nights if d in routine]),
        (t("without"), [d for d in known_nights if d not in routine]),
    ):
        cramps = sum(per_night[d] for d in nights)
        if nights:
            lines.append(
                t(
                    " {label}: {rate} cramps a night ({cramps} cramps in {nights} nights)",
                    label=label,
                    rate=f"{cramps / len(nights):.1f}",
                    cramps=cramps,
                    nights=len(nights),
                )
            )
        else:
            lines.append(t(" {label}: no nights yet", label=label))
    lines.append(" " + t(OWN_RECORD))
    lines += ["", t("Bedtime routine, last 14 nights (oldest first)")]
    days = [last_night - timedelta(days=d) for d in range(13, -1, -1)]
    lines.append(" " + " ".join("■" if d in routine else "·" for d in days))
    lines.append(
        " " + t("{done} of 14 nights (■ done, · not)", done=sum(d in routine for d in days))
    )
    return "\n".join(lines)
