"""Plain printed output for commands that do not start the full-screen app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coach.advice import causes_for, rank_tips
from coach.content import Content, Region, Tip
from coach.i18n import t


def evidence_tag(content: Content, tip_evidence: str) -> str:
    return f"[{content.evidence[tip_evidence].label}]"


def print_tips(content: Content, cause_ids: list[str], console: Console | None = None) -> int:
    console = console or Console()
    known = {c.id for c in content.causes}
    unknown = [c for c in cause_ids if c not in known]
    if unknown:
        print(
            f"calf-coach: unknown cause {', '.join(unknown)}; known: {', '.join(sorted(known))}",
            file=sys.stderr,
        )
        return 2
    groups = rank_tips(content, tuple(cause_ids))
    sections = [
        (t("Tips for what you said fits you"), groups.fits),
        (t("Tips for everyone"), groups.everyone),
        (t("Other tips") if cause_ids else t("Tips for particular causes"), groups.others),
    ]
    for title, tips in sections:
        if not tips:
            continue
        console.print(Text(title, style="bold underline"))
        console.print(_tip_table(content, tips))
        console.print()
    console.print(Text(t("Evidence levels"), style="bold"))
    for level in content.evidence.values():
        console.print(Padding(Text.assemble((level.label, "bold"), f": {level.meaning}"), (0, 2)))
    return 0


def _tip_table(content: Content, tips: Sequence[Tip]) -> Padding:
    """One grid per section: wrapped lines stay indented, and it prints in one go."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1)
    for tip in tips:
        meta = t(" {source}; for {causes}", source=tip.source, causes=causes_for(content, tip))
        grid.add_row("•", tip.text)
        grid.add_row(
            "", Text.assemble((evidence_tag(content, tip.evidence), "bold"), (meta, "dim"))
        )
    return Padding(grid, (0, 0, 0, 1))


HEADINGS = {
    "emergency": "Call emergency services now",
    "urgent": "Get urgent medical help",
    "doctor": "See a doctor soon",
}

REASONS = {
    "long-cramp": "This cramp has lasted about 10 minutes without easing. Stop stretching "
    "and get medical help now.",
    "clot": "You said one leg is swollen, warm or red. Do not stretch or rub it. "
    "Get urgent medical help.",
}


def print_red_flags(content: Content, region: Region, console: Console | None = None) -> int:
    console = console or Console()
    console.print(Text(t("When to get help"), style="bold underline"))
    console.print(Text.assemble((t("Emergency: "), "bold"), region.emergency))
    console.print(Text.assemble((t("Urgent advice: "), "bold"), region.urgent))
    for action, heading in HEADINGS.items():
        console.print()
        console.print(Text(t(heading).upper(), style="bold"))
        for flag in (f for f in content.red_flags if f.action == action):
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=1)
            grid.add_column(ratio=1)
            grid.add_row("!", Text(flag.title, style="bold"))
            grid.add_row("", flag.text)
            grid.add_row("", Text(t("Source: {source}", source=flag.source), style="dim"))
            console.print(Padding(grid, (0, 0, 0, 1)))
    console.print()
    console.print(t("This is self-care guidance, not a diagnosis."))
    return 0
