"""The full-screen app as a driver of `coach.core.flow`: show a step, hand back its answer.

A mixin of CalfCoach (screens/app/shell.py), kept apart so the app file stays small: the
flow decides every step; this shows each as a screen (`screens/app/for_step.py`), writes
what the flow says to keep, and ends a flow the person quits in the middle of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import work

if TYPE_CHECKING:
    import asyncio

    from textual.screen import Screen

    from coach.core.flow import EpisodeFlow, RoutineFlow
    from coach.core.steps import Side, Step

    Flow = EpisodeFlow | RoutineFlow

T = TypeVar("T")


class FlowDriver:
    """Needs from the app: content, region, clock, position (with _asked_position and
    _start_hour), hold_seconds, prefs, recorder, flow, steps_shown, farewell, _leaving,
    go_home() and _warn()."""

    def start_episode(self, side: Side) -> None:
        """A side was chosen (or given on the command line): run an episode's flow."""
        if self._leaving or self._exit:
            return
        from coach.core.flow import EpisodeFlow, starting_position

        if self.position is None:
            self.position = starting_position(
                self.content, self._asked_position, self.prefs.settings.position, self._start_hour
            )
        first_run = not self.prefs.settings.disclaimer_seen
        flow = EpisodeFlow(
            self.content,
            side,
            self.position,
            self.hold_seconds,
            first_run=first_run,
            clock=self.clock,
            past=self.past.get(side),
        )
        self.run_flow(flow)

    def run_routine(self) -> None:
        from coach.core.flow import RoutineFlow

        if not (self._leaving or self._exit):
            self.run_flow(RoutineFlow())

    def run_flow(self, flow: Flow) -> None:
        """Show the flow's first step now, and the rest from a worker. Pushed here
        rather than from inside the worker: one hop less before it is drawn."""
        self.flow = flow
        self._drive(flow, self._show(flow, flow.current))

    def _show(self, flow: Flow, step: Step | None) -> asyncio.Future:
        from coach.core.steps import Hold
        from screens.app.for_step import screen_for

        self.steps_shown.append(step)  # type: ignore[arg-type]
        screen = screen_for(self, step)  # type: ignore[arg-type]
        if isinstance(step, Hold):
            # Saved just after the countdown is drawn: opening the history must not
            # delay the stretch, and a few milliseconds later nothing is lost.
            screen.call_after_refresh(self._keep, flow)
        else:
            self._keep(flow)
        return self._ask(screen)

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

    @work(exclusive=True, group="flow")
    async def _drive(self, flow: Flow, answer: asyncio.Future) -> None:
        """The whole driver: hand each answer to the flow, show what it says next."""
        try:
            step = flow.current
            while step is not None:
                step = flow.answer(step, await answer)
                if step is None or self._leaving:
                    break
                answer = self._show(flow, step)
        finally:
            self._keep(flow)
            self.go_home()

    def _keep(self, flow: Flow) -> None:
        """Write what the flow says must be kept now."""
        saves = flow.take_saves()
        if saves.episode:
            self._warn(self.recorder.save(flow.episode))  # type: ignore[union-attr]
        if saves.position:
            self.position = self.prefs.settings.position = saves.position
            self._warn(self.prefs.save())
        if saves.disclaimer_seen and not self.prefs.settings.disclaimer_seen:
            self.prefs.settings.disclaimer_seen = True
            self._warn(self.prefs.save())
        if saves.routine:
            started, result = saves.routine
            self._warn(self.recorder.routine_done(started, result.seconds, result.version))

    def shut_down(self, code: int = 0) -> None:
        """Quit from anywhere: the flow records what really happened (the seconds held
        so far) and says what to print once the terminal is back, if anything."""
        if self._leaving:
            return
        self._leaving = True
        flow = self.flow
        if flow is not None:
            running = [s for s in self.screen_stack if hasattr(s, "partial_result")]
            final = flow.leave(running[-1].partial_result() if running else None)
            self._keep(flow)
            if final is not None:
                from coach.text import wording

                self.farewell = wording.final_lines(final, self.content, self.region)
        unsaved = self.recorder.close()  # a bounded wait for the history writer
        if unsaved:
            from coach.text.wording import Line

            self.farewell.append(Line(unsaved, "hint"))
        self.exit(return_code=code)
