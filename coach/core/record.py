"""One episode as the coach keeps it: the record the flow fills in and the store saves,
and the words each outcome, help reason and relief goes by.

In the core, not the store, because the diary's rules and the test oracles reason
about records without opening a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

KINDS = ("cramp", "routine")
SIDES = ("back", "front")
POSITIONS = ("bed", "sitting", "standing")
OUTCOMES: dict[str, str] = {
    "gone": "Gone",
    "somewhat": "Partly eased",
    "still": "Still there",
    "left": "Left early",
    "red_flag": "Red flag",
}

HELP_REASONS: dict[str, str] = {
    "clot": "Possible clot (swollen, warm or red leg)",
    "long-cramp": "Cramp lasting too long",
    "not-eased": "Left before it eased",
}
"""Why an episode ended at "get help", with the name exports and the report show."""

RELIEF_NAMES: dict[str, str] = {"massage": "massage", "warmth": "warmth"}
"""The report's word for each other relief id (content/guides.yaml other_relief)."""


@dataclass
class EpisodeRecord:
    """One cramp or routine; ``outcome`` stays None until the person says how it went."""

    id: int | None
    kind: str
    started_at: datetime
    side: str | None = None
    position: str | None = None
    planned_seconds: int = 0
    actual_seconds: int = 0
    holds: int = 0
    outcome: str | None = None
    causes: tuple[str, ...] = field(default_factory=tuple)
    severity: int | None = None
    updated_at: datetime | None = None
    eased_minutes: float | None = None
    """Minutes from the first key until it was said to have eased (gone or partly)."""
    help_reason: str | None = None
    """Why the episode ended at "get help": clot, long-cramp or not-eased (the flow's)."""
    relief_tried: tuple[str, ...] = field(default_factory=tuple)
    """Other relief tried besides the stretch: ids of the content's other_relief."""
