"""Wrapped, lightly styled lines for the commands that print and exit.

`calf-coach tips` and `red-flags` are run from scripts and in a hurry. Rich drew them
well but importing its console took longer than the rest of the command (bench figure 6),
and its table cells cut unspaced Chinese lines short with "…", which hid part of a
red flag. This wraps by terminal cells (wide characters count two), breaks Chinese
between characters by coach.text.wrap's rule (no line starts with "。"), keeps every
word, and styles only a real terminal.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from coach.text.wrap import cell_width, tidy, wrap

BOLD, UNDERLINE, DIM = "1", "4", "2"


class Printer:
    """Writes to a stream; styles (bold, underline, dim) only on a colour-capable tty."""

    def __init__(self, out: TextIO | None = None, width: int | None = None) -> None:
        self.out = out or sys.stdout
        self.width = width or _width(self.out)
        self.styled = _styled(self.out)

    def style(self, text: str, *codes: str) -> str:
        if not (self.styled and codes and text):
            return text
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"

    def line(self, text: str = "", *codes: str) -> None:
        for part in wrap(tidy(text), self.width) if text else [""]:
            self.out.write(self.style(part, *codes) + "\n")

    def item(self, marker: str, text: str, *codes: str, indent: int = 1) -> None:
        """A marker with wrapped text beside it; wrapped lines align under the text."""
        pad = " " * indent
        hang = pad + " " * (cell_width(marker) + 1)
        for i, piece in enumerate(wrap(tidy(text), self.width - cell_width(hang))):
            lead = pad + marker + " " if i == 0 else hang
            self.out.write(lead + self.style(piece, *codes) + "\n")

    def mixed(self, pieces: list[tuple[str, tuple[str, ...]]], indent: int = 0) -> None:
        """One paragraph in several styles (a bold label, then plain text)."""
        flat, bounds = "", []
        for piece, codes in pieces:  # collapse spaces as wrap() will, so indexes agree
            norm = " ".join(tidy(piece).split())
            if piece[:1].isspace() and flat and not flat.endswith(" "):
                norm = " " + norm
            if piece[-1:].isspace() and norm.strip():
                norm += " "
            bounds.append((len(flat), len(flat) + len(norm), codes))
            flat += norm
        flat = flat.rstrip()
        pad = " " * indent
        consumed = 0
        for part in wrap(flat, self.width - indent):
            start = flat.index(part, consumed)
            consumed = start + len(part)
            styled = "".join(
                self.style(flat[max(a, start) : min(b, consumed)], *codes)
                for a, b, codes in bounds
                if max(a, start) < min(b, consumed)
            )
            self.out.write(pad + styled + "\n")


def print_folded(text: str, out: TextIO | None = None) -> None:
    """Lines already written for a terminal (the advice left after the app ends), folded
    to its width by the same rule as printed text: whole words, Chinese breaks, and a
    "- " item's next lines under its text. The terminal's own wrap cut words in two."""
    printer = Printer(out)
    for raw in text.splitlines():
        body = raw.lstrip(" ")
        pad = len(raw) - len(body)
        if body.startswith("- "):
            printer.item("-", body[2:], indent=pad)
        elif body:
            for piece in wrap(tidy(body), max(10, printer.width - pad)):
                printer.out.write(" " * pad + piece + "\n")
        else:
            printer.out.write("\n")


def _width(out: TextIO) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(out.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80


def _styled(out: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM", "") in ("dumb", "unknown"):
        return False
    try:
        return out.isatty()
    except (ValueError, AttributeError):
        return False
