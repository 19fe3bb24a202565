"""After a hold: has the cramp eased?"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from screens.hold import HoldResult, clock_text
from screens.side_picker import choice_label

ANSWERS = {"gone": "y", "somewhat": "s", "still": "n"}


class FollowUp(Screen[str]):
    """Returns "gone", "somewhat", "still", or "left" if they walk away."""

    CSS_PATH = "follow_up.tcss"
    BINDINGS = [
        Binding("y", "answer('gone')", "Gone", id="eased-gone"),
        Binding("s", "answer('somewhat')", "Somewhat", id="eased-somewhat"),
        Binding("n", "answer('still')", "Still cramping", id="eased-still"),
        Binding("q,escape", "answer('left')", "Leave", id="follow-up-leave"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, hold: HoldResult, extend_seconds: int) -> None:
        super().__init__()
        self.hold = hold

    def compose(self) -> ComposeResult:
        done = clock_text(round(self.hold.actual_seconds))
        banner = (
            f"Hold finished early, after {done}."
            if self.hold.ended == "eased"
            else f"Hold complete: {done}. Let go slowly."
        )
        with Vertical(id="follow-up"):
            yield Static(banner, id="follow-up-banner")
            yield Static("Has the cramp eased?", classes="title-line")
            yield Button(choice_label("y", "Yes, it's gone"), id="gone", classes="choice")
            yield Button(choice_label("s", "Somewhat better"), id="somewhat", classes="choice")
            yield Button(choice_label("n", "No, still cramping"), id="still", classes="choice")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#gone", Button).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.height < 20, "-short")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id or "left")

    def action_answer(self, outcome: str) -> None:
        self.dismiss(outcome)
