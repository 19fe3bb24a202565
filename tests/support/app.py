"""The app as `calf-coach` builds it from its options, for tests that give options.

`make_app` takes content already loaded and the run's choices; the CLI loads the
content in the chosen language, reads the settings and decides the choices first. This
does the same, with the command line's `--lang`, `--region`, `--voice` and `--theme`
as keywords.
"""

from __future__ import annotations

import os
from pathlib import Path

from coach.content.model import Content, default_dir
from coach.core import i18n
from coach.core.choices import choose_language, resolve
from coach.store import content_cache
from coach.store.locations import data_dir as default_data_dir
from coach.store.settings import load_settings
from screens.app.shell import CalfCoach, make_app, theme_names


def load_content(lang: str = "en") -> Content:
    """The shipped content in `lang`, its interface strings put in use (as the CLI does)."""
    folder = Path(default_dir())
    content, ui = content_cache.load(folder / lang if lang != "en" else folder)
    i18n.use(ui)
    return content


def coach_app(
    content: Content | None = None,
    *,
    lang: str | None = None,
    region: str | None = None,
    voice: bool | None = None,
    theme: str | None = None,
    data_dir: Path | str | None = None,
    **options,
) -> CalfCoach:
    """`calf-coach [--lang L] [--region R] [--voice] [--theme T]`, made but not run.
    With `lang` (or no content) the shipped content is loaded in that language."""
    chosen = choose_language(lang, os.environ)
    if content is None or lang is not None:
        content = load_content(chosen)
    where = Path(data_dir) if data_dir else default_data_dir()
    prefs = load_settings(where)
    choices = resolve(
        prefs.settings,
        content.regions,
        os.environ,
        lang=chosen,
        region=region,
        voice=voice,
        theme=theme,
        themes=theme_names(),
    )
    return make_app(content, choices, prefs=prefs, data_dir=where, **options)
