"""Contrast of the text a person sees, read from the cells the app renders, at each colour
depth a terminal may have (#27 item 10).

Textual renders in true colour; a terminal of 256 or 16 colours gets each colour
downgraded by Rich (`Color.downgrade`, as Textual's Strip.render does), and then shows
a 16-colour index in its own palette. That palette is xterm's default here (where
"#00CD00 on white" was measured), and so is its rule for bold at 16 colours: bold text
in colours 0-7 is drawn in their bright twins 8-15 (xterm's boldColors, the Linux console
and PuTTY too), so bold black on a bright panel shows grey. Only text is counted:
letters, digits, CJK and punctuation; box drawing, block digits' blocks and bar glyphs
are drawing.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from rich.color import Color, ColorSystem
from rich.console import Console
from rich.terminal_theme import TerminalTheme

XTERM = TerminalTheme(
    (255, 255, 255),
    (0, 0, 0),
    [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
     (0, 205, 205), (229, 229, 229)],
    [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
     (0, 255, 255), (255, 255, 255)],
)  # fmt: skip
"""xterm's default 16 colours (its background/foreground do not matter: every cell the
app draws has its own colours)."""

DEPTHS = {"16": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT, "true": ColorSystem.TRUECOLOR}


class Cell(NamedTuple):
    """A character as written: its colours before reverse (a terminal brightens bold's
    foreground first, then swaps)."""

    text: str
    color: Color
    bgcolor: Color
    bold: bool = False
    reverse: bool = False


def rendered_cells(app) -> list[Cell]:
    """Every character cell of the running app's screen with its own colours, as Textual
    would write it."""
    width, height = app.size
    console = Console(width=width, height=height, color_system="truecolor", force_terminal=True)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    cells = []
    for text, style, control in console.render(update):
        if control or style is None or not text:
            continue
        fg, bg = style.color, style.bgcolor
        if fg is None or bg is None:
            continue
        cells += [Cell(ch, fg, bg, bool(style.bold), bool(style.reverse)) for ch in text]
    return cells


def is_text(ch: str) -> bool:
    if ch.isspace():
        return False
    if 0x2500 <= ord(ch) <= 0x259F or 0x1FB00 <= ord(ch) <= 0x1FBFF:  # boxes, blocks, bars
        return False
    return unicodedata.category(ch)[0] in "LNPS"


def seen(
    color: Color, depth: ColorSystem, foreground: bool, bold: bool = False
) -> tuple[int, int, int]:
    shown = color.downgrade(depth)
    standard = depth == ColorSystem.STANDARD and shown.number is not None
    if bold and foreground and standard and shown.number < 8:
        shown = Color.from_ansi(shown.number + 8)  # bold is bright: SGR 1;30 drawn as 90
    return tuple(shown.get_truecolor(XTERM, foreground=foreground))


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class Worst(NamedTuple):
    ratio: float
    text: str
    color: tuple[int, int, int]
    bgcolor: tuple[int, int, int]


def worst_text(cells: list[Cell], depth: ColorSystem) -> Worst | None:
    """The text of least contrast at `depth`, with the run of characters it is in."""
    worst: Worst | None = None
    run: list[str] = []
    last = None
    for cell in cells:
        if not is_text(cell.text):
            last = None
            continue
        fg, bg = seen(cell.color, depth, True, cell.bold), seen(cell.bgcolor, depth, False)
        if cell.reverse:
            fg, bg = bg, fg
        key = (fg, bg)
        run = [*run, cell.text] if key == last else [cell.text]
        last = key
        ratio = contrast(fg, bg)
        if worst is None or ratio <= worst.ratio + 1e-9:  # the latest run of the worst colours
            worst = Worst(ratio, "".join(run)[-40:], fg, bg)
    return worst
