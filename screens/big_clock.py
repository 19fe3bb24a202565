"""A countdown you can read across a dark bedroom: block digits that grow with the window.

Textual's Digits are 3 rows tall whatever the window. From 100x30 this draws a 5-row
block font of its own, and from 140x40 the same font at twice the size (10 rows), so
the time left fills the room the window gives it. The shape of each size is fixed, so
a new second only repaints (no layout), as with the other lines of a timed screen.
"""

from __future__ import annotations

from typing import Literal

from textual.widgets import Static

Size = Literal["small", "large", "huge"]
LARGE_FROM = (100, 30)
HUGE_FROM = (140, 40)

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


def block_text(text: str, scale: int = 1) -> str:
    """`text` ("1:26") in the block font, each cell `scale` times wider and taller."""
    rows = []
    for row in range(5):
        line = " ".join(FONT.get(ch, FONT["0"])[row] for ch in text)
        line = "".join(cell * scale for cell in line)
        rows.extend([line] * scale)
    return "\n".join(rows)


class BigClock(Static):
    """The time left in block digits; `scale` 1 (5 rows) or 2 (10 rows)."""

    def __init__(self, text: str, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.scale = 1
        self.value = text

    def on_mount(self) -> None:
        self.update(block_text(self.value, self.scale))

    def show(self, text: str, scale: int) -> None:
        if text != self.value or scale != self.scale:
            relayout = scale != self.scale or len(text) != len(self.value)
            self.value, self.scale = text, scale
            self.update(block_text(text, scale), layout=relayout)
