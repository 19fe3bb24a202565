"""One answer to a screen's question, chosen by its letter, a click, or focus and Enter."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


def choice_label(key: str, text: str) -> Text:
    """A label that shows its key in text, not only in colour."""
    return Text.assemble((f"{key}", "bold underline"), f"  {text}")


class Choice(Static, can_focus=True):
    """A big, plain answer box.

    Textual's Button looked the same here but made the first frame later (its styles
    alone are a large sheet to parse; bench figure 1), and the first frame is what a
    person in pain waits for. Focus shows as reverse video, so it reads without colour.
    """

    DEFAULT_CSS = """
    Choice {
        width: 100%;
        height: 3;
        padding: 0 1;
        content-align-vertical: middle;
        background: $surface;
        border-top: tall $surface-lighten-1;
        border-bottom: tall $surface-darken-1;
        text-style: bold;
    }
    Choice:hover {
        background: $surface-lighten-1;
    }
    Choice:focus {
        text-style: bold reverse;
    }
    Choice.-compact {
        height: 1;
        border: none;
    }
    """
    # Enter only, as Button: space is the hold's pause key, and a stray press just as
    # the follow-up question opens must not answer it.
    BINDINGS = [Binding("enter", "choose", show=False)]

    class Chosen(Message):
        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, key: str, text: str, *, id: str) -> None:
        super().__init__(choice_label(key, text), id=id, classes="choice")

    def on_click(self) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self))
