"""The cyclic garbage collector, paused while a run builds what it keeps to the end.

A start of the app (Textual's import, the first screen) and a printing command each
make a few hundred thousand objects that live until the program ends, and no garbage
cycles worth finding: the collector would walk them over and over while they are
made. The CLI pauses it (`CollectorPause.start`) and hands the pause to whoever knows
when start-up is over (the app: its first screen is up).
"""

from __future__ import annotations

import gc


class CollectorPause:
    """The collector off from `start()` until `resume()`; one never started (the
    app in a test) leaves the collector alone."""

    def __init__(self) -> None:
        self.paused = False

    @classmethod
    def start(cls) -> CollectorPause:
        pause = cls()
        gc.disable()
        pause.paused = True
        return pause

    def freeze(self) -> None:
        """What exists now lives to the end: out of the collector's sight, so later
        collections walk only what is made after (none is a long pause in a hold)."""
        if self.paused:
            gc.freeze()

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            gc.enable()
