"""Still cramping, or only somewhat better: hold again at once, or stop here.

Each other relief with a key (m massage, w warmth, from the content) is marked as
tried, or not, by its key; the answer carries the marks to the flow."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Key
from textual.widgets import Static

from coach.content.model import Content
from coach.core.i18n import t
from coach.core.steps import NextAnswer, NextChoice, WhatNext
from coach.text import wording
from screens.base import CoachScreen
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words, line_widget


class StillCramping(CoachScreen[NextAnswer]):
    """Offers another hold first; other relief comes after the swollen-leg warning."""

    CSS_PATH = "still_cramping.tcss"
    BINDINGS = [
        Binding("h,enter", "choose('hold')", "Hold again", id="again-hold"),
        Binding("q,escape", "choose('stop')", "Stop", id="again-stop"),
    ]

    def __init__(self, content: Content, step: WhatNext) -> None:
        super().__init__()
        self.content = content
        self.step = step
        self.tried: list[str] = []
        """Relief ids marked as tried, in the order marked."""
        self.to_try = content.relief_to_try() if step.show_relief else ()
        self.relief_keys = {item.key: item.id for item in self.to_try}
        """Each relief's own key, from the content (never h or q: content/load.py), read
        in on_key: the footer names this screen's fixed keys, the list names these."""
        self._hold: Choice | None = None
        self._relief_lines: dict[str, Static] = {}
        """The widgets that change, kept as composed: looked up by id, they are not there
        when the app ends as the screen is put up (a signal: #29 item 5)."""

    def compose(self) -> ComposeResult:
        title, *rest = wording.what_next(self.step)
        with VerticalScroll(id="still"):
            yield Words(title.text, classes="title-line")
            self._hold = Choice("h", t("Hold the stretch again"), id="hold")
            yield self._hold
            yield Choice("q", t("Stop here"), id="stop")
            for line in rest:
                yield line_widget(line, id="still-time")
            lines = wording.relief(self.step, self.content)
            items = self.content.other_relief if self.step.show_relief else ()
            head = len(lines) - len(items)
            for line in lines[:head]:
                yield line_widget(line)
            for item, line in zip(items, lines[head:], strict=True):
                self._relief_lines[item.id] = line_widget(line, id=f"relief-{item.id}")
                yield self._relief_lines[item.id]
            if self.to_try:
                hint = t("Tried one of these? Press its letter to mark it, again to unmark it.")
                yield line_widget(wording.Line(hint, "hint"), id="relief-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self._hold is not None:
            self._hold.focus()  # a widget not mounted is not focused: Textual lets it go

    def on_key(self, event: Key) -> None:
        relief_id = self.relief_keys.get(event.key)
        if relief_id is not None:
            event.stop()
            self.toggle(relief_id)

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.action_choose(event.choice.id)  # type: ignore[arg-type]

    def toggle(self, relief_id: str) -> None:
        """Mark a relief as tried, or not any more."""
        if relief_id in self.tried:
            self.tried.remove(relief_id)
        else:
            self.tried.append(relief_id)
        item = next(r for r in self.to_try if r.id == relief_id)
        line = wording.relief_item(item, self.content, relief_id in self.tried)
        self._relief_lines[relief_id].update(line.text)

    def action_choose(self, choice: NextChoice) -> None:
        self.dismiss(NextAnswer(choice, tuple(self.tried)))
