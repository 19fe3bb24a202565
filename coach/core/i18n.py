"""Interface strings in the person's language.

The English text is its own key (as with gettext), so code stays readable and a
missing translation falls back to English instead of breaking. Translations live
in `content/<lang>/ui.yaml` beside the translated guidance.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple

LANGUAGES = ("en", "zh")
_table: dict[str, str] = {}


def use(table: Mapping[str, str]) -> None:
    """Switch every later `t()` call to this table (empty for English)."""
    _table.clear()
    _table.update(table)


def language() -> str:
    """The language `t()` speaks now: what a page written for someone else should use."""
    return "zh" if _table else "en"


def t(text: str, **values: object) -> str:
    """Translate `text`; `{name}` placeholders are filled from `values`."""
    found = _table.get(text, text)
    return found.format(**values) if values else found


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class RegionChoice(NamedTuple):
    id: str
    ask: bool
    """True when nothing said which country the person is in: ask once, on the first
    screen (a locale such as C.UTF-8, common over SSH and in containers, names none)."""


def choose_region(
    regions: Mapping[str, object],
    asked: str | None,
    remembered: str | None,
    environ: Mapping[str, str],
) -> RegionChoice:
    """--region, else the country the person chose before, else the locale's, else ask."""
    for chosen in (asked, remembered):
        if chosen in regions:
            return RegionChoice(chosen, False)  # type: ignore[arg-type]
    countries = {
        country: rid
        for rid, region in regions.items()
        for country in getattr(region, "countries", ())
    }
    found = region_from_locale(environ, countries)
    return RegionChoice(found, found == "default")


def region_from_locale(environ: Mapping[str, str], countries: dict[str, str]) -> str:
    """Pick the region whose country matches LC_ALL / LC_MESSAGES / LANG (e.g. en_GB)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if "_" in value:
            country = value.split("_", 1)[1][:2].upper()
            return countries.get(country, "default")
        if value:
            break
    return "default"
