"""Printed output for the commands that do not start the full-screen app.

Written with coach.documents.textout rather than Rich: see there for why (start-up time, and
Chinese lines kept whole).
"""

from __future__ import annotations

import sys
from typing import TextIO

from coach.content.model import Content
from coach.core.advice import tip_evidence, tip_sections
from coach.core.i18n import t
from coach.documents.textout import BOLD, DIM, UNDERLINE, Printer


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
    for section in tip_sections(content, tuple(cause_ids)):
        printer.line(section.title, BOLD, UNDERLINE)
        for tip in section.tips:
            label, meta = tip_evidence(content, tip)
            printer.item("•", tip.text)
            printer.mixed([(label, (BOLD,)), (meta, (DIM,))], indent=3)
        printer.line()
    printer.line(t("Evidence levels"), BOLD)
    for level in content.evidence.values():
        printer.mixed([(level.label, (BOLD,)), (f": {level.meaning}", ())], indent=2)
    return 0
