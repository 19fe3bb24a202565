"""The full-screen app's driver of `coach.core.flow`: each step as a screen, each answer
back to the flow, and what the flow returns written at once.

The app holds one EpisodeDriver. The flow decides every step and what to keep; the
driver shows each step with Textual's own idiom (a worker that awaits
`push_screen_wait` per step, as in Textual's guide), writes the saves through
`coach.store.saves.apply_saves` (the same as plain mode), and ends a flow the person
quits in the middle of.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractContextManager
from datetime import datetime
from functools import partial
from typing import Any, Protocol, TypeVar, runtime_checkable

from textual.await_complete import AwaitComplete
from textual.screen import Screen

from coach.core.diary import PastRecord
from coach.core.flow import Advance, EpisodeFlow, RoutineFlow, ToSave, starting_position
from coach.core.steps import AfterCare, GetHelp, Hold, HoldResult, Side, Step
from coach.store.recorder import Recorder
from coach.store.saves import apply_saves
from coach.store.settings import SettingsFile
from coach.text import wording
from coach.text.wording import Line
from screens.app.for_step import StepHost, screen_for

Flow = EpisodeFlow | RoutineFlow
T = TypeVar("T")


class EpisodeHost(StepHost, Protocol):
    """What the driver uses of the app (CalfCoach is one)."""

    hold_seconds: int
    prefs: SettingsFile
    recorder: Recorder
    past: Mapping[str, PastRecord]
    """The person's own record per side, read off the UI thread; empty until read."""

    @property
    def return_code(self) -> int | None: ...
    @property
    def screen_stack(self) -> list[Screen[Any]]: ...
    def run_worker(
        self, work: Callable[[], Awaitable[None]], *, group: str, exclusive: bool
    ) -> object: ...
    async def push_screen_wait(self, screen: Screen[T]) -> T: ...
    def batch_update(self) -> AbstractContextManager[None]: ...
    def go_home(self, _result: object = None) -> None: ...
    def _warn(self, warning: str | None) -> None: ...


@runtime_checkable
class LeavingScreen(Protocol):
    """A screen that says when it is gone (every CoachScreen: screens/base.py)."""

    leaving: AwaitComplete | None


@runtime_checkable
class RunningHold(Protocol):
    """A countdown that can say what has been held so far (the hold screen)."""

    def partial_result(self) -> HoldResult: ...


class EpisodeDriver:
    """Runs the episode's and the routine's flows on the app's screens."""

    strict_flows = False
    """Flows raise on a stale answer or one of the wrong type (tests turn it on)."""

    def __init__(
        self,
        host: EpisodeHost,
        *,
        asked_position: str | None,
        hour: int,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """`now`: the wall clock episodes read (None: the real one; see choices.clock_at)."""
        self.host = host
        self._now = now
        self.flow: Flow | None = None
        """The flow now running, or the last one run."""
        self.steps_shown: list[Step] = []
        """Every step put on screen, in order (plain mode keeps the same list)."""
        self.position: str | None = None
        """Where the next hold starts: set at the first episode, so that the picker's
        first frame does not wait for the flow's module to load."""
        self._asked_position, self._hour = asked_position, hour
        self._unsaved: ToSave | None = None
        """What the flow returned that is not written yet (a hold waits for its frame)."""
        self._left = False
        self.advice: GetHelp | AfterCare | None = None
        """The last episode's last advice (its get-help or after-care step), while that
        episode is unfinished: printed on the terminal however the app ends (see leave)."""
        self.running = False
        """A flow is on screen, or about to be: its worker has not put up its first screen
        yet. Another side or the routine chosen in that moment ("bf" typed together)
        starts nothing."""

    def start_episode(self, side: Side) -> None:
        """A side was chosen (or given on the command line): run an episode's flow."""
        if self._left or self.running or self.host.return_code is not None:
            return
        host = self.host
        if self.position is None:
            remembered = host.prefs.settings.position
            self.position = starting_position(
                host.content, self._asked_position, remembered, self._hour
            )
        flow = EpisodeFlow(
            host.content,
            side,
            self.position,
            host.hold_seconds,
            first_run=not host.prefs.settings.disclaimer_seen,
            clock=host.clock,
            now=self._now,
            past=host.past.get(side),
            strict=self.strict_flows,
        )
        self.advice = None  # a new episode: its own advice replaces the last one's
        self.run_flow(flow)

    def know_past(self, past: Mapping[str, PastRecord]) -> None:
        """The person's own record is read: the episode on screen, if any, is told it."""
        flow = self.flow
        if isinstance(flow, EpisodeFlow):
            flow.know_past(past.get(flow.episode.side))

    def run_routine(self) -> None:
        if not (self._left or self.running or self.host.return_code is not None):
            self.run_flow(
                RoutineFlow(self.host.content.routine, self._now, strict=self.strict_flows)
            )

    def run_flow(self, flow: Flow) -> None:
        """Run `flow` from its first step. Started here, not in the worker: from now on,
        leaving (a signal as it starts) finds the first question current and ends at the
        safety net."""
        self.flow, self.running = flow, True
        drive = partial(self._drive, flow, flow.start())  # as @work passes a method
        self.host.run_worker(drive, group="flow", exclusive=True)

    async def _drive(self, flow: Flow, advance: Advance) -> None:
        """The whole driver: show each step, hand its answer to the flow, write what the
        flow returns."""
        try:
            while advance.step is not None:
                screen = self._screen(advance)
                answer = await self.host.push_screen_wait(screen)
                if self._left:  # quit while it was up: leave() has said the rest
                    return
                hold = isinstance(advance.step, Hold) and isinstance(screen, LeavingScreen)
                leaving = screen.leaving if hold else None
                del screen  # this driver keeps nothing of a screen that has gone
                if leaving is not None:
                    await self._let_go(leaving)
                advance = flow.answer(advance.step, answer)
            self._keep(advance.saves)
            if isinstance(self.advice, AfterCare) and isinstance(flow, EpisodeFlow):
                self.advice = None  # eased, and walked to its tips: the episode is finished
        finally:
            self.running = False
            self.host.go_home()

    async def _let_go(self, leaving: AwaitComplete) -> None:
        """The hold's screen holds the most drawn lines: it is removed, and garbage
        collected, before the next screen is built, so the next one reuses what is
        free rather than adding to it (peak RSS, bench figure 5). Textual's own tasks
        may hold the screen a moment longer. Nothing is drawn meanwhile: the blank
        screen under it never shows between the two."""
        with self.host.batch_update():
            await leaving
            leaving.set_pre_await_callback(None)  # Textual's check held the screen
            gc.collect()

    def _screen(self, advance: Advance) -> Screen[Any]:
        step = advance.step
        assert step is not None
        self.steps_shown.append(step)
        if isinstance(step, (GetHelp, AfterCare)):
            self.advice = step
        screen = screen_for(self.host, step)
        if isinstance(step, Hold):
            # Saved just after the countdown is drawn: opening the history must not
            # delay the stretch, and a few milliseconds later nothing is lost.
            self._keep(advance.saves, now=False)
            screen.call_after_refresh(self._write)
        else:
            self._keep(advance.saves)
        return screen

    def _keep(self, saves: ToSave, now: bool = True) -> None:
        """Add `saves` to what is still to write, and write it all unless `now` is False."""
        self._unsaved = saves if self._unsaved is None else self._unsaved.then(saves)
        if now:
            self._write()

    def _write(self) -> None:
        saves, self._unsaved = self._unsaved, None
        if saves is None:
            return
        if saves.position:
            self.position = saves.position
        host = self.host
        for warning in apply_saves(saves, host.recorder, host.prefs):
            host._warn(warning)

    def leave(self) -> list[Line]:
        """The app is ending, however it ends (q, Ctrl+C, a signal, a closed terminal, a
        crash): the flow on screen records what really happened (the seconds held so far)
        and it is written now. Returns what to print once the terminal is back: the last
        episode's last advice, if that episode is unfinished. The one place that decides
        it: the step leaving calls for, else the get-help or after-care step last shown
        (the clot advice dismissed to the first screen, the safety net closed by a key
        mashed after the hold). Called again, it leaves nothing more and says the same."""
        if not self._left:
            self._left = True
            flow = self.flow
            if flow is not None:
                holds = [s for s in self.host.screen_stack if isinstance(s, RunningHold)]
                left = flow.leave(holds[-1].partial_result() if holds else None)
                self._keep(left.saves, now=False)
                if isinstance(left.final, (GetHelp, AfterCare)):
                    self.advice = left.final
            self._write()
        advice, content, region = self.advice, self.host.content, self.host.region
        if isinstance(advice, GetHelp):
            return wording.get_help(advice, content, region, "text")
        if isinstance(advice, AfterCare):
            return wording.after_care(advice, region)
        return []
