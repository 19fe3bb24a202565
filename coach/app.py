"""The Textual app: wires screens into the relief flow.

The flow (safety check → hold → follow-up → causes → tips) is one worker
coroutine, so it reads top to bottom like the path a person takes. Screens return
what the person chose through `dismiss()`; this module decides what comes next
and saves the episode as it goes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coach.content import Content
from coach.i18n import t
from coach.recorder import Recorder
from coach.settings import SettingsFile, load_settings, theme_for
from screens.base import HELP_KEYS, translate_bindings
from screens.themes import THEMES

if TYPE_CHECKING:  # imported when first needed, to keep start-up close to bare Textual
    import asyncio

    from coach.episode import Episode
    from coach.timer import Clock
    from screens.hold import HoldResult
    from screens.side_picker import SidePicker

T = TypeVar("T")


def first_screens_css(start: str | None, skip_safety_check: bool) -> tuple[str, ...]:
    """The styles of the screens a start meets first, parsed with the app's in one go
    rather than read as each is pushed (a full reparse, about 8 ms, each). A hold is
    always followed by its question, so the follow-up is styled up front too. Every
    screen also names its own file, for when it is met later."""
    if start is None:
        return ("../screens/side_picker.tcss",)
    if start not in ("back", "front"):
        return ()
    safety = () if skip_safety_check else ("../screens/safety_check.tcss",)
    return (*safety, "../screens/hold.tcss", "../screens/follow_up.tcss")


class CalfCoach(App[int]):
    """Calf Coach: one question, one key, then a guided stretch."""

    CSS_PATH = "app.tcss"
    TITLE = "Calf Coach"
    BINDINGS = [
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c"),
        *HELP_KEYS,  # ! and ?, not priority: they wait their turn behind keys typed earlier
    ]

    def __init__(
        self,
        content: Content,
        *,
        data_dir: Path,
        start: str | None = None,
        hold_seconds: int | None = None,
        position: str | None = None,
        region: str | None = None,
        theme: str | None = None,
        hour: int | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        import os.path

        self.prefs: SettingsFile = load_settings(data_dir)
        saved = self.prefs.settings
        here = Path(__file__).parent
        first = first_screens_css(start, False)  # #16: the safety question is always asked
        # Normalised as Textual names a screen's own CSS_PATH, so it is not read twice.
        paths = [Path(os.path.normpath(here / name)) for name in (self.CSS_PATH, *first)]
        super().__init__(css_path=paths)
        translate_bindings(self)
        self.content = content
        self.start = start
        self.hold_seconds = hold_seconds or content.hold.default_seconds
        self.clock = clock
        self.data_dir = data_dir
        self.position = content.first_position(position, saved.position)
        self.region = content.regions.get(region or "default", content.regions["default"])
        self.recorder = Recorder(data_dir)
        self.episode: Episode | None = None
        self._leaving = False
        self._pending_notes: list[str | None] = [self.prefs.warning]
        for custom in THEMES:
            self.register_theme(custom)
        if hour is None:
            hour = datetime.now().hour
        available = frozenset(self.available_themes)
        self.theme = theme_for(hour, theme or saved.theme, available)
        self._theme_ready = True
        if theme is not None and theme not in available:
            self._pending_notes.append(
                t(
                    "Unknown theme {name}; using {used}. Try night or light.",
                    name=repr(theme),
                    used=self.theme,
                )
            )
        elif theme is not None and theme != saved.theme:
            saved.theme = theme
            self._pending_notes.append(self.prefs.save())

    def on_mount(self) -> None:
        self._handle_signals()
        self.call_after_refresh(self.started)
        for note in self._pending_notes:
            self._warn(note)
        # `calf-coach back` goes straight to the stretch: the first screen is built
        # only when the person comes back to it, so the countdown shows sooner.
        if self.start in ("back", "front"):
            self.call_next(self.start_episode, self.start)
        elif self.start == "routine":
            self.run_routine()
        elif self.start == "history":
            self.show_history()
        else:
            self.go_home()

    def started(self) -> None:
        """The first screen is up: turn garbage collection back on if the CLI paused it.

        Everything made so far lives as long as the app, so it is frozen first (moved
        out of the collector's sight): each later collection then walks only what was
        made since, and the first one is not a long pause in the middle of a hold.
        """
        import gc

        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def get_default_screen(self) -> Screen:
        # A plain start draws the picker as its very first frame (its styles are in the
        # app's CSS_PATH), rather than an empty screen and then the picker on top.
        if self.start is None:
            return self._picker()
        return super().get_default_screen()

    def _picker(self) -> SidePicker:
        from screens.side_picker import SidePicker

        first_run = not self.prefs.settings.disclaimer_seen
        if first_run:
            self.prefs.settings.disclaimer_seen = True
            self.call_after_refresh(self.prefs.save)  # after the first frame, not before
        return SidePicker(self.content, self.region, first_run)

    def go_home(self, _result: object = None) -> None:
        """Show the first screen under whatever comes next, once."""
        home = any(type(s).__name__ == "SidePicker" for s in self.screen_stack)
        if self._leaving or self._exit or home:
            return
        self.push_screen(self._picker())

    def on_side_picker_chosen(self, message: SidePicker.Chosen) -> None:
        # Only from the picker on top: "bb" typed fast, or a double click, sends two.
        if type(self.screen).__name__ == "SidePicker":
            self.start_episode(message.side)

    def on_side_picker_open(self, message: SidePicker.Open) -> None:
        if message.what == "tips":
            from screens.tips import TipsScreen

            self.push_screen(TipsScreen(self.content, ()))
        elif message.what == "routine":
            self.run_routine()
        elif message.what == "history":
            self.show_history()

    def _save(self, episode: Episode) -> None:
        self._warn(self.recorder.save(episode))

    def _warn(self, warning: str | None) -> None:
        if warning:
            self.notify(warning, severity="warning", timeout=10, markup=False)

    def start_episode(self, side: str) -> None:
        """Put the first question up now and run the rest of the flow in a worker.

        Pushed here rather than from inside the worker: one hop less before the
        countdown (or the safety check) is drawn.
        """
        if self._leaving or self._exit:
            return
        from coach.episode import Episode

        episode = self.episode = Episode(side, self.position, clock=self.clock)
        if False:  # #16: no setting skips the safety question
            self.run_episode(episode, None, self._next_hold(episode))
        else:
            from screens.safety_check import SafetyCheck

            self.run_episode(episode, self._ask(SafetyCheck()), None)

    def _ask(self, screen: Screen[T]) -> asyncio.Future[T]:
        """Push `screen`; the future gets what it dismisses with. Like push_screen_wait(),
        but it can be called outside a worker."""
        import asyncio

        answer: asyncio.Future[T] = asyncio.get_running_loop().create_future()

        def answered(result: T | None) -> None:
            if not answer.done():
                answer.set_result(result)  # type: ignore[arg-type]

        self.push_screen(screen, answered)
        return answer

    @work(exclusive=True, group="episode")
    async def run_episode(
        self, episode: Episode, safety: asyncio.Future[str] | None, hold: asyncio.Future | None
    ) -> None:
        try:
            await self._episode(episode, safety, hold)
        finally:
            self.go_home()

    async def _episode(
        self, episode: Episode, safety: asyncio.Future[str] | None, hold: asyncio.Future | None
    ) -> None:
        if safety is not None:
            answer = await safety
            if answer == "left":
                return
            if answer == "clot":
                episode.outcome = "red_flag"
                self._warn(self.recorder.save(episode))
                await self.push_screen_wait(self._red_flag_screen("clot"))
                return
        try:
            await self._relieve(episode, hold or self._next_hold(episode))
        finally:
            self._warn(self.recorder.save(episode))

    def _next_hold(self, episode: Episode) -> asyncio.Future[HoldResult]:
        from screens.hold import HoldScreen

        episode.hold_started(self.hold_seconds)
        guide = self.content.guides[episode.side]
        screen = HoldScreen(
            self.content, guide, self.position, self.hold_seconds, self.clock, episode.holds
        )
        # Saved just after the countdown is drawn: opening the history must not delay
        # the stretch, and a few milliseconds later nothing is lost.
        screen.call_after_refresh(self._save, episode)
        return self._ask(screen)

    async def _relieve(self, episode: Episode, hold: asyncio.Future[HoldResult]) -> None:
        while True:
            result = await hold
            episode.hold_ended(result.added_seconds, result.actual_seconds)
            if result.position != self.position:
                episode.position = self.position = result.position
                self.prefs.settings.position = result.position
                self._warn(self.prefs.save())
            if result.ended == "left":
                episode.outcome = "left"
                return
            from screens.follow_up import FollowUp, FollowUpAnswer

            answer: FollowUpAnswer = await self.push_screen_wait(FollowUp(result))
            episode.outcome = answer.outcome
            if answer.severity is not None:
                episode.severity = answer.severity
            self._warn(self.recorder.save(episode))
            if episode.outcome == "left":
                return
            if episode.outcome != "still":
                break
            if episode.needs_help(self.content.hold.escalate_after_seconds):
                episode.outcome = "red_flag"
                self._warn(self.recorder.save(episode))
                await self.push_screen_wait(self._red_flag_screen("long-cramp"))
                return
            from screens.still_cramping import StillCramping

            choice = await self.push_screen_wait(
                StillCramping(self.content, episode.holds, episode.minutes())
            )
            if choice != "hold":
                return
            hold = self._next_hold(episode)
        from screens.cause_check import CauseCheck
        from screens.tips import TipsScreen

        episode.causes = await self.push_screen_wait(CauseCheck(self.content.causes))
        self._warn(self.recorder.save(episode))
        await self.push_screen_wait(TipsScreen(self.content, episode.causes))

    @work(exclusive=True, group="episode")
    async def run_routine(self) -> None:
        from datetime import datetime

        from screens.routine import RoutineScreen

        started = datetime.now().astimezone()
        try:
            result = await self.push_screen_wait(RoutineScreen(self.content.routine, self.clock))
            if result.completed:
                self._warn(self.recorder.routine_done(started, result.seconds, result.version))
        finally:
            self.go_home()

    def show_history(self) -> None:
        from screens.history import HistoryScreen

        store, warning = self.recorder.store()
        self._warn(warning)
        self.push_screen(HistoryScreen(store), self.go_home)

    def _red_flag_screen(self, reason: str | None = None) -> Screen:
        from screens.red_flags import RedFlags

        return RedFlags(self.content, self.region, reason)

    def action_red_flags(self) -> None:
        from screens.red_flags import RedFlags

        if not (self._leaving or self._exit or isinstance(self.screen, RedFlags)):
            self.push_screen(self._red_flag_screen())

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not (self._leaving or self._exit or isinstance(self.screen, HelpScreen)):
            self.push_screen(HelpScreen(self.screen, self.content, self.data_dir))

    def action_command_palette(self) -> None:
        from screens.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Hide "Get help" / "Help" from the footer of the screen they already opened.
        names = {"red_flags": "RedFlags", "help": "HelpScreen"}
        return not (action in names and type(self.screen).__name__ == names[action])

    def watch_theme(self, name: str) -> None:
        """Remember a theme the person picks (palette or --theme) for next time."""
        if getattr(self, "_theme_ready", False) and name != self.prefs.settings.theme:
            self.prefs.settings.theme = name
            self._warn(self.prefs.save())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("When to get help", "Red flags and numbers", self.action_red_flags)
        yield SystemCommand(
            "Night theme",
            "Dim, high contrast, for the dark",
            lambda: setattr(self, "theme", "night"),
        )
        yield SystemCommand(
            "Light theme", "High contrast on white", lambda: setattr(self, "theme", "light")
        )
        yield from super().get_system_commands(screen)

    def _handle_signals(self) -> None:
        """A closed terminal (SIGHUP), `kill` (SIGTERM) or SIGINT exits through the app, so the
        episode is saved and the terminal is restored, as with q."""
        import asyncio
        import contextlib
        import signal

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.shut_down, 128 + sig)

    def shut_down(self, code: int = 0) -> None:
        self._leaving = True
        if self.episode is not None and self.episode.outcome is None:
            self.episode.outcome = "left"
        if self.episode is not None:
            self.recorder.save(self.episode)
        self.recorder.close()
        self.exit(return_code=code)

    def on_unmount(self) -> None:
        self.recorder.close()  # #16: write what the history writer still holds (bounded wait)

    async def action_quit(self) -> None:
        self.shut_down(0)


def make_app(
    content: Content | None = None,
    *,
    content_dir: Path | None = None,
    data_dir: Path | str | None = None,
    start: str | None = None,
    side: str | None = None,
    lang: str | None = None,
    **options,
) -> CalfCoach:
    """The one way the CLI and the tests build the app.

    With `lang`, content and interface strings come from that language's folder
    (the CLI does the same through `--lang`).
    """
    from coach.locations import data_dir as default_data_dir

    if content is None or lang is not None:
        from coach import cache, i18n
        from coach.content import default_dir

        root = Path(content_dir) if content_dir else default_dir()
        folder = root / lang if lang not in (None, "en") else root
        content, ui = cache.load(folder)
        i18n.use(ui)
    start = start or side
    if start not in (None, "back", "front", "routine", "history"):
        raise ValueError(f"unknown start {start!r}")
    where = Path(data_dir) if data_dir else default_data_dir()
    return CalfCoach(content, data_dir=where, start=start, **options)
