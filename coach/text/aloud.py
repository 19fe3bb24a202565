"""What the voice says of a page of lines: the getting-help lines, said before anything.

A person with the voice on has their eyes on their leg: the escalation ("Stop
stretching. Get help now: call ..."), the clot advice and the safety net are said, not
only shown. What is said is the action and the numbers (title, action lines) and the
signs to watch for (the heading and its items); the longer explanations, the sources
and the key hints are left to the screen.
"""

from __future__ import annotations

from coach.text.wording import Line

SAID = ("title", "action", "heading", "item")
_ENDS = ".!?。！？：:"


def help_said(lines: list[Line]) -> str:
    """The getting-help lines as one utterance, each ending with a pause."""
    said = []
    for line in lines:
        text = line.text.strip()
        if line.kind not in SAID or not text:
            continue
        if text[-1] not in _ENDS:
            text += "。" if _chinese(text) else "."
        said.append(text)
    return "".join(said) if said and all(_chinese(text) for text in said) else " ".join(said)


def _chinese(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)
