"""How long a line takes to say, and its shorter spoken forms.

The hold's speech is planned ahead (coach/core/cues.py) so that no step is cut by the
next one, by a count, or by "time's up": that needs the time each line takes, which
depends on the engine and the language. English is timed by the word, Chinese by the
character (an engine says one syllable per character), each sentence end and comma
adding its pause. The numbers of each engine's `Pace` come from the engine's own
recordings (see the commit that set them); they err long, because a line timed too
short is cut by the next.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Pace(NamedTuple):
    """How fast an engine speaks: seconds per word or Chinese character, plus pauses."""

    start: float
    """Each utterance: the engine starting, and the lead-in and trailing silence."""
    per_word: float
    """An English word, or a written number (said digit by digit or as words)."""
    per_character: float
    """A Chinese character (one syllable)."""
    per_stop: float
    """A sentence end: . ! ? ; : and 。！？；："""
    per_comma: float
    """A comma or 、."""

    @property
    def silent(self) -> bool:
        return self.per_word == 0 and self.per_character == 0 and self.start == 0


SILENT = Pace(0.0, 0.0, 0.0, 0.0, 0.0)
"""The voice is off: nothing takes time, every cue is due when its step is."""
ESPEAK = Pace(start=0.45, per_word=0.23, per_character=0.3, per_stop=0.5, per_comma=0.4)
"""espeak-ng speaking English at its default rate (175 words a minute)."""
ESPEAK_MANDARIN = Pace(start=0.75, per_word=0.3, per_character=0.3, per_stop=0.05, per_comma=0.05)
"""espeak-ng speaking Mandarin: about three characters a second, hardly a pause."""
ESPEAK_CMN = Pace(start=1.0, per_word=0.35, per_character=0.4, per_stop=0.15, per_comma=0.1)
"""espeak-ng's plain Mandarin voice, which spells much of its pinyin out in English."""


def reader_pace(lang: str) -> Pace:
    """A console screen reader reading plain mode's lines: timed as espeak-ng at its
    default rate (speech-dispatcher's voice unless told otherwise), Mandarin as its plain
    cmn voice. A reader set faster only gains; plain mode plans what it prints by this,
    so that time's up is heard when it is printed."""
    return ESPEAK_CMN if lang == "zh" else ESPEAK


RELAXED = Pace(start=0.6, per_word=0.27, per_character=0.36, per_stop=0.55, per_comma=0.4)
"""An engine whose rate the coach cannot know (a desktop speech service): timed slower."""
RELAXED_MANDARIN = Pace(start=0.9, per_word=0.35, per_character=0.36, per_stop=0.1, per_comma=0.1)


_WORD = re.compile(r"[A-Za-z'’]+|[0-9]")
_CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_STOP = re.compile(r"[.!?;:。！？；：](?=\s|$|[^0-9])")
_COMMA = re.compile(r"[,，、]")
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s*")


def seconds_to_say(text: str, pace: Pace) -> float:
    """The time `text` takes at `pace`, pauses included; 0 for nothing or a silent pace."""
    if not text.strip() or pace.silent:
        return 0.0
    return (
        pace.start
        + pace.per_word * len(_WORD.findall(text))
        + pace.per_character * len(_CHINESE.findall(text))
        + pace.per_stop * len(_STOP.findall(text))
        + pace.per_comma * len(_COMMA.findall(text))
    )


def sentences(text: str) -> list[str]:
    """`text` cut after each sentence end (English and Chinese), each kept whole."""
    return [part.strip() for part in _SENTENCE.split(text.strip()) if part.strip()]


def shorter_forms(text: str, shortest: str = "") -> list[str]:
    """What may be said for a step, longest first: the whole text; its first and last
    sentences (the last is often the warning: "If it hurts more, stop."); then fewer
    of its sentences, down to the first; `shortest` (a step's own short form, if the
    content has one) last. A short hold says a shorter form rather than cut one."""
    parts = sentences(text)
    joiner = "" if _CHINESE.search(text) else " "
    forms = [joiner.join(parts[:n]) for n in range(len(parts), 0, -1)] or [text]
    if len(parts) >= 3:
        forms.insert(1, joiner.join((parts[0], parts[-1])))
    if shortest and shortest not in forms:
        forms.append(shortest)
    return forms
