"""The app's own small widgets: the time bar, the answer boxes, the cheap line update,
the footer."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from screens.countdown import show_text
from screens.widgets.choice import Choice
from screens.widgets.key_footer import KeyFooter, KeyRow
from screens.widgets.time_bar import TimeBar
from tests.support.robust_support import wait_until


class BarApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TimeBar(id="bar")


def line(widget) -> str:
    return "".join(segment.text for segment in widget.render_line(0))


async def test_time_bar_draws_time_gone_heavy_and_time_left_thin():
    app = BarApp()
    async with app.run_test(size=(40, 3)) as pilot:
        bar = app.query_one(TimeBar)
        bar.show(15, 60)
        await pilot.pause()
        assert line(bar) == "━" * 10 + "─" * 30
        bar.show(15.5, 60)  # 10.33 cells: still 10 and no half
        await pilot.pause()
        assert line(bar) == "━" * 10 + "─" * 30
        bar.show(16, 60)  # 10.67 cells: a half cell
        await pilot.pause()
        assert line(bar) == "━" * 10 + "╸" + "─" * 29
        bar.show(90, 60)  # past the end (time added, then finished early)
        await pilot.pause()
        assert line(bar) == "━" * 40


async def test_time_bar_repaints_only_when_a_half_cell_changes():
    app = BarApp()
    async with app.run_test(size=(40, 3)) as pilot:
        bar = app.query_one(TimeBar)
        bar.show(15, 60)
        await pilot.pause()
        asked = []
        bar.refresh = lambda *a, **k: asked.append(1)  # type: ignore[method-assign]
        bar.show(15.2, 60)
        assert asked == []
        bar.show(16, 60)
        assert asked == [1]


class ChoiceApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield Choice("b", "Back of the calf", id="back")
        yield Choice("f", "Front of the calf", id="front")

    def on_choice_chosen(self, event: Choice.Chosen) -> None:
        self.chosen.append(event.choice.id or "")


async def test_a_choice_answers_to_a_click_and_enter_but_not_space():
    app = ChoiceApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.click("#front")
        app.query_one("#back", Choice).focus()
        await pilot.press("enter")
        await pilot.press("space")  # the hold's pause key: never an answer
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.chosen == ["front", "back", "front"]
        assert str(app.query_one("#back", Choice).render()).startswith("b  Back")


class LineApp(App[None]):
    CSS = "#auto { width: auto; }"

    def compose(self) -> ComposeResult:
        yield Static("HOLD the stretch: 0:45 left", id="line")
        yield Static("0:45", id="auto")


def spy_layouts(widget: Static) -> list[bool]:
    layouts: list[bool] = []
    original = widget.update

    def spy(content="", *, layout=True):
        layouts.append(layout)
        original(content, layout=layout)

    widget.update = spy  # type: ignore[method-assign]
    return layouts


async def test_show_text_lays_out_only_when_the_line_changes_shape():
    app = LineApp()
    async with app.run_test(size=(40, 5)) as pilot:
        widget = app.query_one("#line", Static)
        layouts = spy_layouts(widget)
        show_text(widget, "HOLD the stretch: 0:44 left")  # same width: repaint only
        show_text(widget, "HOLD the stretch: 0:44 left")  # no change: nothing
        show_text(widget, "PAUSED. Press space to carry on.")  # still one line: repaint
        show_text(widget, "x" * 60)  # would wrap to two lines: lay out
        await pilot.pause()
        show_text(widget, "TIME'S UP")  # back from two lines to one: lay out
        show_text(widget, "two\nlines")  # a second line: lay out
        await pilot.pause()
        assert layouts == [False, False, True, True, True]
        sized = app.query_one("#auto", Static)
        auto_layouts = spy_layouts(sized)
        show_text(sized, "10:00")  # its width follows its text: lay out
        assert auto_layouts == [True]


class FooterApp(App[None]):
    BINDINGS = [
        Binding("p", "pause", "Pause"),
        Binding("n", "next", "Next"),
    ]
    finished = False

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pause", "next"):
            return self.finished == (action == "next")
        return True


def footer_text(app: App) -> str:
    return app.query_one(KeyFooter).text


async def test_key_footer_redraws_once_and_only_when_its_keys_change():
    app = FooterApp()
    async with app.run_test(size=(60, 3)) as pilot:
        footer = app.query_one(KeyFooter)
        assert (footer.styles.dock, footer.styles.height.value) == ("bottom", 1)  # Footer's bar
        await wait_until(pilot, lambda: "Pause" in footer_text(app), "the first keys drawn")
        assert "Next" not in footer_text(app)
        row = footer.query_one(KeyRow)
        rebuilds = 0
        original = row.show

        def counted(keys, labels=None):
            nonlocal rebuilds
            rebuilds += 1
            original(keys, labels)

        row.show = counted  # type: ignore[method-assign]
        for _ in range(3):  # as a screen opening does: mount, focus, refresh
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert rebuilds == 0  # same keys: nothing to redraw
        app.finished = True
        for _ in range(3):
            app.screen.refresh_bindings()
        await wait_until(pilot, lambda: "Next" in footer_text(app), "the new keys drawn")
        await pilot.pause()
        await pilot.pause()
        assert rebuilds == 1
        assert "Pause" not in footer_text(app)
