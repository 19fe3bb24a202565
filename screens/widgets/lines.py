"""Shows `coach.text.wording` lines as widgets: one kind, one look, the same on every screen."""

from __future__ import annotations

from textual.widgets import Static

from coach.text.wording import Line

CLASSES = {
    "title": "title-line",
    "action": "line-action",
    "text": "line-text",
    "heading": "section",
    "item": "line-item",
    "source": "line-source hint",
    "hint": "hint",
}


def line_widget(line: Line, id: str | None = None) -> Static:
    """Content from files and the person's settings: never parsed as markup."""
    # Items are marked by a bar on their left (CSS), not a "• " that unspaced Chinese
    # text would wrap away from.
    return Static(line.text, classes=CLASSES[line.kind], id=id, markup=False)
