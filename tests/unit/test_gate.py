"""The one "do not stretch" gate before the first hold (issue #26 item 1): a clot, a
tear, a cold pale foot. "Yes" never stretches and leads to the matching red flag with
its number; a person who cannot say which sees every case's line, the clot's first."""

from __future__ import annotations

import pytest

from coach.core.steps import GATE_SIGNS, GetHelp, Hold, WhichSign
from coach.text import wording
from tests.support.flows import make

UK = "uk"


def texts(step: GetHelp, content) -> str:
    return "\n".join(line.text for line in wording.get_help(step, content, content.regions[UK]))


@pytest.mark.parametrize("sign", GATE_SIGNS)
def test_each_case_at_the_gate_shows_its_own_flag_and_never_a_hold(content, sign):
    flow = make(content)
    step = flow.answer(flow.current, "yes").step
    assert step == WhichSign("back")
    assert flow.episode.outcome == "red_flag" and flow.episode.help_reason == "clot"
    advance = flow.answer(step, sign)
    assert advance.step == GetHelp(sign, 10)
    assert advance.saves.episode is flow.episode
    assert flow.answer(advance.step, None).step is None
    assert (flow.episode.outcome, flow.episode.help_reason) == ("red_flag", sign)
    assert flow.episode.holds == 0


@pytest.mark.parametrize("answer", ["unsure", "leave"])
def test_not_sure_which_shows_the_clot_help_and_the_other_two_lines(content, answer):
    flow = make(content)
    flow.answer(flow.current, "yes")
    step = flow.answer(flow.current, answer).step
    assert step == GetHelp("clot", 10, ("tear", "cold-foot"))
    assert flow.episode.help_reason == "clot" and flow.episode.holds == 0


def test_closing_at_which_one_shows_every_case_and_keeps_the_red_flag(content):
    flow = make(content)
    flow.answer(flow.current, "yes")
    left = flow.leave()
    assert left.final == GetHelp("clot", 10, ("tear", "cold-foot"))
    assert left.saves.episode is flow.episode
    assert (flow.episode.outcome, flow.episode.holds) == ("red_flag", 0)


def test_no_at_the_gate_is_the_only_way_to_a_hold(content):
    flow = make(content)
    assert isinstance(flow.answer(flow.current, "no").step, Hold)


def test_a_tear_says_do_not_stretch_with_the_urgent_number_and_the_emergency_line(content):
    text = texts(GetHelp("tear", 10), content)
    first = text.splitlines()[0]
    assert first.startswith("Stop. Do not stretch it.") and "NHS 111" in first
    assert "kicked" in text and "short of breath" in text and "999" in text


def test_a_cold_pale_foot_says_call_the_emergency_number_first(content):
    first, *rest = texts(GetHelp("cold-foot", 10), content).splitlines()
    assert first.startswith("Call 999 now.") and "Do not stretch" in first
    assert any("cold, pale or numb" in line for line in rest)


def test_not_sure_lists_each_case_with_what_to_do_and_its_number(content):
    lines = wording.get_help(
        GetHelp("clot", 10, ("tear", "cold-foot")), content, content.regions[UK]
    )
    assert lines[0].kind == "title" and lines[0].text.startswith("Do not stretch or rub that leg.")
    actions = [line.text for line in lines[1:3]]
    assert all(line.kind == "action" for line in lines[1:3])
    assert "during sport" in actions[0] and "NHS 111" in actions[0]
    assert "cold, pale or numb foot" in actions[1] and "Call 999 now." in actions[1]


def test_the_gate_names_all_three_cases_answerable_in_the_dark():
    cases = " ".join(wording.GATE_CASES).lower()
    assert "not just the hard knot" in cases and "turn on a light and compare" in cases
    assert "kick or pop" in cases and "sharp pain" in cases
    assert "cold, pale or numb" in cases
    assert list(wording.SIGN_NAMES)[:3] == list(GATE_SIGNS)


def test_the_gates_flags_are_in_both_languages(content):
    from coach.content.load import load
    from tests.conftest import ROOT

    zh = load(ROOT / "content" / "zh")
    for sign in GATE_SIGNS:
        for c in (content, zh):
            assert c.red_flag(sign).action in ("urgent", "emergency")
