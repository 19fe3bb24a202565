"""The records the coach's content is made of, the small questions screens ask it, and
where its files are.

Split from `coach.content.load` (the loaders and checks), which re-exports every name here.
Code that only uses the records imports them from here: a start whose content comes
from the cache then loads none of the YAML checkers. The records are
NamedTuples, not dataclasses: they are built at start-up, and making dataclasses is
slower, on the first frame's path (bench figure 1). No `from __future__ import
annotations` here: NamedTuple would compile each annotation string on every start.
They hold only str, int, bool, tuples and dicts, so the checked-content cache
(`coach.store.content_cache`) can save them as JSON.
"""

import os
from typing import Literal, NamedTuple, get_args

FILES = (
    "evidence.yaml",
    "guides.yaml",
    "causes.yaml",
    "tips.yaml",
    "red_flags.yaml",
    "routine.yaml",
    "sources.yaml",
)
"""The content files, each checked by `coach.content.load.load`; `ui.yaml` is apart."""


def default_dir() -> str:
    """Content inside an installed wheel, else the source tree's `content/`.

    Here, not with the loaders: a start whose content comes from the cache
    (`coach.store.content_cache`) needs the folder but none of the YAML checkers. Paths are strings,
    not `pathlib.Path`: `check-content` imports nothing else that needs pathlib, whose
    import brings urllib.parse and ipaddress with it (bench figure 6).
    """
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # coach/
    packaged = os.path.join(package, "_content")
    return (
        packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(package), "content")
    )


Side = Literal["back", "front"]
"""The side of the calf a guide is for, and an episode's side (`coach.core.steps`):
defined here, the lowest floor that needs it, because the content must have a guide
for each."""
SIDES: tuple[Side, ...] = get_args(Side)
ACTIONS = ("emergency", "urgent", "doctor")
"""Red flag actions, most urgent first."""
NUMBER_PLACEHOLDERS = ("{emergency}", "{urgent}")
"""What a red flag's `do` line may name; filled from the person's region."""


class Evidence(NamedTuple):
    id: str
    label: str
    meaning: str
    rank: int
    """0 is the strongest; used to put better-supported tips first."""


class Step(NamedTuple):
    at: int
    """Second of a default-length hold at which this step begins."""
    text: str


class Position(NamedTuple):
    id: str
    label: str
    key: str
    night_safe: bool = True
    """Safe to start in at night, half asleep in the dark (bed, sitting: yes; standing: no)."""


class Guide(NamedTuple):
    side: str
    label: str
    key: str
    short: str
    feels: str
    evidence: str
    source: str
    """Source names for display, e.g. "Mayo Clinic; AAOS" (from `source_ids`)."""
    steps: dict[str, tuple[Step, ...]]
    """Steps for each position id."""
    source_ids: tuple[str, ...] = ()


class HoldSettings(NamedTuple):
    default_seconds: int
    min_seconds: int
    max_seconds: int
    extend_seconds: int
    escalate_after_seconds: int


class Relief(NamedTuple):
    id: str
    text: str
    evidence: str
    source: str
    source_ids: tuple[str, ...] = ()
    key: str | None = None
    """The letter that marks it as tried on the "what next?" step; None: nothing to try
    (a note such as "painkillers act too slowly")."""


class Cause(NamedTuple):
    id: str
    name: str
    question: str
    explanation: str
    evidence: str
    source: str
    source_ids: tuple[str, ...] = ()


class Tip(NamedTuple):
    id: str
    causes: tuple[str, ...]
    """Cause ids this tip answers; empty means it is for everyone."""
    text: str
    evidence: str
    source: str
    source_ids: tuple[str, ...] = ()


class RedFlag(NamedTuple):
    id: str
    title: str
    text: str
    """The signs, then why it matters (shown after the `do` line)."""
    action: str
    source: str
    do: str = ""
    """What to do first, e.g. "Call {emergency} now."; see `Content.red_flag_lead`."""
    source_ids: tuple[str, ...] = ()


class Region(NamedTuple):
    id: str
    name: str
    """Country or area name, in the content's language."""
    countries: tuple[str, ...]
    emergency: str
    """Emergency number(s), e.g. "999"; reads after "Call"."""
    urgent: str
    """What to do for urgent help, verb first, e.g. "call NHS 111"."""
    emergency_source: str = ""
    urgent_source: str = ""


class Stretch(NamedTuple):
    id: str
    name: str
    text: str


class RoutineVersion(NamedTuple):
    id: str
    label: str
    key: str
    stretches: tuple[Stretch, ...]
    night_safe: bool = True
    """May start at night (seated); standing never does, as the hold's positions."""


class Routine(NamedTuple):
    title: str
    intro: str
    breathe: str
    evidence: str
    source: str
    hold_seconds: int
    repeats: int
    ready_seconds: int
    versions: tuple[RoutineVersion, ...]
    source_ids: tuple[str, ...] = ()
    night_start: str = ""
    """The safe set-up said first at night (light on, sit), as a night hold's first step."""
    change_over_seconds: int = 0
    """A pause between one leg's stretch and the next, to let go and change over."""

    def seconds(self, version: RoutineVersion | None = None) -> int:
        """How long a version runs: for each stretch, the get-ready pause, then every
        repeat for the left and then the right leg, a change-over between each two (as
        `coach.core.routine.plan` lays it out)."""
        chosen = version or self.versions[0]
        holds = 2 * self.repeats
        each = self.ready_seconds + holds * self.hold_seconds
        each += (holds - 1) * self.change_over_seconds
        return each * len(chosen.stretches)


class Source(NamedTuple):
    id: str
    name: str
    url: str
    short: str = ""
    """Short name for evidence tags, e.g. "NHS"."""


class Content(NamedTuple):
    evidence: dict[str, Evidence]
    hold: HoldSettings
    positions: tuple[Position, ...]
    guides: dict[str, Guide]
    not_sure: tuple[str, ...]
    other_relief: tuple[Relief, ...]
    causes: tuple[Cause, ...]
    tips: tuple[Tip, ...]
    red_flags: tuple[RedFlag, ...]
    regions: dict[str, Region]
    routine: Routine
    sources: tuple[Source, ...]
    relief_check: str = ""
    """Shown before massage or warmth: check for a clot first."""

    def cause(self, cause_id: str) -> Cause:
        return next(c for c in self.causes if c.id == cause_id)

    def night_positions(self) -> tuple[Position, ...]:
        """Positions safe to start in at night (bed, sitting)."""
        return tuple(p for p in self.positions if p.night_safe)

    def relief_to_try(self) -> tuple[Relief, ...]:
        """The other relief a person can mark as tried (those with a key)."""
        return tuple(r for r in self.other_relief if r.key)

    def red_flag(self, flag_id: str) -> RedFlag:
        return next(f for f in self.red_flags if f.id == flag_id)

    def red_flag_lead(self, flag: RedFlag, region: Region) -> str:
        """The flag's first line, with the region's numbers: "Call 999 now." """
        return flag.do.replace("{emergency}", region.emergency).replace("{urgent}", region.urgent)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
