"""Which country are you in? So the red flags show the right numbers to call.

Nothing is chosen when it opens: a stray Enter (or Ctrl+P, then Enter on "Country")
must not save a country for good. Typing a name, or a number, narrows the list and
marks the first that fits; the arrows mark one; Enter keeps the one marked.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coach.content.model import Content, Region
from coach.core.i18n import t
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


def matching(regions: list[Region], typed: str) -> list[Region]:
    """The countries whose name, number or id holds what was typed (any case)."""
    wanted = typed.casefold().strip()
    return [r for r in regions if wanted in f"{r.name} {r.emergency} {r.id}".casefold()]


class CountryPicker(CoachModal[str | None]):
    """Returns the region id chosen, or None to keep the current one."""

    CSS_PATH = "country.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Keep as it is", id="country-close"),
        Binding("backspace", "unfilter", "Undo a letter", show=False, id="country-backspace"),
    ]

    def __init__(self, content: Content, current: str) -> None:
        super().__init__()
        self.content = content
        self.current = current
        self.regions = [r for r in content.regions.values() if r.id != "default"]
        """Escape keeps the general numbers: "default" is not offered."""
        self.typed = ""
        # Kept, not looked up: they are not there when the app ends as the dialog is put
        # up (a signal: #29 item 5).
        self._typed_line = Words("", id="typed")
        self._countries = OptionList(*self._options(self.regions), id="countries", markup=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="country-box"):
            yield Words(t("Which country are you in?"), classes="title-line")
            yield Words(
                t("Type its name, or use the arrows; then Enter. Esc keeps it as it is."),
                classes="hint",
            )
            yield self._typed_line
            yield self._countries
        yield KeyFooter()

    @staticmethod
    def _options(regions: list[Region]) -> list[Option]:
        return [Option(f"{region.name}: {region.emergency}", id=region.id) for region in regions]

    def on_mount(self) -> None:
        countries = self._countries
        countries.highlighted = None  # OptionList marks its first: nothing is chosen yet
        countries.focus()

    def on_key(self, event: events.Key) -> None:
        """A letter, digit or space narrows the list; `!` and `?` stay help keys."""
        typed = event.character
        if typed and len(typed) == 1 and (typed.isalnum() or typed == " "):
            event.stop()
            event.prevent_default()
            self._filter(self.typed + typed)

    def action_unfilter(self) -> None:
        if self.typed:
            self._filter(self.typed[:-1])

    def _filter(self, typed: str) -> None:
        self.typed = typed
        found = matching(self.regions, typed) if typed.strip() else self.regions
        countries = self._countries
        countries.set_options(self._options(found))
        if typed.strip() and found:
            countries.highlighted = 0  # typed: the first that fits is the one chosen
        line = self._typed_line
        line.display = bool(typed)  # no empty line in a short window
        if not typed:
            line.update("")
        elif found:
            line.update(t("Typed: {typed}", typed=typed))
        else:
            line.update(t("Typed: {typed}. None fits; Backspace to undo.", typed=typed))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
