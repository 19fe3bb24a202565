"""What both faces say about getting help and about after a cramp, written once.

The full-screen app, plain mode and the printing commands all show these lines; each
chooses only how a `Line` looks (its `kind`). Wording rules: the action and the
number come first, then the signs; short sentences, the verb first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from coach.content.model import Content, Region, Relief
from coach.core.i18n import t

if TYPE_CHECKING:  # type-only: the first screen and `red-flags` load no flow steps
    from coach.core.steps import AfterCare, GetHelp, SignAnswer, WhatNext

LineKind = Literal["title", "action", "text", "heading", "item", "source", "hint"]


class Line(NamedTuple):
    text: str
    kind: LineKind = "text"


GATE_CASES = (
    "One leg is bigger or puffier than the other, not just the hard knot, or warm, "
    "red or darker. Turn on a light and compare.",
    "It started with a sudden kick or pop, or a sudden sharp pain, as in sport.",
    "The foot is suddenly cold, pale or numb.",
)
"""The gate's three cases, in the order of `coach.core.steps.GATE_SIGNS`: each says what
a person can check in the dark, or with a light turned on."""
GATE_CASES_SHORT = (
    "One leg swollen, warm, red or darker.",
    "A sudden kick, pop or sharp pain.",
    "Foot suddenly cold, pale or numb.",
)
"""The same three cases in a line each, for a short window (a phone's terminal, a
split pane): every case stays in view beside the answers, never scrolled below them."""
GATE_QUESTION = "Before you stretch: any of these?"
SIGN_NAMES: dict[SignAnswer, str] = {
    "clot": "Swollen leg",
    "tear": "Kick or pop",
    "cold-foot": "Cold, pale foot",
    "unsure": "Not sure",
}
"""The answers to "which one?", keyed 1 to 4 in this order, the gate's cases first;
"not sure" shows every case's help, the clot's first."""


LEG_QUESTION = "Which leg was it? Press l left, r right or b both (optional)."
"""Asked with the after-care, after the hold and never before the stretch: one key,
which carries on too."""
LEG_PROMPT = "Which leg was it? l left, r right, b both, Enter skips: "
LEG_NAMES = {"left": "Left", "right": "Right", "both": "Both"}
"""The legs as plain mode also takes them typed as words."""


CAUSES_AT_NIGHT = "Back to sleep? m asks these in the morning; q skips them all."
"""The cause questions at night: both ways to put them aside, one key each."""


HEADINGS = {
    "emergency": "Call emergency services now",
    "urgent": "Get urgent medical help",
    "doctor": "See a doctor soon",
}


Face = Literal["app", "text"]
"""Where the lines are shown: the full-screen app (keys work), or printed text (plain
mode, the printing commands, the safety net printed after the app ends)."""

MORE_SIGNS = {
    "app": "Press ! any time for all the signs.",
    "text": "For all the signs: calf-coach red-flags (or ! at any question).",
}
CHANGE_COUNTRY = {
    "app": "Numbers for: {country}. To change: Ctrl+P, then Country (or --region).",
    "text": "Numbers for: {country}. To change: --region ID, for example --region uk.",
}


def numbers(region: Region, face: Face = "app") -> list[Line]:
    return [
        Line(t("Emergency: ") + region.emergency, "action"),
        Line(t("Urgent advice: ") + region.urgent, "action"),
        whose_numbers(region, face),
    ]


def whose_numbers(region: Region, face: Face = "app") -> Line:
    """Whose numbers these are, and how to change the country: a visitor must not call
    another country's number."""
    return Line(t(CHANGE_COUNTRY[face], country=region.name), "hint")


def get_help(step: GetHelp, content: Content, region: Region, face: Face = "app") -> list[Line]:
    """The one screen that ends an episode at "get help": action and number first. A
    reason that is a red flag (the "do not stretch" gate's clot, tear and cold foot, and
    the long cramp) shows that flag complete: what to do with the number, then the signs
    and their source; "not sure which" at the gate adds the other cases' first lines
    under the clot's. Every one says whose numbers they are and keeps the emergency line
    (breathless, chest pain)."""
    flag = next((f for f in content.red_flags if f.id == step.reason), None)
    if step.reason == "not-eased" or flag is None:
        lines = [
            Line(t("Before you go: when to get help"), "title"),
            Line(
                t(
                    "Get medical help if the cramp is still not gone about {limit} minutes "
                    "after it began: {urgent}.",
                    limit=step.limit_minutes,
                    urgent=region.urgent,
                ),
                "action",
            ),
            breathless(region),
            whose_numbers(region, face),
        ]
        return [*lines, *watch_for(region), Line(t(MORE_SIGNS[face]), "hint")]
    lines = [Line(content.red_flag_lead(flag, region), "title")]
    for other in map(content.red_flag, step.also):  # the gate's other cases ("not sure")
        lead = content.red_flag_lead(other, region)
        lines.append(Line(t("{title}: {do}", title=other.title, do=lead), "action"))
    if step.reason == "long-cramp":
        lines.append(
            Line(
                t(
                    "This cramp is still not gone about {limit} minutes after it began.",
                    limit=step.limit_minutes,
                )
            )
        )
    lines += [
        Line(flag.text),
        Line(t("Source: {source}", source=flag.source), "source"),
        breathless(region),
        whose_numbers(region, face),  # after every line with a number, as on the net
    ]
    if step.reason == "long-cramp":  # still a cramp: what else to watch for
        lines += watch_for(region)
    return [*lines, Line(t(MORE_SIGNS[face]), "hint")]


def breathless(region: Region) -> Line:
    """The emergency line every get-help screen carries: a clot may have moved."""
    return Line(
        t(
            "Call {number} at once if you are short of breath, have chest pain or cough up blood.",
            number=region.emergency,
        ),
        "action",
    )


def watch_for(region: Region) -> list[Line]:
    return [
        Line(t("Watch for"), "heading"),
        Line(t("One leg swollen, warm, red or darker: get urgent help."), "item"),
        Line(t("A cold, pale or numb foot: call {number} now.", number=region.emergency), "item"),
        Line(t("Pain that gets worse, or weakness: get help the same day."), "item"),
    ]


def after_care(step: AfterCare, region: Region) -> list[Line]:
    """After a cramp eased: what is normal, and what is not."""
    first = {
        "gone": t("Good. The cramp has gone."),
        "sore": t("Good. The knot has gone."),
    }.get(step.outcome, t("Good. It is easing."))
    still_easing = []
    if step.outcome == "somewhat":
        still_easing = [
            Line(
                t(
                    "If it is still not gone about {limit} minutes after it began, or it "
                    "comes back and does not ease within {limit} minutes, get help: {urgent}.",
                    limit=step.limit_minutes,
                    urgent=region.urgent,
                ),
                "action",
            )
        ]
    return [
        Line(first, "title"),
        *still_easing,
        Line(t("The muscle may feel sore for up to a day. That is common."), "text"),
        Line(
            t(
                "Move the foot and ankle gently. If you are thirsty, sip some water, "
                "unless a doctor limits your fluids."
            ),
            "text",
        ),
        Line(
            t(
                "Get it checked if the calf swells, turns warm or red, or hurts more: {urgent}.",
                urgent=region.urgent,
            ),
            "action",
        ),
        Line(t("In an emergency call {number}.", number=region.emergency), "action"),
    ]


def what_next(step: WhatNext) -> list[Line]:
    """Still cramping, or still there but weaker: the title and the time line."""
    title = (
        t("Still cramping. That happens; stretch again now.")
        if step.outcome == "still"
        else t("Still there, but weaker. Stretch again, or stop here.")
    )
    return [
        Line(title, "title"),
        Line(
            t(
                "Under a minute so far, holds: {holds}. If it is not gone about "
                "{limit} min after it began, get medical help (press ! for details).",
                holds=step.holds,
                limit=step.limit_minutes,
            )
            if step.minutes < 1
            else t(
                "About {minutes} min so far, holds: {holds}. If it is not gone about "
                "{limit} min after it began, get medical help (press ! for details).",
                minutes=round(step.minutes),
                holds=step.holds,
                limit=step.limit_minutes,
            ),
            "text",
        ),
    ]


def relief(step: WhatNext, content: Content) -> list[Line]:
    """Other things that help, the swollen-leg warning always first."""
    if not step.show_relief:
        return []
    lines = [Line(t("Other things that help"), "heading")]
    if step.clot_warning:
        lines.append(Line(content.relief_check, "action"))
    lines += [relief_item(item, content) for item in content.other_relief]
    return lines


def relief_item(item: Relief, content: Content, tried: bool = False) -> Line:
    """One other relief, led by the key that marks it as tried, and "✓ tried" in
    words (not colour only) once it is marked."""
    text = f"{item.text} [{content.evidence[item.evidence].label}]"
    if tried:
        text = "✓ " + t("{heading}:", heading=t("tried")) + f" {text}"
    return Line(f"{item.key}  {text}" if item.key else text, "item")


def red_flags(content: Content, region: Region, face: Face = "app") -> list[Line]:
    """Every red flag, grouped by what to do, the numbers first."""
    lines = [Line(t("When to get help"), "title"), *numbers(region, face)]
    for action, heading in HEADINGS.items():
        flags = [f for f in content.red_flags if f.action == action]
        if not flags:
            continue
        lines.append(Line(t(heading), "heading"))
        for flag in flags:  # what to do (with the number) first, then the signs
            lines.append(Line(content.red_flag_lead(flag, region), "item"))
            lines.append(Line(t("{title}. {signs}", title=flag.title, signs=flag.text), "text"))
            lines.append(Line(t("Source: {source}", source=flag.source), "source"))
    lines.append(Line(t("This is self-care guidance, not a diagnosis."), "hint"))
    return lines


def disclaimer(region: Region) -> str:
    return t(
        "Calf Coach gives self-care guidance, not a diagnosis. In an emergency call {number}.",
        number=region.emergency,
    )


def plain_text(lines: list[Line]) -> str:
    """Lines as printed text: plain mode, and the safety net printed after a quit."""
    out = []
    for line in lines:
        if line.kind == "heading":
            out.append(t("{heading}:", heading=line.text))
        elif line.kind == "item":
            out.append(f"- {line.text}")
        elif line.kind == "source":
            out.append(f"  ({line.text})")
        elif line.kind == "text":
            out.append(f"  {line.text}")
        else:
            out.append(line.text)
    return "\n".join(out)


def how_sure(content: Content, evidence: str, source: str) -> str:
    """One line on how well tested a stretch is, and who says so."""
    return t(
        "How sure: {level}. Source: {source}.",
        level=content.evidence[evidence].label,
        source=source,
    )
