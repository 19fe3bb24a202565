"""Interface strings in the person's language.

The English text is its own key (as with gettext), so code stays readable and a
missing translation falls back to English instead of breaking. Translations live
in `content/<lang>/ui.yaml` beside the translated guidance.
"""

from __future__ import annotations

from collections.abc import Mapping

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
