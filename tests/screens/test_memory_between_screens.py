"""What a screen leaves behind once it is gone, and what a read at start leaves running
(peak RSS through a hold, bench figure 5)."""

from __future__ import annotations

import gc
import threading
import weakref

from screens.app.shell import make_app
from screens.follow_up import FollowUp
from screens.side_picker import SidePicker
from tests.support.app import coach_app
from tests.support.pilot import diary_read, past_safety_check, run_out, wait_for
from tests.support.stores import seeded


async def test_the_hold_is_removed_before_the_question_after_it_is_built(content, clock, tmp_path):
    """The countdown's screen is off the app before the follow-up is put up, and
    nothing of this app keeps it after (only Textual's own tasks, for a moment)."""
    app = make_app(content, data_dir=tmp_path, clock=clock, side="back")
    attached_at_push: list[bool] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await past_safety_check(pilot)
        hold = weakref.ref(app.screen)
        push = app.push_screen_wait

        async def watched(screen):
            if isinstance(screen, FollowUp):
                gone = hold()
                attached_at_push.append(gone is not None and gone.is_attached)
                del gone
            return await push(screen)

        app.push_screen_wait = watched
        await run_out(pilot, clock, 60)
        await pilot.press("enter")
        await wait_for(pilot, FollowUp)
        await pilot.pause()
        gc.collect()
        assert hold() is None
    assert attached_at_push == [False]


async def test_the_diary_is_read_on_a_thread_that_ends(tmp_path):
    data = seeded(tmp_path / "data")
    app = coach_app(data_dir=data, hour=12)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, SidePicker)
        await diary_read(pilot)
        assert app.past["back"].episodes == 4  # read, and handed to the app
        for thread in threading.enumerate():
            if thread.name == "diary-read":
                thread.join(5)
                assert not thread.is_alive()
