"""Calf Coach's own themes: a dim night theme and a high-contrast light theme.

The night theme is for a dark bedroom at 3 a.m.: a near-black background, warm
off-white text (never pure white), and muted accents that still pass contrast.
"""

from __future__ import annotations

from textual.theme import Theme

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

THEMES = (NIGHT, LIGHT)
