"""`?`: the keys of the screen underneath, what the app is for, and its sources."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen

from coach.content.model import Content
from coach.core.i18n import t
from coach.text.wording import how_sure
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words

DOES = (
    "Talks you through a calf cramp: which side, a timed stretch, and what to do if it "
    "does not ease.",
    "Tells you when to stop self-care and get medical help.",
    "Shows which known causes may fit you, and prevention tips with how strong the "
    "evidence is for each.",
    "Keeps a private record of your cramps and bedtime routines on this computer only.",
)
DOES_NOT = (
    "It does not diagnose, and it is not an emergency service.",
    "It never suggests a medicine or a dose, or stopping a prescribed medicine.",
    "It sends nothing over the network.",
)


class HelpScreen(CoachModal[None]):
    CSS_PATH = "help.tcss"
    OPENED_BY = "help"
    BINDINGS = [
        Binding("q,escape,enter,question_mark", "dismiss(None)", "Close", id="help-close"),
        Binding("down", "scroll_more", "Scroll", key_display="↓", id="help-scroll"),
    ]

    def __init__(self, under: Screen, content: Content, data_dir: Path) -> None:
        super().__init__()
        self.lines = keys_for(under)
        self.content = content
        self.data_dir = data_dir
        # The stretch on screen underneath (a hold's guide, or the routine), if any.
        self.stretch = getattr(under, "guide", None) or getattr(under, "routine", None)
        self._box = VerticalScroll(id="help")
        """Kept, not looked up: it is not there when the app ends as the screen is put up
        (a signal: #29 item 5)."""

    def compose(self) -> ComposeResult:
        with self._box:
            yield Words(t("Keys on this screen"), classes="title-line")
            yield Words("\n".join(self.lines), id="keys-list")
            yield Words(
                t(
                    "Ctrl+C or Ctrl+Q quits from anywhere. Ctrl+P opens the command palette "
                    "(themes, help)."
                ),
                classes="hint",
            )
            if self.stretch is not None:
                yield Words(t("This stretch"), classes="section")
                yield Words(
                    how_sure(self.content, self.stretch.evidence, self.stretch.source),
                    id="stretch-evidence",
                    markup=False,
                )
            yield Words(t("What Calf Coach does"), classes="section")
            yield Words("\n".join(f"• {t(line)}" for line in DOES))
            yield Words(t("What it does not do"), classes="section")
            yield Words("\n".join(f"• {t(line)}" for line in DOES_NOT))
            yield Words(t("Where your history is kept"), classes="section")
            yield Words(str(self.data_dir / "history.db"), id="history-path")
            yield Words(t("How sure is each tip?"), classes="section")
            for level in self.content.evidence.values():
                yield Words(Text.assemble((level.label, "bold"), f": {level.meaning}"))
            yield Words(t("Sources"), classes="section")
            for source in self.content.sources:
                yield Words(
                    Text.assemble(source.name, "\n  ", (source.url, "underline")), classes="source"
                )
        yield KeyFooter()

    def on_mount(self) -> None:
        self._box.focus()  # a widget not mounted is not focused: Textual lets it go

    def action_scroll_more(self) -> None:
        self._box.scroll_down()


def keys_for(screen: Screen) -> list[str]:
    """One line per described binding, keys as the footer shows them, in the person's
    language."""
    lines = []
    seen = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not (binding.description and binding.show) or binding.system or binding.action in seen:
            continue
        seen.add(binding.action)
        key = screen.app.get_key_display(binding)
        lines.append(f"{key:>8}  {t(binding.description)}")
    return lines
