"""Which style sheets are parsed when, so no one in a cramp waits for a parse.

Textual parses the app's styles before the first frame, and every screen pushed later
whose file is new costs a full reparse of them all. So the first screen's file is parsed
with the app's, and the files of the screens every episode meets are read while that
first screen is being read (CalfCoach.started), not before it is drawn.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App

from screens.app.textual_private import parse_style_files

HERE = Path(__file__).parent.parent  # screens/, where each screen's .tcss sits
EPISODE = ("safety_check.tcss", "hold.tcss", "follow_up.tcss")
"""The swollen-leg question, the hold, and the question after it."""


def style_file(name: str) -> Path:
    """A file beside the screens, named as Textual names a screen's own CSS_PATH, so
    the two are seen as one file and it is never read twice."""
    return Path(os.path.normpath(HERE / name))


def first_styles(start: str | None) -> list[Path]:
    """The file of the screen a start shows first (the picker when there is none).

    Textual reads the CSS_PATH of each screen pushed, but not that of the app's default
    screen (`get_default_screen`: the picker, or the history): given to the app, it is
    parsed with the app's own, and that screen has its styles at its first frame."""
    first = {None: "side_picker.tcss", "history": "history.tcss", "back": "safety_check.tcss"}
    name = first.get("back" if start == "front" else start)
    return [style_file(name)] if name else []


def style_episode_screens(app: App) -> None:
    """Read and parse the episode's files now, once, as pushing each screen would."""
    parse_style_files(app, [str(style_file(name)) for name in EPISODE])
