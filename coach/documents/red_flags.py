"""`calf-coach red-flags`: the signs that need a doctor or an emergency number, printed
with the same lines as the red-flag screen and plain mode (coach.text.wording)."""

from __future__ import annotations

from typing import TextIO

from coach.content.model import Content, Region
from coach.documents.textout import BOLD, DIM, UNDERLINE, Printer
from coach.text.wording import red_flags

STYLES = {
    "title": (BOLD, UNDERLINE),
    "action": (BOLD,),
    "heading": (BOLD,),
    "item": (BOLD,),
    "text": (),
    "source": (DIM,),
    "hint": (),
}


def print_red_flags(content: Content, region: Region, out: TextIO | None = None) -> int:
    """The red flags for `region`, on `out` (standard output when None)."""
    printer = Printer(out)
    for line in red_flags(content, region, "text"):
        if line.kind == "heading":
            printer.line()
            printer.line(line.text.upper(), BOLD)
        elif line.kind == "item":
            printer.item("!", line.text, BOLD)
        elif line.kind in ("text", "source"):
            printer.mixed([(line.text, STYLES[line.kind])], indent=3)
        elif line.kind == "hint":
            printer.line()
            printer.line(line.text)
        else:
            printer.mixed([(line.text, STYLES[line.kind])])
    return 0
