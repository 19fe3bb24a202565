"""The diary's decisions and values: when to ask the morning check-in, what a check-in
and "your own record" are. Pure: the caller passes `now` and what is recorded.

Kept apart from the store (coach/store/checkins.py) so the rules are tested with plain
values and a fixed clock, as the flow's are.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from coach.core.i18n import t

CHECKIN_HOURS = (5, 14)
"""The morning check-in is asked from 05:00 until 14:00: later, "last night" is vague."""
PAST_MIN = 3
"""Fewer past episodes of a side than this say nothing worth showing."""
PAST_LIMIT = 10
"""How many of the latest finished episodes of a side the record line counts."""

CHECKIN_QUESTION = "Any cramps last night?"
"""The morning check-in's words, here with its rules: the first screen shows them
without loading the diary's charts (coach.text.diary_text) before its first frame."""
CHECKIN_BESIDES = "Any cramps last night besides the {n} recorded?"
"""The question instead after a night the coach recorded cramps in: "0" then means no
others, and the night keeps the recorded ones (`with_recorded`)."""
CHECKIN_KEYS = "0 none · y yes · x skip"
CHECKIN_ASK = (
    "How many cramps last night?",
    "Worst one, 0 none to 10 worst?",
    "How much did they disturb your sleep, 0 not at all to 10 no sleep?",
)
"""The same anchors as an episode's severity ("0 none ... 10 worst"), and the same
range and keys in both faces: a count 1-9 (9 means 9 or more), the others 0-9 or x
for 10 (clinical review #30)."""
CHECKIN_OTHERS = "How many others besides the {n} recorded?"
"""The count asked instead when the app recorded some of the night's cramps: a night
partly recorded must not count as only what was recorded."""
COUNT_TOP = 9
"""The highest count either face takes: one key; 9 means 9 or more."""
CHECKIN_SWOLLEN = "Is one calf still swollen, warm or painful this morning?"
"""The next-morning safety question after a night with cramps: a clot and a torn
muscle both show the next day. Yes leads to the clot flag with the number."""
SEE_GP = (
    "Worth seeing a GP about these cramps: they are disturbing your sleep."
    " To make a page for them: calf-coach report (or r in the history)."
)
"""The check-in's answer after a bad night (NHS: see a GP if leg cramps disturb sleep)."""
MORNING_CAUSES = "Last night you chose to answer these in the morning."
"""Before the cause questions a night's cramp left for the morning (#28): the check-in
asks them after its own questions, q skips all."""
BAD_NIGHT_CRAMPS = 3
"""A night with this many cramps or more is a bad night by itself."""
SLEEP_DISTURBED = 5
"""Sleep disturbed this much (0-10) or more counts as a disturbed night."""
DISTURBED_NIGHTS = 2
"""Disturbed nights within FORTNIGHT that make it worth seeing a GP."""
FORTNIGHT = 14


def night_of(moment: datetime) -> date:
    """The night a moment belongs to: a 2 am cramp belongs to the evening before, so
    this is the date 12 hours earlier. The diary, the history's nights with and without
    a routine, and the check-in all count nights by it."""
    return (moment - timedelta(hours=12)).date()


def last_night(now: datetime) -> date:
    """The night a morning check-in asks about: the one that began yesterday evening.
    Not night_of(now): after noon that is already tonight."""
    return now.date() - timedelta(days=1)


class CheckIn(NamedTuple):
    """The answer to "Any cramps last night?". `cramps` None: the person skipped it."""

    night: date
    cramps: int | None
    worst: int | None = None
    """Worst severity, 0-10."""
    sleep: int | None = None
    """How much they disturbed sleep, 0-10."""
    swollen: bool | None = None
    """The morning safety question: is one calf still swollen, warm or painful? None:
    not asked (an older version, or skipped)."""


class NightState(NamedTuple):
    """What the store knows about one night, for deciding whether to ask."""

    answered: bool
    """A check-in (answered or skipped) exists for it."""
    recorded_cramps: int
    """Cramps the coach recorded during it, at night (coach.core.choices.is_night):
    a daytime cramp on the same date is not one of last night's (#29 item 14)."""


def checkin_due(now: datetime, last: NightState) -> date | None:
    """The night to ask about, or None; `last`: what is recorded for `last_night(now)`.

    Asked in the morning only, once per night (a skip counts as an answer), also after
    a night whose cramps the coach recorded: it asks for any others besides those
    (`CHECKIN_OTHERS`), so a night partly recorded is not counted as only that."""
    start, end = CHECKIN_HOURS
    if not start <= now.hour < end:
        return None
    if last.answered:
        return None
    return last_night(now)


def worth_seeing_gp(answer: CheckIn, disturbed_before: int) -> bool:
    """After a bad night: BAD_NIGHT_CRAMPS or more cramps, or sleep disturbed
    SLEEP_DISTURBED or more on this night and on enough others in the FORTNIGHT
    (`disturbed_before`: such nights among the 13 before this one)."""
    if answer.cramps is not None and answer.cramps >= BAD_NIGHT_CRAMPS:
        return True
    tonight = answer.sleep is not None and answer.sleep >= SLEEP_DISTURBED
    return tonight and disturbed_before + 1 >= DISTURBED_NIGHTS


def checkin_question(recorded: int) -> str:
    """The check-in's first question, in the person's language, for both faces."""
    return t(CHECKIN_BESIDES, n=recorded) if recorded else t(CHECKIN_QUESTION)


def with_recorded(answer: CheckIn, recorded: int) -> CheckIn:
    """The night's count as kept: the others told plus those recorded (`answer.cramps`
    holds the others when some were recorded). A skip stays a skip."""
    if answer.cramps is None or not recorded:
        return answer
    return answer._replace(cramps=min(answer.cramps + recorded, 50))


def check(answer: CheckIn) -> None:
    """Refuse an impossible answer before it reaches the file."""
    if answer.cramps is not None and not 0 <= answer.cramps <= 50:
        raise ValueError("cramps must be between 0 and 50")
    for name in ("worst", "sleep"):
        value = getattr(answer, name)
        if value is not None and not 0 <= value <= 10:
            raise ValueError(f"{name} must be between 0 and 10")


class PositionTally(NamedTuple):
    position: str
    eased: int
    """Episodes in this position that ended with the cramp eased (gone, or gone but sore)."""
    total: int
    """Episodes in this position that were stretched and answered "has it eased?" (or
    reached the time limit): never one stopped at the gate or left before it was told."""


class PastRecord(NamedTuple):
    """The person's own latest finished cramps of one side, by position."""

    side: str
    episodes: int
    positions: tuple[PositionTally, ...]

    def worth_showing(self) -> bool:
        return self.episodes >= PAST_MIN

    def only(self, positions: tuple[str, ...]) -> PastRecord:
        """This record with only the tallies of `positions`, counted again: at night
        the line names only positions safe at night, so it never nudges a person up
        to stand at 3 a.m."""
        kept = tuple(p for p in self.positions if p.position in positions)
        return PastRecord(self.side, sum(p.total for p in kept), kept)
