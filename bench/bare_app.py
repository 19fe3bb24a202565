"""The reference TUI: the smallest Textual app that still looks like an app.

A Header, one Static line and a Footer, in the same venv and Textual version as
Calf Coach. Timing it in the same run as the app separates what Textual itself costs
on this machine from what Calf Coach adds on top, so the budgets hold on fast and
slow machines alike.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Bare Textual reference app is ready."


class BareApp(App[None]):
    """Nothing but the three widgets; `q` quits.

    With `--tick` it also rewrites one line once a second, the least any Textual
    countdown must do: the reference of figure 3a, and a context row of 3b (README.md).
    """

    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, tick: bool = False) -> None:
        super().__init__()
        self.tick = tick
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Static(id="tick")
        yield Footer()

    def on_mount(self) -> None:
        if self.tick:
            self.set_interval(1.0, self.next_second)

    def next_second(self) -> None:
        self.count += 1
        self.query_one("#tick", Static).update(f"{self.count} s", layout=False)


if __name__ == "__main__":
    BareApp(tick="--tick" in sys.argv).run()
