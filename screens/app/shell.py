"""The Textual app: the first screen, themes, help keys, signals, and the app factory.

It drives `coach.core.flow` through its EpisodeDriver (screens/app/flow_driver.py): the
flow decides every step of an episode and of the routine, the driver shows each as a
screen and hands the answer back. Nothing here decides anything about the cramp.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import SuspendNotSupported
from textual.binding import Binding
from textual.events import Event, Key
from textual.message import Message
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES

from coach.content.model import Content
from coach.core.choices import (
    Choices,
    choose_language,
    clock_at,
    resolve,
    theme_by_the_clock,
)
from coach.core.i18n import t
from coach.store.locations import data_dir as default_data_dir
from coach.store.recorder import Recorder
from coach.store.settings import SettingsFile, load_settings
from coach.system.collector import CollectorPause
from coach.system.safe_text import printable
from coach.system.speech import Voice
from coach.text.wording import Line, plain_text
from screens.app.actions import AppActions
from screens.app.diary_driver import DiaryDriver, read_history_early
from screens.app.style_files import first_styles, style_episode_screens
from screens.app.textual_private import drop_terminal_replies, line_filter, start_with_theme
from screens.app.themes import THEMES, keep_bold_readable
from screens.app.voicing import Voicing
from screens.base import HomeScreen, KeysFromNow

if TYPE_CHECKING:  # type-only: each loads behind a seam (the flow, the history, a screen)
    from coach.core.diary import PastRecord
    from coach.core.flow import EpisodeFlow, RoutineFlow
    from coach.core.steps import Step
    from coach.core.timer import Clock
    from coach.text.history_view import Opened
    from screens.app.flow_driver import EpisodeDriver
    from screens.side_picker import SidePicker

    Flow = EpisodeFlow | RoutineFlow


class HistoryNote(Message):
    """The history writer has something to say (a locked database, history off)."""


class CalfCoach(AppActions):
    """Calf Coach: one question, one key, then a guided stretch."""

    CSS_PATH = "app.tcss"
    TITLE = "Calf Coach"
    # `!` and `?` are bound by each screen (screens/base.py HELP_KEYS).
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-ctrl-c")]

    def __init__(
        self,
        content: Content,
        choices: Choices,
        *,
        prefs: SettingsFile,
        data_dir: Path,
        start: str | None = None,
        hold_seconds: int | None = None,
        position: str | None = None,
        hour: int | None = None,
        clock: Clock = time.monotonic,
        history_early: Future[Opened] | None = None,
        collector: CollectorPause | None = None,
    ) -> None:
        self.prefs = prefs
        own = Path(__file__).parent / self.CSS_PATH
        super().__init__(css_path=[own, *first_styles(start)])
        self.content = content
        self.start = start
        self.hold_seconds = hold_seconds or content.hold.default_seconds
        self.clock = clock
        self.data_dir = data_dir
        self.collector = collector or CollectorPause()
        """Paused by the CLI for start-up: frozen on mount, resumed once the first screen
        is up (see started)."""
        self._wall_clock = clock_at(hour)  # an hour given: the flow's night is that hour's
        if hour is None:
            hour = datetime.now().hour
        self._asked_position, self._hour = position, hour
        self._episodes: EpisodeDriver | None = None
        self.region = content.regions[choices.region]
        self.ask_region = choices.ask_region
        """No country known: the first screen asks once (c), and it is remembered."""
        self._remember = choices.remember
        # A history warning from the writer thread is shown as it happens: posting a
        # message is thread-safe and does not wait.
        early = read_history_early(start, data_dir, history_early)
        self.diary = DiaryDriver(self, early)
        """Reads and writes the person's diary (their record, the check-in, the history)."""
        self.recorder = Recorder(
            data_dir, noticed=lambda: self.post_message(HistoryNote()), early=early
        )
        self.farewell: list[Line] = []
        """What to print once the terminal is restored: the last episode's last advice
        (EpisodeDriver.leave), and what could not be saved."""
        self._leaving = False
        self.voicing = Voicing(self, Voice(choices.voice, choices.lang), prefs, self._warn)
        self._pending_notes: list[str | None] = [prefs.warning, self.voice.take_note()]
        self.bold_is_bright = line_filter(keep_bold_readable)
        """On in a 16-colour terminal: bold dark text is not drawn in a pale twin."""
        if self.bold_is_bright is not None:
            self.bold_is_bright.enabled = self.console.color_system == "standard"
        for custom in THEMES:
            self.register_theme(custom)
        start_with_theme(self, choices.theme or theme_by_the_clock(hour))
        self._theme_ready = True
        if choices.unknown_theme is not None:
            self._pending_notes.append(
                t(
                    "Unknown theme {name}; using {used}. Try day, night or light.",
                    name=repr(choices.unknown_theme),
                    used=self.theme,
                )
            )

    def get_line_filters(self) -> Sequence[Any]:
        filters = list(super().get_line_filters())
        if self.bold_is_bright is not None and self.bold_is_bright.enabled:
            filters.append(self.bold_is_bright)
        return filters

    def on_mount(self) -> None:
        self.collector.freeze()  # what start-up made lives as long as the app
        self._handle_signals()
        self.call_after_refresh(self.started)
        if self._remember:  # a --region, --voice or --theme that is new: kept
            self.call_after_refresh(lambda: self._warn(self.prefs.remember(self._remember)))
        for note in self._pending_notes:
            self._warn(note)
        # `calf-coach back` goes straight to the stretch: the first screen is built
        # only when the person comes back to it, so the countdown shows sooner.
        if self.start in ("back", "front"):
            self.call_next(self.episodes.start_episode, self.start)
            self.diary.load()  # read while the safety question is up
        elif self.start == "routine":
            self.episodes.run_routine()
        elif self.start != "history":  # the history is the default screen
            self.go_home()

    def started(self) -> None:
        """The first screen is up: garbage collection back on if the CLI paused it.

        What start-up made lives as long as the app, so on_mount froze it (out of the
        collector's sight): later collections walk only what was made since, and none is
        a long pause in a hold. Frozen there, before the first screen: frozen with it, a
        swollen-leg question answered long ago was never freed (peak RSS, bench figure 5)."""
        self.collector.resume()
        if self.start in (None, "back", "front"):
            self.call_after_refresh(style_episode_screens, self)

    async def on_event(self, event: Event) -> None:
        """Drop a key pressed before the screen now on top was put up. Checked here, not
        on the screen: a key a screen does not bind bubbles up to the app, and by then
        the next screen may be on top and would take it. Ctrl keys (quit) always pass."""
        if (
            isinstance(event, Key)
            and not event.key.startswith("ctrl+")
            and isinstance(self.screen, KeysFromNow)
            and self.screen.came_too_soon(event)
        ):
            event.stop()
            return
        await super().on_event(event)

    def get_default_screen(self) -> Screen:
        # A plain start draws the picker as its very first frame (its styles are in the
        # app's CSS_PATH), rather than an empty screen and then the picker on top; so
        # does `calf-coach history` with the history (an empty screen first, then the
        # history pushed on it, was much later to the first frame: bench figure 8).
        if self.start is None:
            return self._picker()
        if self.start == "history":
            return self.diary.history_screen(self.diary.history_early)
        return super().get_default_screen()

    def _picker(self) -> SidePicker:
        from screens.side_picker import SidePicker  # the screens seam: loads when shown

        first_run = not self.prefs.settings.disclaimer_seen
        if first_run:
            self.prefs.settings = self.prefs.settings._replace(disclaimer_seen=True)
            self.call_after_refresh(self.prefs.save)  # after the first frame, not before
        return SidePicker(self.content, self.region, first_run, ask_region=self.ask_region)

    @property
    def episodes(self) -> EpisodeDriver:
        """Runs the episode's and the routine's flows on this app's screens."""
        if self._episodes is None:
            # The screens seam: the driver, the flow and its steps load with the first
            # episode, off the picker's first frame (bench figure 1).
            from screens.app.flow_driver import EpisodeDriver

            self._episodes = EpisodeDriver(
                self, asked_position=self._asked_position, hour=self._hour, now=self._wall_clock
            )
        return self._episodes

    @property
    def flow(self) -> Flow | None:
        """The flow now running, or the last one run (the diary tells it the record)."""
        return self._episodes.flow if self._episodes is not None else None

    @property
    def steps_shown(self) -> list[Step]:
        """Every step put on screen, in order (plain mode keeps the same list)."""
        return self._episodes.steps_shown if self._episodes is not None else []

    diary_now = staticmethod(lambda: datetime.now().astimezone())
    """When the check-in question is decided; tests replace it."""

    @property
    def past(self) -> Mapping[str, PastRecord]:
        """The person's own record per side, read off the UI thread; empty until read."""
        return self.diary.past

    def know_past(self, past: Mapping[str, PastRecord]) -> None:
        """The diary has read the record: the episode on screen, if any, is told it."""
        if self._episodes is not None:
            self._episodes.know_past(past)

    def on_side_picker_checked_in(self, message: SidePicker.CheckedIn) -> None:
        self.diary.save_checkin(message.answer)

    def back_from_history(self) -> None:
        """Back from the history that `calf-coach history` showed as the first screen,
        with nothing under it to go back to: the picker is put on top of it. (Textual's
        switch_screen cannot replace a default screen: it has no result callback.)"""
        self.go_home()

    def on_history_note(self, _note: HistoryNote) -> None:
        self._warn(self.recorder.take_warnings())

    def go_home(self, _result: object = None) -> None:
        """Show the first screen under whatever comes next, once."""
        home = any(isinstance(s, HomeScreen) for s in self.screen_stack)
        if self._leaving or self.return_code is not None:  # exiting: push nothing more
            return
        self.diary.load()  # at start and after each episode: the record has changed
        if not home:
            self.push_screen(self._picker())

    def on_side_picker_chosen(self, message: SidePicker.Chosen) -> None:
        # Only from the picker on top: "bb" typed fast, or a double click, sends two.
        if isinstance(self.screen, HomeScreen):
            self.episodes.start_episode(message.side)

    def on_side_picker_open(self, message: SidePicker.Open) -> None:
        running = self._episodes is not None and self._episodes.running
        if not isinstance(self.screen, HomeScreen) or running:  # "rr" typed fast
            return  # opens one routine; "br" starts the episode alone
        if message.what == "tips":
            from screens.tips import TipsScreen  # the screens seam: a dialog opened on a key

            self.push_screen(TipsScreen(self.content, ()))
        elif message.what == "routine":
            self.episodes.run_routine()
        elif message.what == "history":
            self.diary.show_history()

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:
        """Every notice, from any screen, shown with control characters escaped: a path
        or an error may carry an escape sequence the terminal would act on (#29), and
        plain text unless asked (a data folder called `a[b]` is not markup)."""
        options.setdefault("markup", False)
        super().notify(printable(message, keep="\n"), title=printable(title), **options)

    def _warn(self, warning: str | None) -> None:
        if warning:
            self.notify(warning, severity="warning", timeout=10, markup=False)

    def watch_theme(self, name: str) -> None:
        """Remember a theme the person picks (the palette) for next time."""
        if getattr(self, "_theme_ready", False) and name != self.prefs.settings.theme:
            self._warn(self.prefs.remember({"theme": name}))

    def _handle_signals(self) -> None:
        """A closed terminal (SIGHUP), `kill` (SIGTERM) or SIGINT exits through the app, so the
        episode is saved and the terminal is restored, as with q."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.shut_down, 128 + sig)
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGCONT, self._continued)

    def _continued(self) -> None:
        """Continued after a stop (`kill -STOP` then `-CONT`, Ctrl+Z then `fg`): the
        terminal is set up afresh, once, with one stdin reader.

        This replaces the Linux driver's own SIGCONT handler, which started application
        mode again without stopping it: a second stdin thread beside the first, and at
        quit one of them blocked in read() for ever, the app never ending, at times on
        the alternate screen (#29 item 8). `App.suspend()` stops the reader (joined)
        before it starts the new one, and redraws the screen."""
        if self.is_headless or self._leaving:
            return
        with contextlib.suppress(SuspendNotSupported), self.suspend():
            pass

    @property
    def voice(self) -> Voice:
        """What the screens speak with (`say`, `stop`, `toggle`)."""
        return self.voicing.voice

    def remember_voice(self, on: bool) -> None:
        """After `v`: say once if there is no engine, and keep the choice."""
        self.voicing.remember(on)

    def notice_if_away(self, title: str, body: str) -> bool:
        """A desktop notice when the terminal is behind another window."""
        return self.voicing.notice_if_away(title, body)

    def on_unmount(self) -> None:
        self.voice.close()  # no child process left speaking, or left behind
        self.recorder.close()  # #16: write what the history writer still holds (bounded wait)

    async def action_quit(self) -> None:
        self.shut_down(0)

    def shut_down(self, code: int = 0) -> None:
        """Quit from anywhere: the flow on screen records what really happened (the seconds
        held so far) and says what to print once the terminal is back, if anything."""
        if self._leaving:
            return
        self._say_farewell()
        self.exit(return_code=code)

    def _say_farewell(self) -> None:
        """Leave the flow, write what is held, and settle the farewell: once."""
        self._leaving = True
        self.farewell = self._episodes.leave() if self._episodes is not None else []
        unsaved = self.recorder.close()  # a bounded wait for the history writer
        if unsaved:
            self.farewell.append(Line(unsaved, "hint"))

    def farewell_text(self) -> str:
        """The farewell as plain text, for the terminal once the app has ended, however it
        ended: an app that ended without shut_down (a screen's error, Textual's own exit)
        leaves its flow now, so the last advice is printed whatever the screens' state."""
        if not self._leaving:
            self._say_farewell()
        return plain_text(self.farewell)


def theme_names() -> frozenset[str]:
    """Every theme the app can start in: Textual's own and ours (screens/app/themes.py)."""
    return frozenset(BUILTIN_THEMES) | {theme.name for theme in THEMES}


def make_app(
    content: Content,
    choices: Choices | None = None,
    *,
    prefs: SettingsFile | None = None,
    data_dir: Path | str | None = None,
    start: str | None = None,
    side: str | None = None,
    **options: Any,
) -> CalfCoach:
    """The one way the CLI and the tests build the app, from content already loaded (its
    interface strings in use: coach.core.i18n.use) and the run's choices (the CLI's,
    from coach.core.choices.resolve). Without them: what a start with no options would
    choose. `options`: CalfCoach's own (hold_seconds, position, hour, clock, ...).
    """
    start = start or side
    if start not in (None, "back", "front", "routine", "history"):
        raise ValueError(f"unknown start {start!r}")
    drop_terminal_replies()  # a late terminal reply is never a key press (#29 item 9)
    where = Path(data_dir) if data_dir else default_data_dir()
    prefs = prefs or load_settings(where)
    if choices is None:
        lang = choose_language(None, os.environ)
        choices = resolve(
            prefs.settings, content.regions, os.environ, lang=lang, themes=theme_names()
        )
    return CalfCoach(content, choices, prefs=prefs, data_dir=where, start=start, **options)
