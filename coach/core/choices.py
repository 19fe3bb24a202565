"""What a run uses: the country whose emergency numbers it shows, the voice, the theme
and the language. Decided here, once per run, for the app, plain mode and the printing
commands alike.

One rule for each: a value given on the command line wins, and is remembered for next
time (`--region uk` today is the country tomorrow too); else what the person chose
before (the settings file); else what the environment says (the locale); else a
default. The country is confirmed once, beside the first question: a locale names the
machine's country, which is often not the person's (`en_US.UTF-8` is the default on
many machines outside the US, and would show 911). Pure: the caller passes
the settings and the environment, and saves what `Choices.remember` lists.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from typing import NamedTuple, Protocol, TypeVar

T = TypeVar("T")

NIGHT_HOURS = (21, 7)
"""Between these local hours it is night: the dim theme is the default, and a hold
starts only in a position the content marks night-safe (in bed or sitting), never
standing: night cramps mostly strike older people, often on tablets that make them
dizzy when they stand up (coach.core.flow.starting_position)."""


def is_night(hour: int) -> bool:
    start, end = NIGHT_HOURS
    return hour >= start or hour < end


def clock_at(hour: int | None) -> Callable[[], datetime] | None:
    """The wall clock an episode reads, for a face started with a fixed hour (`hour`:
    the tests, and anyone trying the night rules by day): today's time with that hour,
    so the flow's night rules agree with the face's (where a hold starts, the theme).
    None when no hour was given: the real clock."""
    if hour is None:
        return None
    return lambda: datetime.now().astimezone().replace(hour=hour)


class Remembered(Protocol):
    """What the settings file remembers of these choices (coach.store.settings.Settings)."""

    region: str | None
    voice: bool
    theme: str | None


class Choices(NamedTuple):
    region: str
    """The region id whose numbers to show."""
    ask_region: bool
    """True until the person has said which country they are in (on the command line
    or before): ask once, beside the first question, never before it. With a country
    from the locale, to confirm it ("Numbers for: United States (911). Right?"); with
    none (C.UTF-8, common over SSH and in containers: region "default"), which one."""
    voice: bool
    theme: str | None
    """The theme asked for or remembered, if the face has it; None: night or day by
    the clock (`theme_by_the_clock`)."""
    lang: str
    remember: dict[str, object]
    """The settings this run changes: each value the command line gave that differs
    from the remembered one, by the name of its field in the settings."""
    unknown_theme: str | None = None
    """A `--theme` the face does not have: said once, and not remembered."""


def resolve(
    remembered: Remembered,
    regions: Mapping[str, object],
    environ: Mapping[str, str],
    *,
    lang: str,
    region: str | None = None,
    voice: bool | None = None,
    theme: str | None = None,
    themes: Collection[str] = (),
) -> Choices:
    """The choices from the command line's `region`, `voice` and `theme` (None: not
    given), the settings and the environment. `lang` is the language already chosen
    (`choose_language`: the content is loaded in it before its regions are known).
    `themes` are those the face can show: none for plain mode and printing."""
    remember: dict[str, object] = {}

    def flag_first(name: str, asked: T | None, kept: T) -> T:
        """The command line's value, remembered when it is new; else the remembered one."""
        if asked is None:
            return kept
        if asked != kept:
            remember[name] = asked
        return asked

    unknown_theme = None
    if theme is not None and theme not in themes:
        unknown_theme, wanted = theme, None  # not remembered; the clock decides
    else:
        wanted = flag_first("theme", theme, remembered.theme)
    where = flag_first("region", region if region in regions else None, remembered.region)
    ask_region = False
    if where is None or where not in regions:  # not chosen: from the locale, to confirm
        where, ask_region = region_from_locale(environ, _countries(regions)), True
    return Choices(
        region=where,
        ask_region=ask_region,
        voice=flag_first("voice", voice, remembered.voice),
        theme=wanted if wanted in themes else None,
        lang=lang,
        remember=remember,
        unknown_theme=unknown_theme,
    )


def choose_language(asked: str | None, environ: Mapping[str, str]) -> str:
    """`--lang`, else the locale's: zh for a Chinese locale, English for any other."""
    if asked:
        return asked
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def region_from_locale(environ: Mapping[str, str], countries: Mapping[str, str]) -> str:
    """The region whose country matches LC_ALL / LC_MESSAGES / LANG (e.g. en_GB), else
    the general one ("default")."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if "_" in value:
            country = value.split("_", 1)[1][:2].upper()
            return countries.get(country, "default")
        if value:
            break
    return "default"


def _countries(regions: Mapping[str, object]) -> dict[str, str]:
    """Each country code (GB, US, ...) with the id of the region that covers it."""
    return {
        country: rid
        for rid, region in regions.items()
        for country in getattr(region, "countries", ())
    }


def theme_by_the_clock(hour: int) -> str:
    """With no theme chosen: the dim night theme from 21:00 to 07:00, else the day theme
    (the app's own dark one, screens/app/themes.py: Textual's textual-dark reads below
    4.5:1 in 16 and 256 colours)."""
    return "night" if is_night(hour) else "day"
