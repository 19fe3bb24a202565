"""`?`: the keys of the screen underneath, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from screens.base import CoachModal


class KeysScreen(CoachModal[None]):
    CSS_PATH = "keys.tcss"
    BINDINGS = [Binding("q,escape,enter,question_mark", "dismiss(None)", "Close", id="keys-close")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.lines = keys_for(under)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="keys"):
            yield Static("Keys on this screen", classes="title-line")
            yield Static("\n".join(self.lines), id="keys-list", markup=False)
            yield Static("Ctrl+C or Ctrl+Q quits from anywhere.", classes="hint")
        yield Footer(show_command_palette=False, compact=True)


def keys_for(screen: Screen) -> list[str]:
    """One line per described binding, keys as the Footer shows them."""
    lines = []
    seen = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        key = screen.app.get_key_display(binding)
        lines.append(f"{key:>8}  {binding.description}")
    return lines
