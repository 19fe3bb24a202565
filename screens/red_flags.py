"""When to get help: red flags, with the numbers for the person's region."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.content import Content, Region
from coach.i18n import t
from coach.printing import HEADINGS, REASONS
from screens.base import CoachModal
from screens.key_footer import KeyFooter


class RedFlags(CoachModal[None]):
    """Reachable with ! from every screen; also where an unresolved episode ends."""

    CSS_PATH = "red_flags.tcss"
    BINDINGS = [
        Binding("q,escape,enter", "dismiss(None)", "Close", id="red-flags-close"),
        Binding("down", "scroll_more", "Scroll", key_display="↓", id="red-flags-scroll"),
    ]

    def action_scroll_more(self) -> None:
        self.query_one("#red-flags", VerticalScroll).scroll_down()

    def __init__(self, content: Content, region: Region, reason: str | None = None) -> None:
        super().__init__()
        self.content = content
        self.numbers = region
        self.reason = reason

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="red-flags"):
            yield Static(t("When to get help"), classes="title-line")
            if self.reason:
                yield Static(t(REASONS.get(self.reason, self.reason)), id="red-flag-reason")
            yield Static(
                Text.assemble(
                    (t("Emergency: "), "bold"),
                    self.numbers.emergency,
                    "\n",
                    (t("Urgent advice: "), "bold"),
                    self.numbers.urgent,
                ),
                id="numbers",
            )
            for action, heading in HEADINGS.items():
                flags = [f for f in self.content.red_flags if f.action == action]
                if not flags:
                    continue
                yield Static(t(heading), classes=f"flag-heading -{action}")
                for flag in flags:
                    yield Static(
                        Text.assemble((flag.title, "bold"), "\n", flag.text),
                        classes="flag",
                        id=f"flag-{flag.id}",
                    )
            yield Static(t("This is self-care guidance, not a diagnosis."), classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#red-flags", VerticalScroll).focus()
