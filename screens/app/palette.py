"""The command palette (Ctrl+P): which of Textual's commands it offers, and one Textual
8.2.8 bug fenced off."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from platformdirs import user_downloads_path
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette


def offered(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands, minus those that do not work here.

    "Keys" opens Textual's help panel, and Escape from it then quits the whole app (in
    the middle of a hold); this app's own `?` help lists every key. "Screenshot" saves
    to the downloads folder and fails when there is none.
    """
    for command in commands:
        if command.title == "Keys":
            continue
        if command.title == "Screenshot" and not user_downloads_path().is_dir():
            continue
        yield command


class Palette(CommandPalette):
    """Textual's palette, minus a crash a fast typist can reach.

    PageUp/PageDown pressed before the command list has been laid out raise KeyError(0)
    inside OptionList, which pages by rendered lines and has none yet. There is nothing
    to page then, so the key is dropped.
    """

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            commands = self.query_one(CommandList)
            if not commands.option_count or not commands.size.height:
                return
        super()._action_command_list(action)
