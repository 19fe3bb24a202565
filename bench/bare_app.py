"""The reference TUI: the smallest Textual app that still looks like an app.

A Header, one Static line and a Footer, in the same venv and Textual version as
Calf Coach. Timing it in the same run as the app separates what Textual itself costs
on this machine from what Calf Coach adds on top, so the budgets hold on fast and
slow machines alike.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Bare Textual reference app is ready."


class BareApp(App[None]):
    """Nothing but the three widgets; `q` quits."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
