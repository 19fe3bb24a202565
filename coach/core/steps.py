"""The typed values that pass between the flow and its two faces.

`coach.core.flow` yields one of the step types below; a face (the full-screen app or
plain mode) shows it and sends back the answer type named in its docstring. Nothing
here decides anything: this is the vocabulary that screens, plain mode and tests
share, without the flow's logic and without Textual.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Union

from coach.content.model import Side
from coach.core.diary import PastRecord
from coach.core.record import HelpReason

HoldEnd = Literal["time", "eased", "left"]
"""How a hold ended: time ran out, it eased early (`d`), or the person left."""
SafetyAnswer = Literal["no", "yes", "leave"]
"""The answer at the "do not stretch" gate: "yes" means one of its three cases fits."""
SignAnswer = Literal["clot", "tear", "cold-foot", "unsure", "leave"]
"""Which "do not stretch" case fits (the ids of their red flags), or the person cannot
say ("unsure") or leaves: both of those show every case's line, the clot's first."""
GATE_SIGNS: tuple[HelpReason, ...] = ("clot", "tear", "cold-foot")
"""The three "do not stretch" cases of the gate, in the order it lists them."""
EasedOutcome = Literal["gone", "sore", "somewhat", "still", "leave"]
"""The answer to "has it eased?": gone; the knot has gone but it is sore (eased, as
gone); still there but weaker ("somewhat", not eased yet); still cramping; or leaving."""
NextChoice = Literal["hold", "stop"]
LegAnswer = Literal["left", "right", "both", "skip"]
"""Which leg cramped, or skipped (nothing recorded): the answer to `AfterCare`."""


class HoldResult(NamedTuple):
    """What a hold screen (or plain hold) reports when it ends."""

    ended: HoldEnd
    planned_seconds: int
    added_seconds: int
    actual_seconds: float
    position: str


class EasedAnswer(NamedTuple):
    """The answer to "has it eased?", with the optional 0-10 severity."""

    outcome: EasedOutcome
    severity: int | None = None


class RoutineResult(NamedTuple):
    completed: bool
    seconds: float
    version: str


# --- Steps: what to show next. Each says in its docstring what it is answered with.


class SafetyQuestion(NamedTuple):
    """The one "do not stretch" gate before the first hold: any of these? One leg
    bigger, puffier, warm, red or darker (a clot); a sudden kick or pop (a tear); a
    foot suddenly cold, pale or numb (blocked blood supply). Answered with a
    `SafetyAnswer`.

    `disclaimer`: this is the first thing a new user sees, so it carries the
    "self-care, not a diagnosis" line."""

    side: Side
    disclaimer: bool = False


class WhichSign(NamedTuple):
    """After "yes" at the gate: which of its cases, so the help shown is that case's,
    with its number. Answered with a `SignAnswer`; nothing is stretched whatever it is."""

    side: Side


class Hold(NamedTuple):
    """A timed stretch. Answered with a `HoldResult`."""

    side: Side
    position: str
    seconds: int
    number: int
    """1 for the first hold of the episode, 2 for the next, ..."""
    past: PastRecord | None = None
    """The person's own record for this side, shown before the steps of the first
    hold; None when there is too little of it (or no history)."""


class EasedQuestion(NamedTuple):
    """Has the cramp eased? Answered with an `EasedAnswer`. Nothing is pre-selected:
    Enter alone never answers it."""

    hold: HoldResult
    default: None = None


class NextAnswer(NamedTuple):
    """The answer to `WhatNext`: hold again or stop, and the other relief (ids of the
    content's `other_relief`) the person marked as tried since the last hold."""

    choice: NextChoice
    tried: tuple[str, ...] = ()


class WhatNext(NamedTuple):
    """Still cramping or only somewhat better: hold again or stop. Answered with a
    `NextAnswer`. When `relief` is shown (massage, warmth, walking), `clot_warning`
    is always True: the swollen-leg warning comes first."""

    outcome: Literal["still", "somewhat"]
    holds: int
    minutes: float
    limit_minutes: int
    show_relief: bool
    clot_warning: bool


class GetHelp(NamedTuple):
    """When to get medical help, the number first. Answered with None (closed)."""

    reason: HelpReason
    limit_minutes: int
    also: tuple[HelpReason, ...] = ()
    """Other red flags whose first line (what to do, with the number) is shown after
    the reason's: a "yes" at the gate whose case the person could not name."""


class AfterCare(NamedTuple):
    """What to expect after a cramp eased (gone, or gone but sore), or after stopping
    while it was still there but weaker, and what to watch for. It also asks which leg
    cramped (after the hold, never before the stretch; one key, skippable): answered
    with a `LegAnswer`, "skip" to carry on without one."""

    outcome: Literal["gone", "sore", "somewhat"]
    limit_minutes: int = 10
    """Still there but weaker: get help if it has not gone by about then, in all."""


ASK_LATER = "later"
"""The answer to `CauseQuestions` that leaves them for the morning (night only)."""


class CauseQuestions(NamedTuple):
    """What may have set it off. Answered with the tuple of cause ids answered yes
    (none for "skip all"), or, at night, `ASK_LATER`: ask me in the morning."""

    cause_ids: tuple[str, ...]
    night: bool = False
    """At night the questions also offer "ask me in the morning" and one "skip all",
    so the person can go back to sleep with the screen off."""


class TipsStep(NamedTuple):
    """Prevention tips, those for the causes given first. Answered with None."""

    cause_ids: tuple[str, ...]


class RoutineStep(NamedTuple):
    """The bedtime routine. Answered with a `RoutineResult`."""

    version: int = 0
    """The version to start in: at night the flow picks a night-safe one (seated)."""
    night: bool = False
    """At night the routine opens with the safe set-up line."""


Step = Union[  # noqa: UP007 (a runtime alias; `|` would need Python 3.10 evaluation order)
    SafetyQuestion,
    WhichSign,
    Hold,
    EasedQuestion,
    WhatNext,
    GetHelp,
    AfterCare,
    CauseQuestions,
    TipsStep,
    RoutineStep,
]
