"""What every screen of the app can reach: get help (!), help (?), the command palette
and its commands (themes, country), the country picker, and how a key is written."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coach.content.model import Content, Region
from coach.store.settings import SettingsFile
from screens.base import HomeScreen


class AppActions(App[int]):
    """The app as its screens reach it. CalfCoach (screens/app/shell.py) is this app with
    a flow, a diary and a voice; it sets what is declared here."""

    content: Content
    region: Region
    ask_region: bool
    prefs: SettingsFile
    data_dir: Path
    _leaving: bool
    """Quitting in the middle of a flow: the flow is being ended and saved."""
    _warn: Callable[[str | None], None]
    """Show a warning, if there is one, as a plain-text notice."""

    def set_region(self, region_id: str | None) -> None:
        """The person chose their country (first screen or palette): use it, keep it."""
        if region_id not in self.content.regions:
            return
        self.region = self.content.regions[region_id]
        self.ask_region = False
        self._warn(self.prefs.remember({"region": region_id}))
        if isinstance(self.screen, HomeScreen):
            self.screen.region_changed(self.region)

    def action_choose_region(self) -> None:
        from screens.country import CountryPicker  # the screens seam: a dialog opened on a key

        if not (self._ending() or isinstance(self.screen, CountryPicker)):
            self.push_screen(CountryPicker(self.content, self.region.id), self.set_region)

    def action_red_flags(self) -> None:
        from screens.red_flags import RedFlags  # the screens seam: a dialog opened on a key

        # Over the end of an episode's "get help" (one reason), ! still opens every sign.
        showing_all = isinstance(self.screen, RedFlags) and self.screen.step is None
        if not (self._ending() or showing_all):
            self.push_screen(RedFlags(self.content, self.region))

    def action_help(self) -> None:
        from screens.help import HelpScreen  # the screens seam: a dialog opened on a key

        if not (self._ending() or isinstance(self.screen, HelpScreen)):
            self.push_screen(HelpScreen(self.screen, self.content, self.data_dir))

    def _ending(self) -> bool:
        """Quitting (q, a signal) or exiting (`App.exit` sets the return code): no new
        screen is put up."""
        return self._leaving or self.return_code is not None

    def action_command_palette(self) -> None:
        from screens.app.palette import Palette  # the screens seam: a dialog opened on a key

        # Textual types is_open's app as App[object]: an App[int] is one too.
        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(id="--command-palette"))

    def get_key_display(self, binding: Binding) -> str:
        """A letter or digit is written as itself, as Textual writes it, without first
        being looked up as a character name: `unicodedata.lookup` reads scattered pages
        of its name tables, and the footers' keys brought many of them into memory
        (with `!` and `?` given their own `key_display`, screens/base.py)."""
        key = binding.key
        if not binding.key_display and len(key) == 1 and key.isascii() and key.isalnum():
            return key
        return super().get_key_display(binding)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide "Get help" / "Help" from the footer of the screen they already opened
        # (an episode's own "get help" screen keeps ! for the whole list).
        opened_by = getattr(type(self.screen), "OPENED_BY", None)
        if opened_by == "red_flags" and getattr(self.screen, "step", None) is not None:
            return True
        return opened_by != action

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Calf Coach's own (when to get help, the three themes made for it, the country),
        then those of Textual's that work here."""
        from screens.app.palette import offered  # the screens seam: a dialog opened on a key

        def use_theme(name: str) -> Callable[[], None]:
            return lambda: setattr(self, "theme", name)

        yield SystemCommand("When to get help", "Red flags and numbers", self.action_red_flags)
        yield SystemCommand("Day theme", "Dark, for the daytime", use_theme("day"))
        yield SystemCommand("Night theme", "Dim, high contrast, for the dark", use_theme("night"))
        yield SystemCommand("Light theme", "High contrast on white", use_theme("light"))
        yield SystemCommand("Country", "Which emergency numbers to show", self.action_choose_region)
        yield from offered(super().get_system_commands(screen))
