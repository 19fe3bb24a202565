"""When to get help: the action and the number first, then the signs.

Opened with ! from every screen (every red flag), and where an episode ends at
"get help" (`GetHelp`: the swollen-leg answer, the time limit, or leaving before the
cramp eased), which shows only what that moment needs.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Key

from coach.content.model import Content, Region
from coach.core.steps import GetHelp
from coach.text import wording
from coach.text.aloud import help_said
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import line_widget

STILL_SECONDS = 1.0
"""How long an episode's get-help screen takes no key after it is put up: q or Escape
mashed to leave a hold (or Enter at TIME'S UP) would close the advice it brought up
before it could be read."""


class RedFlags(CoachModal[None]):
    CSS_PATH = "red_flags.tcss"
    OPENED_BY = "red_flags"
    AUTO_FOCUS = "#red-flags"
    """Textual's own focusing looks the scroller up if it is there: on_mount querying it
    crashed when a signal ended the app as the screen was put up (#29 item 5)."""
    BINDINGS = [
        # Every sign, opened with !: any of the usual keys closes it.
        Binding("q,escape,enter", "close_signs", "Close", id="red-flags-close"),
        # An episode's get-help: a deliberate key, never Enter alone (check_action).
        Binding("c,escape", "close_help", "Close", key_display="c", id="get-help-close"),
        Binding("down", "scroll_more", "Scroll", key_display="↓", id="red-flags-scroll"),
    ]

    def __init__(self, content: Content, region: Region, step: GetHelp | None = None) -> None:
        super().__init__()
        self.content = content
        self.numbers = region
        self.step = step
        self._still_until: float | None = None
        """On the app's clock: until when an episode's get-help takes no key."""

    def compose(self) -> ComposeResult:
        if self.step is None:
            lines = wording.red_flags(self.content, self.numbers)
        else:
            lines = wording.get_help(self.step, self.content, self.numbers)
        with VerticalScroll(id="red-flags"):
            for i, line in enumerate(lines):
                yield line_widget(line, id="red-flag-reason" if i == 0 and self.step else None)
        yield KeyFooter()

    def _clock(self) -> float:
        return getattr(self.app, "clock", time.monotonic)()

    def on_mount(self) -> None:
        if self.step is not None:
            self._still_until = self._clock() + STILL_SECONDS
            # Getting help is said first, when the voice is on.
            lines = wording.get_help(self.step, self.content, self.numbers)
            self.coach.voice.say_first(help_said(lines))

    def came_too_soon(self, key: Key) -> bool:
        """Also, on an episode's get-help, any key in its first second (Ctrl+C still
        quits: the app lets ctrl keys through, and quitting prints this advice)."""
        if super().came_too_soon(key):
            return True
        return self._still_until is not None and self._clock() < self._still_until

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_signs":
            return self.step is None
        if action == "close_help":
            return self.step is not None
        return True

    def action_close_signs(self) -> None:
        self.dismiss(None)

    def action_close_help(self) -> None:
        self.dismiss(None)

    def action_scroll_more(self) -> None:
        for scroller in self.query("#red-flags").results(VerticalScroll):
            scroller.scroll_down()
