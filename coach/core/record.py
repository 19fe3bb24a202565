"""One episode as the coach keeps it: the record the flow fills in and the store saves,
and the vocabulary it is written in (kinds, positions, outcomes, help reasons), each
defined once: a `Literal` for the type, its values (`get_args`) for the checks and the
command line's choices, and the name each is shown by.

The sides of the calf are the content's (`coach.content.model.Side`): the content is
checked for a guide per side, and it sits a floor below this.

In the core, not the store, because the diary's rules and the test oracles reason
about records without opening a database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple, get_args

Kind = Literal["cramp", "routine"]
KINDS: tuple[Kind, ...] = get_args(Kind)

Position = Literal["bed", "sitting", "standing"]
"""Where a hold is done: the ids of the content's positions (content/guides.yaml) and
of `--position`."""
POSITIONS: tuple[Position, ...] = get_args(Position)

Outcome = Literal["gone", "sore", "somewhat", "still", "left", "red_flag"]
"""What an episode came to, as saved. `left`: the person left before it eased.
`sore`: the knot has gone but the muscle is sore (eased: after-care, like `gone`);
`somewhat`: still there but weaker (not eased yet)."""
EASED_OUTCOMES: tuple[Outcome, ...] = ("gone", "sore")
"""The outcomes that count as eased (after-care, "what eased them")."""
OUTCOMES: dict[Outcome, str] = {
    "gone": "Gone",
    "sore": "Gone, still sore",
    "somewhat": "Partly eased",
    "still": "Still there",
    "left": "Left early",
    "red_flag": "Red flag",
}
"""Each outcome, in the order the history lists them, with the name it is shown by."""

HelpReason = Literal["clot", "tear", "cold-foot", "long-cramp", "not-eased"]
"""Why an episode ends at "get help": an answer at the "do not stretch" gate (a possible
clot, a tear, a cold pale foot: the ids of their red flags in content/red_flags.yaml),
the time limit, or leaving before the cramp eased."""
HELP_REASONS: dict[HelpReason, str] = {
    "clot": "Possible clot (swollen, warm or red leg)",
    "tear": "Possible tear (a kick or pop, sudden pain)",
    "cold-foot": "Cold, pale or numb foot",
    "long-cramp": "Cramp lasting too long",
    "not-eased": "Left before it eased",
}
"""Each help reason with the name exports and the report show."""

Leg = Literal["left", "right", "both"]
"""Which leg cramped: asked after the hold (never before the stretch), skippable."""
LEGS: dict[Leg, str] = {"left": "Left", "right": "Right", "both": "Both"}
"""Each leg with the name the history and the report show; None reads "not recorded"."""

RELIEF_NAMES: dict[str, str] = {"massage": "massage", "warmth": "warmth"}
"""The report's word for each other relief id (content/guides.yaml other_relief)."""


class EpisodeRecord(NamedTuple):
    """One cramp or routine; ``outcome`` stays None until the person says how it went.

    Its words are plain `str`, not the Literals above: a record read back may carry a
    word a newer version wrote, and reads keep it rather than drop the episode."""

    id: int | None
    kind: str
    started_at: datetime
    side: str | None = None
    position: str | None = None
    planned_seconds: int = 0
    actual_seconds: int = 0
    holds: int = 0
    outcome: str | None = None
    causes: tuple[str, ...] = ()
    severity: int | None = None
    updated_at: datetime | None = None
    eased_minutes: float | None = None
    """Minutes from the first key until it was said to have eased (gone or partly)."""
    help_reason: str | None = None
    """Why the episode ended at "get help": clot, long-cramp or not-eased (the flow's)."""
    relief_tried: tuple[str, ...] = ()
    """Other relief tried besides the stretch: ids of the content's other_relief."""
    leg: str | None = None
    """Which leg (`Leg`): None when not asked, skipped, or written by an older version."""
    causes_pending: bool = False
    """The cause questions were left for the morning (`Episode.causes_pending`)."""
