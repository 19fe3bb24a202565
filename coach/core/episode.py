"""One cramp from first key to last answer, kept as plain data.

`coach.core.flow` fills it in as the person answers; it is what the history store saves.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from coach.content.model import Side
from coach.core.record import Leg, Outcome

if TYPE_CHECKING:  # type-only: the timer loads with the hold, not the first question
    from coach.core.timer import Clock


@dataclass
class Episode:
    side: Side
    position: str
    clock: Clock = time.monotonic
    now: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    started_at: datetime = field(init=False)
    holds: int = 0
    planned_seconds: int = 0
    actual_seconds: int = 0
    outcome: Outcome | None = None
    causes: tuple[str, ...] = ()
    severity: int | None = None
    record_id: int | None = None
    eased_minutes: float | None = None
    help_reason: str | None = None
    relief_tried: tuple[str, ...] = ()
    """Other relief (massage, warmth: ids of the content's `other_relief`) tried during
    the episode, besides the stretch, in the order first marked."""
    leg: Leg | None = None
    """Which leg, asked after the hold; None: not asked or skipped."""
    causes_pending: bool = False
    """The cause questions were left for later ("ask me in the morning", at night):
    the next start or the morning check-in may ask them."""
    _t0: float = field(init=False)

    def __post_init__(self) -> None:
        self.started_at = self.now()
        self._t0 = self.clock()

    def hold_started(self, planned: int) -> None:
        self.holds += 1
        self.planned_seconds += planned

    def hold_ended(self, planned_extra: int, actual: float) -> None:
        """Record a finished hold; `planned_extra` is time added with +."""
        self.planned_seconds += planned_extra
        self.actual_seconds += round(actual)

    def tried(self, ids: tuple[str, ...], known: tuple[str, ...]) -> None:
        """Add relief marked as tried (the union over the episode); unknown ids are
        dropped: they name nothing the person was shown."""
        new = tuple(i for i in dict.fromkeys(ids) if i in known and i not in self.relief_tried)
        self.relief_tried += new

    def minutes(self) -> float:
        """Minutes since the episode began, holds and questions included."""
        return (self.clock() - self._t0) / 60

    def needs_help(self, escalate_after_seconds: int) -> bool:
        """True once the cramp has gone on long enough that self-care should stop."""
        return self.clock() - self._t0 >= escalate_after_seconds
