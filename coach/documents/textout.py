"""Wrapped, lightly styled lines for the commands that print and exit.

`calf-coach tips` and `red-flags` are run from scripts and in a hurry. Rich drew them
well but importing its console took longer than the rest of the command (bench figure 6),
and its table cells cut unspaced Chinese lines short with "…", which hid part of a
red flag. This wraps by terminal cells (wide characters count two), breaks Chinese
between characters, keeps every word, and styles only a real terminal.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from typing import TextIO

BOLD, UNDERLINE, DIM = "1", "4", "2"
_NO_LINE_START = set("，。、；：！？）」』】》,.;:!?)%")
"""Closing punctuation stays on the line of the character before it."""


def _zero(ch: str) -> bool:
    """Combining marks, joiners and variation selectors: no cell of their own."""
    return unicodedata.category(ch) in ("Mn", "Me", "Cf")


def cell_width(text: str) -> int:
    if text.isascii():  # no wide or zero-width characters: one cell each
        return len(text)
    return sum(0 if _zero(ch) else 2 if _wide(ch) else 1 for ch in text)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: words with their spaces, single wide characters."""
    out: list[str] = []
    for ch in text:
        if not out:
            out.append(ch)
            continue
        last = out[-1][-1]
        mid_word = not _wide(ch) and not last.isspace() and not _wide(last)
        if ch.isspace() or ch in _NO_LINE_START or mid_word or _zero(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap to `width` cells; a word longer than a line is split, never dropped."""
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0  # `used`: the cells of `line`, kept as it grows (not re-counted)
    for token in _tokens(" ".join(text.split())):  # each token starts with a non-space
        if used + cell_width(token.rstrip()) <= width:
            line += token
            used += cell_width(token)
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token
        while cell_width(line.rstrip()) > width:  # one token wider than the line
            cut = 1
            while cut < len(line) and (cell_width(line[: cut + 1]) <= width or _zero(line[cut])):
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
        used = cell_width(line)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


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
        for part in wrap(text, self.width) if text else [""]:
            self.out.write(self.style(part, *codes) + "\n")

    def item(self, marker: str, text: str, *codes: str, indent: int = 1) -> None:
        """A marker with wrapped text beside it; wrapped lines align under the text."""
        pad = " " * indent
        hang = pad + " " * (cell_width(marker) + 1)
        for i, piece in enumerate(wrap(text, self.width - cell_width(hang))):
            lead = pad + marker + " " if i == 0 else hang
            self.out.write(lead + self.style(piece, *codes) + "\n")

    def mixed(self, pieces: list[tuple[str, tuple[str, ...]]], indent: int = 0) -> None:
        """One paragraph in several styles (a bold label, then plain text)."""
        flat, bounds = "", []
        for piece, codes in pieces:  # collapse spaces as wrap() will, so indexes agree
            norm = " ".join(piece.split())
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
