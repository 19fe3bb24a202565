"""Calf Coach's own themes: a dark day theme, a dim night theme and a high-contrast light
theme.

The day theme is Textual's own dark one (textual-dark) made to read at least 4.5:1 in
16, 256 and true colour (#27 item 10): a darker panel and deeper blue and red, so that a
16-colour terminal shows them as black, blue and red, not grey, cyan and bright red.

The night theme is for a dark bedroom at 3 a.m.: a near-black background, warm
off-white text (never pure white), and muted accents that still pass contrast.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.theme import Theme

DAY = Theme(
    name="day",
    primary="#1450b4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#a8283f",
    success="#4ebf71",
    foreground="#e0e0e0",
    background="#121212",
    surface="#1e1e1e",
    panel="#1d2630",
    dark=True,
    variables={
        "footer-key-foreground": "#ffa62b",
        "text-muted": "#a0a0a0",
        "text-disabled": "#8a8a8a",
        "success-muted": "#0f3319",
    },
)

NIGHT = Theme(
    name="night",
    primary="#7a9cc6",
    secondary="#8f8fb8",
    accent="#c9a86a",
    warning="#d9a441",
    error="#e07a6a",
    success="#7fb38a",
    foreground="#d9d2c3",
    background="#0b0d10",
    surface="#14181d",
    panel="#1b2027",
    boost="#232a33",
    dark=True,
    variables={
        "footer-key-foreground": "#c9a86a",
        "block-cursor-text-style": "bold",
        "text-muted": "#a8a29a",
        "text-disabled": "#a8a29a",
    },
)

LIGHT = Theme(
    name="light",
    primary="#003d99",
    secondary="#4b0082",
    accent="#5c2a00",
    warning="#5c2a00",
    error="#a30000",
    success="#005500",
    foreground="#000000",
    background="#ffffff",
    surface="#f2f2f2",
    panel="#e6e6e6",
    dark=False,
    variables={
        "footer-key-foreground": "#003d99",
        "text-muted": "#2a2a2a",
        "text-disabled": "#2a2a2a",
    },
)

THEMES = (DAY, NIGHT, LIGHT)


XTERM_16 = (
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
)  # fmt: skip
"""xterm's default 16 colours, the palette most 16-colour terminals copy."""


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: int, b: int) -> float:
    la, lb = sorted((_luminance(XTERM_16[a]), _luminance(XTERM_16[b])), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _index16(color: RichColor | None) -> int | None:
    if color is None or color.is_default:
        return None
    return color.downgrade(ColorSystem.STANDARD).number


@lru_cache(maxsize=1024)
def _unbrightened(style: Style, background: RichColor | None) -> Style:
    fg = _index16(style.color)
    bg = _index16(style.bgcolor or background)
    if fg is None or bg is None or fg >= 8:  # reverse swaps the two: the same contrast
        return style
    if _contrast(fg + 8, bg) < _contrast(fg, bg):
        return style + Style(bold=False)
    return style


def keep_bold_readable(segments: list[Segment], background: Color) -> list[Segment]:
    """At 16 colours, xterm (its default boldColors), the Linux console and PuTTY draw
    bold text in colours 0-7 in their bright twins 8-15: the light theme's bold black
    showed grey on white, and the get-help panel's bold dark text grey on bright red,
    in a real xterm (#27 item 10). This takes bold off text whose bright twin would be
    harder to read on its background than its own colour; bold light text on a dark
    background keeps its bold. The app runs it on each line it draws, at 16 colours
    only (CalfCoach, through textual_private.line_filter)."""
    back = background.rich_color
    shown = []
    for segment in segments:
        text, style, control = segment
        if style is not None and style.bold and not control:
            segment = Segment(text, _unbrightened(style, back), control)
        shown.append(segment)
    return shown
