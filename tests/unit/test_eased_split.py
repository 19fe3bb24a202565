"""Issue #26 item 4: "has it eased?" splits "somewhat" in two. "The knot has gone but
it is sore" has eased (after-care, then causes and tips, saved "sore"); "still there
but weaker" has not ("somewhat": hold again or stop). Five of those reach the time
limit, which says "still not gone" from when it began, never "has not eased"."""

from __future__ import annotations

from coach.core.steps import AfterCare, CauseQuestions, GetHelp, NextAnswer, TipsStep, WhatNext
from coach.text import wording
from tests.conftest import FakeClock
from tests.support.flows import make, through_hold


def test_knot_gone_but_sore_has_eased_after_care_causes_and_tips(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "sore", seconds=90.0)
    assert step == AfterCare("sore")
    assert (flow.episode.outcome, flow.episode.eased_minutes) == ("sore", 1.5)
    step = flow.answer(step, "skip").step
    assert isinstance(step, CauseQuestions)
    assert flow.answer(step, ()).step == TipsStep(())
    lines = wording.after_care(AfterCare("sore"), content.regions["uk"])
    assert lines[0].text == "Good. The knot has gone."
    assert any("sore for up to a day" in line.text for line in lines)


def test_still_there_but_weaker_has_not_eased(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    step = through_hold(flow, clock, "somewhat")
    assert isinstance(step, WhatNext) and step.outcome == "somewhat"
    assert flow.episode.eased_minutes is None
    assert flow.answer(step, NextAnswer("stop")).step == AfterCare("somewhat")


def test_weaker_five_times_reaches_the_limit_as_still_not_gone_never_has_not_eased(content):
    clock = FakeClock()
    flow = make(content, clock)
    flow.answer(flow.current, "no")
    region = content.regions["uk"]
    said: list[str] = []
    for _ in range(5):
        step = through_hold(flow, clock, "somewhat", seconds=60.0)
        clock.advance(90.0)  # reading and answering
        if isinstance(step, GetHelp):
            break
        said += [line.text for line in wording.what_next(step)]
        flow.answer(step, NextAnswer("hold"))
    assert step == GetHelp("long-cramp", 10)
    assert flow.episode.outcome == "red_flag"
    said += [line.text for line in wording.get_help(step, content, region)]
    text = "\n".join(said)
    assert "has not eased" not in text and "not eased" not in text
    assert "still not gone about 10 minutes after it began" in text
    assert "Source: nidirect" in text  # "still not gone after about 10 minutes": nidirect
    assert "short of breath" in text and "999" in text  # the emergency line stays


def test_seven_seconds_in_reads_under_a_minute_not_about_one(content):
    """Issue #27 item 14: "About 1 min so far" after 7 s."""
    early = wording.what_next(WhatNext("still", 1, 7 / 60, 10, True, True))[1].text
    assert early.startswith("Under a minute so far, holds: 1.")
    later = wording.what_next(WhatNext("still", 2, 1.6, 10, True, True))[1].text
    assert later.startswith("About 2 min so far, holds: 2.")
