"""The command palette (Ctrl+P), with one Textual 8.2.8 bug fenced off."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


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
