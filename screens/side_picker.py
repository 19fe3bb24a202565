"""The first screen: "Where is the cramp?" answered with one key."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from coach.content.model import Content, Region
from coach.core.diary import CHECKIN_KEYS, CheckIn, checkin_question
from coach.core.i18n import t
from screens.base import HomeScreen
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter
from screens.widgets.lines import Words


class SidePicker(HomeScreen):
    """Home screen; choosing a side starts an episode in the app."""

    CSS_PATH = "side_picker.tcss"

    BINDINGS = [
        Binding("b", "choose('back')", "Back of calf", id="side-back"),
        Binding("f", "choose('front')", "Front", id="side-front"),
        Binding("n", "not_sure", "Not sure", id="side-not-sure"),
        Binding("r", "open('routine')", "Routine", id="routine"),
        Binding("t", "open('tips')", "Tips", id="tips"),
        Binding("h", "open('history')", "History", id="history"),
        Binding("c", "choose_region", "Country", id="country"),
        # The country from the locale, confirmed (#26): its keys are written on the line
        # that asks, beside the question, so the footer stays as it was. Its `y` is tried
        # before the check-in's, which waits until the country is confirmed.
        Binding("y", "keep_region", "Keep the country", id="country-keep", show=False),
        Binding("q,escape", "app.quit", "Quit", id="quit"),
        # The morning check-in line (#15), active only while it is shown; its keys are
        # written on the line itself, so the footer stays as it was.
        Binding("0", "checkin('none')", "No cramps last night", id="checkin-none", show=False),
        Binding("y", "checkin('yes')", "Had cramps", id="checkin-yes", show=False),
        Binding("x", "checkin('skip')", "Skip", id="checkin-skip", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    # Plain messages, not dataclasses: making dataclasses is slower, on every first
    # frame's path (bench figure 1).
    class Chosen(Message):
        def __init__(self, side: str) -> None:
            super().__init__()
            self.side = side

    class CheckedIn(Message):
        def __init__(self, answer: CheckIn) -> None:
            super().__init__()
            self.answer = answer

    class Open(Message):
        def __init__(self, what: str) -> None:
            super().__init__()
            self.what = what
            """"tips", "routine" or "history": things to use outside a cramp."""

    def __init__(
        self, content: Content, region: Region, first_run: bool = False, ask_region: bool = False
    ) -> None:
        super().__init__()
        self.content = content
        self.numbers = region
        self.first_run = first_run
        self.ask_region = ask_region
        self.checkin_night: date | None = None
        """The night the check-in line asks about, while it is shown."""
        self.checkin_recorded = 0
        """Cramps the coach recorded during that night."""
        # Kept, not looked up: they are not there when the app ends as the screen is put
        # up (a signal: #29 item 5).
        self._picker = Vertical(id="picker")
        self._back: Choice | None = None

    def compose(self) -> ComposeResult:
        back, front = self.content.guides["back"], self.content.guides["front"]
        with self._picker:
            yield Words(t("Where is the cramp?"), id="question")
            # For someone whose screen reader reads this screen: the full-screen app is
            # re-read frame by frame, and plain mode is made for them (#27). Under the
            # question, so a reader says it right after (under yasr, 5 s in, not 16 s).
            yield Words(t("Screen reader? Run calf-coach --plain"), id="plain-hint")
            self._back = Choice("b", back.label, id="back")
            yield self._back
            yield Choice("f", front.label, id="front")
            yield Choice("n", t("Not sure"), id="not-sure")
            if self.ask_region:  # in the hint's place, so it is seen without scrolling
                yield Words(self._country_question(), id="ask-country")
            else:
                yield Words(t("Press a letter, or use the arrows and Enter."), id="picker-hint")
            if self.first_run:
                yield Words(self._disclaimer(), id="disclaimer")
        yield KeyFooter()

    def _country_question(self) -> str:
        """Beside the first question, never before it: a cramp's first key still starts
        the stretch. The locale's country is confirmed (en_US.UTF-8 is the default on many
        machines outside the US); with none, which country."""
        if self.numbers.id == "default":
            return t("Which country are you in? Press c, so the right emergency number shows.")
        return t(
            "Numbers for: {country} ({number}). Right? y yes, c change.",
            country=self.numbers.name,
            number=self.numbers.emergency,
        )

    def _disclaimer(self) -> str:
        return t(
            "Calf Coach gives self-care guidance, not a diagnosis. In an "
            "emergency call {number}. Press ! any time for when to get help.",
            number=self.numbers.emergency,
        )

    def region_changed(self, region: Region) -> None:
        """A country was chosen: the question goes, the disclaimer's number changes."""
        self.numbers = region
        self.ask_region = False
        for line in self.query("#ask-country"):
            line.remove()
        for line in self.query("#disclaimer").results(Static):
            line.update(self._disclaimer())
        if self.checkin_night is not None:
            self._show_checkin()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose_region":  # only while the question is asked (Ctrl+P after)
            return self.ask_region
        if action == "keep_region":
            return self.confirming_region
        if action == "checkin":  # only while the check-in line is shown
            return self.checkin_night is not None and not self.confirming_region
        return True

    def action_choose_region(self) -> None:
        self.coach.action_choose_region()

    @property
    def confirming_region(self) -> bool:
        """The locale's country is asked about ("Right? y yes"): the check-in line, whose
        `y` means something else, waits until it is answered."""
        return self.ask_region and self.numbers.id != "default"

    def action_keep_region(self) -> None:
        """The locale's country is right: kept, and not asked again."""
        self.coach.set_region(self.numbers.id)

    def on_mount(self) -> None:
        if self._back is not None:
            self._back.focus()  # a widget not mounted is not focused: Textual lets it go
        if self.checkin_night is not None:
            self._show_checkin()

    def ask_checkin(self, night: date, recorded: int = 0) -> None:
        """Show "Any cramps last night?" (the app decided, from coach.core.diary), or
        "besides the N recorded" after a night the coach recorded cramps in. May come
        before this screen is mounted: on_mount shows it then."""
        self.checkin_night = night
        self.checkin_recorded = recorded
        if self.is_mounted:
            self._show_checkin()

    def _show_checkin(self) -> None:
        """Put the line in above the disclaimer. Mounted only when asked, which is after
        the first frame (the diary is read then): that frame styles no hidden line. Not
        while the country is confirmed: both answer `y`."""
        if self.confirming_region or not self._picker.is_attached:
            return  # on_mount shows it when the line's place is there
        if not self.query("#checkin-line"):
            text = checkin_question(self.checkin_recorded) + "  " + t(CHECKIN_KEYS)
            line = Words(text, id="checkin-line")
            disclaimer = self.query("#disclaimer")
            self._picker.mount(line, before=disclaimer.first() if disclaimer else None)
        self.refresh_bindings()

    def action_checkin(self, answer: str) -> None:
        night = self.checkin_night
        if night is None:
            return
        if answer == "yes" or (answer == "none" and self.checkin_recorded):
            from screens.checkin import CheckinScreen  # the screens seam: a dialog opened on a key

            # "None" after a recorded night: no others, but the night had cramps, so the
            # morning safety question is still asked (as plain mode asks it).
            dialog = CheckinScreen(night, self.checkin_recorded, no_others=answer == "none")
            self.app.push_screen(dialog, self._checked_in)
        else:
            self._checked_in(CheckIn(night, 0 if answer == "none" else None))

    def _checked_in(self, answer: CheckIn | None) -> None:
        if answer is None or self.checkin_night is None:
            return  # gone back from the questions: the line stays
        self.checkin_night = None
        self.query("#checkin-line").remove()
        self.refresh_bindings()
        self.post_message(self.CheckedIn(answer))

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        if event.choice.id == "not-sure":
            self.action_not_sure()
        elif event.choice.id in ("back", "front"):
            self.action_choose(event.choice.id)

    def action_choose(self, side: str) -> None:
        self.post_message(self.Chosen(side))

    def action_not_sure(self) -> None:
        from screens.not_sure import NotSure  # the screens seam: a dialog opened on a key

        def chosen(side: str | None) -> None:
            if side:
                self.action_choose(side)

        self.app.push_screen(NotSure(self.content), chosen)

    def action_open(self, what: str) -> None:
        self.post_message(self.Open(what))
