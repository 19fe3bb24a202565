"""Which country are you in? So the red flags show the right numbers to call."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.content.model import Content
from coach.core.i18n import t
from screens.base import CoachModal
from screens.widgets.key_footer import KeyFooter


class CountryPicker(CoachModal[str | None]):
    """Returns the region id chosen, or None to keep the current one."""

    CSS_PATH = "country.tcss"
    BINDINGS = [Binding("q,escape", "dismiss(None)", "Keep as it is", id="country-close")]

    def __init__(self, content: Content, current: str) -> None:
        super().__init__()
        self.content = content
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="country-box"):
            yield Static(t("Which country are you in?"), classes="title-line")
            yield Static(
                t("So the red flags show the right numbers. Arrows, then Enter."),
                classes="hint",
            )
            options = [
                Option(f"{region.name}: {region.emergency}", id=region.id)
                for region in self.content.regions.values()
                if region.id != "default"  # Escape keeps the general numbers
            ]
            yield OptionList(*options, id="countries", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        countries = self.query_one(OptionList)
        ids = [rid for rid in self.content.regions if rid != "default"]
        countries.highlighted = ids.index(self.current) if self.current in ids else 0
        countries.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
