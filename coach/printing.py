"""Printed output for the commands that do not start the full-screen app.

Written with coach.textout rather than Rich: see there for why (start-up time, and
Chinese lines kept whole).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from coach.advice import causes_for, rank_tips
from coach.content import Content, Region, Tip
from coach.i18n import t
from coach.textout import BOLD, DIM, UNDERLINE, Printer


def evidence_tag(content: Content, tip_evidence: str) -> str:
    return f"[{content.evidence[tip_evidence].label}]"


def print_tips(content: Content, cause_ids: list[str], out: TextIO | None = None) -> int:
    known = {c.id for c in content.causes}
    unknown = [c for c in cause_ids if c not in known]
    if unknown:
        print(
            f"calf-coach: unknown cause {', '.join(unknown)}; known: {', '.join(sorted(known))}",
            file=sys.stderr,
        )
        return 2
    printer = Printer(out)
    groups = rank_tips(content, tuple(cause_ids))
    sections = [
        (t("Tips for what you said fits you"), groups.fits),
        (t("Tips for everyone"), groups.everyone),
        (t("Other tips") if cause_ids else t("Tips for particular causes"), groups.others),
    ]
    for title, tips in sections:
        if not tips:
            continue
        printer.line(title, BOLD, UNDERLINE)
        _print_tips(printer, content, tips)
        printer.line()
    printer.line(t("Evidence levels"), BOLD)
    for level in content.evidence.values():
        printer.mixed([(level.label, (BOLD,)), (f": {level.meaning}", ())], indent=2)
    return 0


def _print_tips(printer: Printer, content: Content, tips: Sequence[Tip]) -> None:
    for tip in tips:
        meta = t(" {source}; for {causes}", source=tip.source, causes=causes_for(content, tip))
        printer.item("•", tip.text)
        printer.mixed([(evidence_tag(content, tip.evidence), (BOLD,)), (meta, (DIM,))], indent=3)


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


def print_red_flags(content: Content, region: Region, out: TextIO | None = None) -> int:
    printer = Printer(out)
    printer.line(t("When to get help"), BOLD, UNDERLINE)
    printer.mixed([(t("Emergency: "), (BOLD,)), (region.emergency, ())])
    printer.mixed([(t("Urgent advice: "), (BOLD,)), (region.urgent, ())])
    for action, heading in HEADINGS.items():
        printer.line()
        printer.line(t(heading).upper(), BOLD)
        for flag in (f for f in content.red_flags if f.action == action):
            printer.item("!", flag.title, BOLD)
            printer.mixed([(flag.text, ())], indent=3)
            printer.mixed([(t("Source: {source}", source=flag.source), (DIM,))], indent=3)
    printer.line()
    printer.line(t("This is self-care guidance, not a diagnosis."))
    return 0
