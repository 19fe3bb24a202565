"""What every screen of the app can reach: get help (!), help (?), the command palette
and its commands (themes, country), the country picker, and how a key is written.

A mixin of CalfCoach (screens/app/shell.py), kept apart so the app file stays small.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from screens.base import HomeScreen

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen


class AppActions:
    """Needs from the app: content, region, ask_region, prefs, data_dir, _leaving,
    _warn(), and Textual's App."""

    def set_region(self, region_id: str | None) -> None:
        """The person chose their country (first screen or palette): use it, keep it."""
        if region_id not in self.content.regions:
            return
        self.region = self.content.regions[region_id]
        self.ask_region = False
        self.prefs.settings.region = region_id
        self._warn(self.prefs.save())
        if isinstance(self.screen, HomeScreen):
            self.screen.region_changed(self.region)  # type: ignore[attr-defined]

    def action_choose_region(self) -> None:
        from screens.country import CountryPicker

        if not (self._leaving or self._exit or isinstance(self.screen, CountryPicker)):
            self.push_screen(CountryPicker(self.content, self.region.id), self.set_region)

    def action_red_flags(self) -> None:
        from screens.red_flags import RedFlags

        # Over the end of an episode's "get help" (one reason), ! still opens every sign.
        showing_all = isinstance(self.screen, RedFlags) and self.screen.step is None
        if not (self._leaving or self._exit or showing_all):
            self.push_screen(RedFlags(self.content, self.region))

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not (self._leaving or self._exit or isinstance(self.screen, HelpScreen)):
            self.push_screen(HelpScreen(self.screen, self.content, self.data_dir))

    def action_command_palette(self) -> None:
        from screens.app.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def get_key_display(self, binding: Binding) -> str:
        """A letter or digit is written as itself, as Textual writes it, without first
        being looked up as a character name: `unicodedata.lookup` reads scattered pages
        of its name tables, and the footers' keys brought about 0.6 MiB of them into
        memory (with `!` and `?` given their own `key_display`, screens/base.py)."""
        key = binding.key
        if not binding.key_display and len(key) == 1 and key.isascii() and key.isalnum():
            return key
        return super().get_key_display(binding)  # type: ignore[misc]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide "Get help" / "Help" from the footer of the screen they already opened
        # (an episode's own "get help" screen keeps ! for the whole list).
        opened_by = getattr(type(self.screen), "OPENED_BY", None)
        if opened_by == "red_flags" and self.screen.step is not None:  # type: ignore[attr-defined]
            return True
        return opened_by != action

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from screens.app.palette import offered, own_commands

        yield from own_commands(self)  # type: ignore[arg-type]
        yield SystemCommand("Country", "Which emergency numbers to show", self.action_choose_region)
        yield from offered(super().get_system_commands(screen))  # type: ignore[misc]
