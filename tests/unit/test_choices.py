"""The run's choices (coach.core.choices): the command line, then what was remembered,
then the locale; a value from the command line is remembered. Plain values, no files."""

from __future__ import annotations

import pytest

from coach.content.model import Region
from coach.core.choices import (
    choose_language,
    region_from_locale,
    resolve,
    theme_by_the_clock,
)
from coach.store.settings import Settings

REGIONS = {
    rid: Region(rid, rid.upper(), countries, "112", "call 112")
    for rid, countries in {
        "uk": ("GB",),
        "us": ("US",),
        "au": ("AU",),
        "eu": ("IT", "ES"),
        "default": (),
    }.items()
}
GB = {"LANG": "en_GB.UTF-8"}
NO_COUNTRY = {"LANG": "C.UTF-8"}
THEMES = frozenset({"day", "night", "light", "textual-dark", "nord"})


def choose(remembered: Settings | None = None, environ=GB, **asked):
    kept = remembered or Settings()
    return resolve(kept, REGIONS, environ, lang="en", themes=THEMES, **asked)


# The country --------------------------------------------------------------------


def test_the_region_comes_from_the_command_line_then_the_choice_then_the_locale():
    au = Settings(region="au")
    assert choose(au, region="us")[:2] == ("us", False)
    assert choose(au)[:2] == ("au", False)
    assert choose()[:2] == ("uk", True)
    assert choose(environ={"LANG": "it_IT.UTF-8"})[:2] == ("eu", True)


def test_a_country_from_the_locale_is_asked_to_be_confirmed_until_it_is_chosen():
    """en_US.UTF-8 is the default on many machines outside the US: the locale's country
    is only a guess, confirmed once; chosen before or on the command line, it is not."""
    us = {"LANG": "en_US.UTF-8"}
    assert choose(environ=us)[:2] == ("us", True)
    assert choose(Settings(region="us"), us)[:2] == ("us", False)
    assert choose(Settings(region="uk"), us)[:2] == ("uk", False)
    assert choose(environ=us, region="us")[:2] == ("us", False)
    assert choose(environ=us, region="us").remember == {"region": "us"}


@pytest.mark.parametrize("environ", [NO_COUNTRY, {"LANG": "POSIX"}, {}, {"LANG": "en_XX"}])
def test_no_country_known_gives_the_general_numbers_and_asks(environ):
    assert choose(environ=environ)[:2] == ("default", True)
    assert choose(Settings(region="nonsense"), environ)[:2] == ("default", True)


def test_general_numbers_chosen_before_or_on_the_command_line_ask_nothing():
    assert choose(Settings(region="default"), NO_COUNTRY)[:2] == ("default", False)
    assert choose(environ=NO_COUNTRY, region="default")[:2] == ("default", False)


def test_a_new_region_on_the_command_line_is_remembered_the_same_one_is_not():
    assert choose(Settings(region="au"), region="us").remember == {"region": "us"}
    assert choose(Settings(region="us"), region="us").remember == {}
    assert choose(Settings(region="au")).remember == {}


def test_a_region_the_content_does_not_have_is_neither_used_nor_remembered():
    chosen = choose(Settings(region="au"), region="mars")
    assert chosen.region == "au" and chosen.remember == {}


def test_region_from_locale():
    countries = {"GB": "uk", "US": "us"}
    assert region_from_locale({"LANG": "en_GB.UTF-8"}, countries) == "uk"
    assert region_from_locale({"LC_ALL": "en_US.UTF-8", "LANG": "en_GB"}, countries) == "us"
    assert region_from_locale({"LC_MESSAGES": "en_US", "LANG": "en_GB"}, countries) == "us"
    assert region_from_locale({"LANG": "C.UTF-8"}, countries) == "default"
    assert region_from_locale({"LANG": "fr_FR.UTF-8"}, countries) == "default"
    assert region_from_locale({}, countries) == "default"


# The voice ----------------------------------------------------------------------


def test_the_voice_is_the_flag_else_the_remembered_one():
    assert choose(Settings(voice=True)).voice is True
    assert choose(Settings(voice=False)).voice is False
    assert choose(Settings(voice=False), voice=True).voice is True
    assert choose(Settings(voice=True), voice=False).voice is False


def test_a_changed_voice_flag_is_remembered_the_same_one_is_not():
    assert choose(Settings(voice=False), voice=True).remember == {"voice": True}
    assert choose(Settings(voice=True), voice=False).remember == {"voice": False}
    assert choose(Settings(voice=True), voice=True).remember == {}


# The theme ----------------------------------------------------------------------


def test_the_theme_is_the_flag_else_the_remembered_one_if_the_app_has_it():
    assert choose(Settings(theme="light"), theme="nord").theme == "nord"
    assert choose(Settings(theme="light")).theme == "light"
    assert choose(Settings(theme="gone-theme")).theme is None  # the clock decides
    assert choose().theme is None


def test_a_new_theme_flag_is_remembered_the_same_one_is_not():
    assert choose(Settings(theme="light"), theme="nord").remember == {"theme": "nord"}
    assert choose(Settings(theme="light"), theme="light").remember == {}


def test_an_unknown_theme_is_said_not_used_and_not_remembered():
    chosen = choose(Settings(theme="light"), theme="bogus")
    assert chosen.unknown_theme == "bogus"
    assert chosen.theme is None  # the clock's, as before the flag was checked
    assert chosen.remember == {}
    assert choose(theme="night").unknown_theme is None


def test_a_face_without_themes_uses_and_remembers_none():
    plain = resolve(Settings(theme="light"), REGIONS, GB, lang="en", theme="night")
    assert plain.theme is None and plain.remember == {}


@pytest.mark.parametrize(
    ("hour", "theme"),
    [
        (20, "day"),
        (21, "night"),
        (3, "night"),
        (6, "night"),
        (7, "day"),
        (12, "day"),
    ],
)
def test_the_clock_picks_night_or_day(hour, theme):
    assert theme_by_the_clock(hour) == theme


# Together -----------------------------------------------------------------------


def test_every_flag_at_once_is_remembered_in_one_list():
    before = Settings(position="bed", region="au", voice=False, theme="light")
    chosen = choose(before, region="us", voice=True, theme="night")
    assert chosen.remember == {"region": "us", "voice": True, "theme": "night"}
    assert before == Settings(position="bed", region="au", voice=False, theme="light")


def test_the_language_chosen_is_carried():
    assert choose().lang == "en"
    assert resolve(Settings(), REGIONS, GB, lang="zh").lang == "zh"


def test_the_language_is_the_flag_else_the_locale_s():
    assert choose_language("zh", {"LANG": "en_GB.UTF-8"}) == "zh"
    assert choose_language(None, {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert choose_language(None, {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN"}) == "en"
    assert choose_language(None, {}) == "en"
