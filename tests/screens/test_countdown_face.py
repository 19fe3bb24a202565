"""The countdown face: the words, the clock and the bar of a hold, as one widget that
repaints only what a person would see change (screens/widgets/countdown_face.py)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from screens.widgets.big_clock import FONT, SMALL_FONT, clock_rows
from screens.widgets.countdown_face import CountdownFace


class FaceApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CountdownFace("HOLD the stretch: 1:00 left", "1:00", id="face")


def lines(face: CountdownFace) -> list[str]:
    return ["".join(s.text for s in face.render_line(y)) for y in range(face.size.height)]


@pytest.mark.parametrize("font", [SMALL_FONT, FONT])
def test_every_glyph_of_a_font_has_one_width_and_height(font):
    """Digits of one width: the clock does not jump sideways as the seconds change."""
    digits = [glyph for ch, glyph in font.items() if ch != ":"]
    assert {len(glyph) for glyph in font.values()} == {len(digits[0])}
    assert {len(row) for glyph in digits for row in glyph} == {len(digits[0][0])}


def test_clock_rows_grow_with_the_window():
    assert len(clock_rows("1:00", "small")) == 3
    assert len(clock_rows("1:00", "large")) == 5
    huge = clock_rows("1:00", "huge")
    assert len(huge) == 10 and len(huge[0]) == 2 * len(clock_rows("1:00", "large")[0])


async def test_face_draws_words_then_centred_clock_then_bar():
    app = FaceApp()
    async with app.run_test(size=(40, 8)) as pilot:
        face = app.query_one(CountdownFace)
        face.show("HOLD the stretch: 0:30 left", "0:30", 30, 60)
        await pilot.pause()
        drawn = lines(face)
        assert len(drawn) == 5  # one line of words, 3 of clock, 1 of bar
        assert drawn[0].rstrip() == "HOLD the stretch: 0:30 left"
        rows = clock_rows("0:30")
        left = (40 - len(rows[0])) // 2
        assert drawn[1:4] == [" " * left + r + " " * (40 - left - len(r)) for r in rows]
        assert drawn[4] == "━" * 20 + "─" * 20


async def test_face_repaints_only_when_something_seen_changes():
    app = FaceApp()
    async with app.run_test(size=(40, 8)) as pilot:
        face = app.query_one(CountdownFace)
        face.show("HOLD the stretch: 0:30 left", "0:30", 30, 60)
        await pilot.pause()
        asked: list[bool] = []
        face.refresh = lambda *a, layout=False, **k: asked.append(layout)  # type: ignore[method-assign]
        face.show("HOLD the stretch: 0:30 left", "0:30", 30.1, 60)  # same second, same bar
        assert asked == []
        face.show("HOLD the stretch: 0:29 left", "0:29", 31, 60)
        assert asked == [False]  # a repaint, no new layout


async def test_words_that_no_longer_fit_wrap_and_lay_the_screen_out_again():
    app = FaceApp()
    async with app.run_test(size=(20, 10)) as pilot:
        face = app.query_one(CountdownFace)
        face.show("HOLD: 0:30", "0:30", 30, 60)
        await pilot.pause()
        assert face.size.height == 5
        face.show("PAUSED. Press space to carry on.", "0:30", 30, 60)
        await pilot.pause()
        assert face.size.height == 6
        drawn = lines(face)
        assert "".join(drawn[:2]).split() == ["PAUSED.", "Press", "space", "to", "carry", "on."]


async def test_mode_changes_the_colours_of_words_and_clock():
    app = FaceApp()
    async with app.run_test(size=(40, 8)) as pilot:
        face = app.query_one(CountdownFace)
        await pilot.pause()
        holding = next(iter(face.render_line(1))).style
        face.set_mode("-paused")
        await pilot.pause()
        assert face.classes == {"-paused"}
        paused = next(iter(face.render_line(1))).style
        assert paused.color != holding.color


async def test_large_clock_has_a_blank_line_either_side():
    app = FaceApp()
    async with app.run_test(size=(120, 40)) as pilot:
        face = app.query_one(CountdownFace)
        face.resize_clock("large")
        await pilot.pause()
        drawn = lines(face)
        assert len(drawn) == 1 + 1 + 5 + 1 + 1
        assert drawn[1].strip() == "" and drawn[7].strip() == ""
        assert "█" in drawn[2]


async def test_words_take_the_new_theme_while_they_stay_the_same():
    """Paused, the words do not change for a while: a theme chosen then still shows."""
    app = FaceApp()
    async with app.run_test(size=(40, 8)) as pilot:
        face = app.query_one(CountdownFace)
        face.set_mode("-paused")
        face.show("PAUSED. Press space to carry on.", "0:30", 30, 60)
        await pilot.pause()
        dark = next(iter(face.render_line(0))).style
        app.theme = "textual-light"
        await pilot.pause()
        light = next(iter(face.render_line(0))).style
        assert light.bgcolor != dark.bgcolor


async def test_wrapped_words_keep_their_colour_and_weight():
    app = FaceApp()
    async with app.run_test(size=(20, 10)) as pilot:
        face = app.query_one(CountdownFace)
        face.show("PAUSED. Press space to carry on.", "0:30", 30, 60)
        await pilot.pause()
        for y in (0, 1):
            words = [s for s in face.render_line(y) if s.text.strip()]
            assert words and all(s.style and s.style.bold and s.style.color for s in words)
