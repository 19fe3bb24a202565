"""The Textual app: wires screens into the relief flow.

The flow (side → hold → follow-up → causes → tips) is one worker coroutine, so it
reads top to bottom like the path a person takes. Screens return what the person
chose through `dismiss()`; this module decides what comes next.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from coach.content import Content
from coach.episode import Episode
from coach.timer import Clock
from screens.side_picker import SidePicker


class CalfCoach(App[int]):
    """Calf Coach: one question, one key, then a guided stretch."""

    CSS_PATH = "app.tcss"
    TITLE = "Calf Coach"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c"),
        Binding("exclamation_mark", "red_flags", "Get help", id="red-flags"),
        Binding("question_mark", "keys", "Keys", id="keys"),
    ]

    def __init__(
        self,
        content: Content,
        *,
        side: str | None = None,
        hold_seconds: int | None = None,
        position: str | None = None,
        region: str = "default",
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__()
        self.content = content
        self.start_side = side
        self.hold_seconds = hold_seconds or content.hold.default_seconds
        self.position = position or content.positions[0].id
        self.region = content.regions.get(region, content.regions["default"])
        self.clock = clock
        self.episode: Episode | None = None

    def on_mount(self) -> None:
        # Pushed rather than returned from get_default_screen(): the default
        # screen does not load its CSS_PATH.
        self.push_screen(SidePicker(self.content))
        if self.start_side:
            self.run_episode(self.start_side)

    def on_side_picker_chosen(self, message: SidePicker.Chosen) -> None:
        self.run_episode(message.side)

    def on_side_picker_browse_tips(self) -> None:
        from screens.tips import TipsScreen

        self.push_screen(TipsScreen(self.content, ()))

    @work(exclusive=True, group="episode")
    async def run_episode(self, side: str) -> None:
        from screens.cause_check import CauseCheck
        from screens.follow_up import FollowUp
        from screens.hold import HoldResult, HoldScreen
        from screens.still_cramping import StillCramping
        from screens.tips import TipsScreen

        episode = self.episode = Episode(side, self.position, clock=self.clock)
        guide = self.content.guides[side]
        while True:
            episode.hold_started(self.hold_seconds)
            result: HoldResult = await self.push_screen_wait(
                HoldScreen(
                    self.content, guide, self.position, self.hold_seconds, self.clock, episode.holds
                )
            )
            episode.hold_ended(result.added_seconds, result.actual_seconds)
            episode.position = self.position = result.position
            if result.ended == "left":
                episode.outcome = "left"
                return
            episode.outcome = await self.push_screen_wait(
                FollowUp(result, self.content.hold.extend_seconds)
            )
            if episode.outcome == "left":
                return
            if episode.outcome != "still":
                break
            if episode.needs_help(self.content.hold.escalate_after_seconds):
                episode.outcome = "red_flag"
                await self.push_screen_wait(self._red_flag_screen("long-cramp"))
                return
            choice = await self.push_screen_wait(
                StillCramping(self.content, episode.holds, episode.minutes())
            )
            if choice != "hold":
                return
        episode.causes = await self.push_screen_wait(CauseCheck(self.content.causes))
        await self.push_screen_wait(TipsScreen(self.content, episode.causes))

    def _red_flag_screen(self, reason: str | None = None) -> Screen:
        from screens.red_flags import RedFlags

        return RedFlags(self.content, self.region, reason)

    def action_red_flags(self) -> None:
        from screens.red_flags import RedFlags

        if not isinstance(self.screen, RedFlags):
            self.push_screen(self._red_flag_screen())

    def action_keys(self) -> None:
        from screens.keys import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))


def make_app(
    content: Content | None = None,
    *,
    content_dir: Path | None = None,
    side: str | None = None,
    hold_seconds: int | None = None,
    clock: Clock = time.monotonic,
    **options: object,
) -> CalfCoach:
    """The one way the CLI and the tests build the app."""
    if content is None:
        from coach.content import load

        content = load(content_dir)
    if side in (None, "back", "front"):
        pass
    else:
        raise ValueError(f"unknown side {side!r}")
    return CalfCoach(content, side=side, hold_seconds=hold_seconds, clock=clock, **options)
