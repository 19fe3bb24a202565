"""When to get help: the action and the number first, then the signs.

Opened with ! from every screen (every red flag), and where an episode ends at
"get help" (`GetHelp`: the swollen-leg answer, the time limit, or leaving before the
cramp eased), which shows only what that moment needs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from coach.content.model import Content, Region
from coach.core.steps import GetHelp
from coach.text import wording
from coach.text.aloud import help_said
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import line_widget


class RedFlags(CoachModal[None]):
    CSS_PATH = "red_flags.tcss"
    OPENED_BY = "red_flags"
    BINDINGS = [
        Binding("q,escape,enter", "dismiss(None)", "Close", id="red-flags-close"),
        Binding("down", "scroll_more", "Scroll", key_display="↓", id="red-flags-scroll"),
    ]

    def __init__(self, content: Content, region: Region, step: GetHelp | None = None) -> None:
        super().__init__()
        self.content = content
        self.numbers = region
        self.step = step

    def compose(self) -> ComposeResult:
        if self.step is None:
            lines = wording.red_flags(self.content, self.numbers)
        else:
            lines = wording.get_help(self.step, self.content, self.numbers)
        with VerticalScroll(id="red-flags"):
            for i, line in enumerate(lines):
                yield line_widget(line, id="red-flag-reason" if i == 0 and self.step else None)
        yield KeyFooter()

    def action_scroll_more(self) -> None:
        self.query_one("#red-flags", VerticalScroll).scroll_down()

    def on_mount(self) -> None:
        self.query_one("#red-flags", VerticalScroll).focus()
        if self.step is not None:  # getting help is said first, when the voice is on
            lines = wording.get_help(self.step, self.content, self.numbers)
            self.app.voice.say_first(help_said(lines))  # type: ignore[attr-defined]
