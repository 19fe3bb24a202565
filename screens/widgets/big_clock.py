"""A countdown you can read across a dark bedroom: digits that grow with the window.

Three rows tall in a small window; from 100x30 a 5-row block font, and from 140x40
the same font at twice the size (10 rows), so the time left fills the room the
window gives it. `screens/widgets/countdown_face.py` draws the rows.

Fonts of our own rather than Textual's Digits widget: the clock changes every second
for minutes, and Digits renders through Rich each time, which was a third of what a
running hold cost the machine. Here a new second is a few string joins.
"""

from __future__ import annotations

from typing import Literal

Size = Literal["small", "large", "huge"]
LARGE_FROM = (100, 30)
HUGE_FROM = (140, 40)

SMALL_FONT: dict[str, tuple[str, ...]] = {
    "0": ("╭─╮", "│ │", "╰─╯"),
    "1": ("╶┐ ", " │ ", "╶┴╴"),
    "2": ("╶─╮", "╭─╯", "╰─╴"),
    "3": ("╶─╮", " ─┤", "╶─╯"),
    "4": ("╷ ╷", "╰─┤", "  ╵"),
    "5": ("╭─╴", "╰─╮", "╶─╯"),
    "6": ("╭─╴", "├─╮", "╰─╯"),
    "7": ("╶─┐", "  │", "  ╵"),
    "8": ("╭─╮", "├─┤", "╰─╯"),
    "9": ("╭─╮", "╰─┤", "╶─╯"),
    ":": ("   ", " : ", "   "),
}
"""3 rows of light box lines, each digit 3 cells wide, as small as a clock can be and
still read at a glance."""

FONT: dict[str, tuple[str, ...]] = {
    "0": ("████", "█  █", "█  █", "█  █", "████"),
    "1": ("  █ ", " ██ ", "  █ ", "  █ ", " ███"),
    "2": ("████", "   █", "████", "█   ", "████"),
    "3": ("████", "   █", " ███", "   █", "████"),
    "4": ("█  █", "█  █", "████", "   █", "   █"),
    "5": ("████", "█   ", "████", "   █", "████"),
    "6": ("████", "█   ", "████", "█  █", "████"),
    "7": ("████", "   █", "  █ ", " █  ", " █  "),
    "8": ("████", "█  █", "████", "█  █", "████"),
    "9": ("████", "█  █", "████", "   █", "████"),
    ":": (" ", "█", " ", "█", " "),
}
"""5 rows; every glyph of one width, so the clock does not jump as the seconds change."""


def size_for(width: int, height: int) -> Size:
    if width >= HUGE_FROM[0] and height >= HUGE_FROM[1]:
        return "huge"
    if width >= LARGE_FROM[0] and height >= LARGE_FROM[1]:
        return "large"
    return "small"


def clock_rows(text: str, size: Size = "small") -> list[str]:
    """`text` ("1:26") as the rows the clock draws at `size`."""
    if size == "small":
        glyphs = [SMALL_FONT.get(ch, SMALL_FONT["0"]) for ch in text]
        return ["".join(glyph[row] for glyph in glyphs) for row in range(3)]
    scale = 2 if size == "huge" else 1
    rows = []
    for row in range(5):
        line = " ".join(FONT.get(ch, FONT["0"])[row] for ch in text)
        line = "".join(cell * scale for cell in line)
        rows.extend([line] * scale)
    return rows
