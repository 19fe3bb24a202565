"""#26 item 2 (part): every get-help screen says whose numbers they are and keeps the
emergency line; the "do not stretch" gate's tear and cold foot are shown as the clot is:
the flag's lead (the action and the number first), its signs, its source."""

from __future__ import annotations

import pytest

from coach.core.record import HelpReason
from coach.core.steps import GetHelp
from coach.text.wording import get_help, plain_text
from tests.support.app import load_content

REASONS: list[HelpReason] = ["clot", "tear", "cold-foot", "long-cramp", "not-eased"]
GATE: list[HelpReason] = ["clot", "tear", "cold-foot"]
WHOSE = {"en": "Numbers for: {country}.", "zh": "号码适用于：{country}。"}
BREATHLESS = {"en": "short of breath", "zh": "喘不上气"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("face", ["app", "text"])
@pytest.mark.parametrize("reason", REASONS)
def test_every_get_help_says_whose_numbers_and_keeps_the_emergency_line(lang, face, reason):
    content = load_content(lang)
    for region in (content.regions["uk"], content.regions["us"]):
        lines = get_help(GetHelp(reason, 10), content, region, face)
        texts = [line.text for line in lines]
        whose = WHOSE[lang].format(country=region.name)
        assert sum(text.startswith(whose) for text in texts) == 1, texts
        assert any(BREATHLESS[lang] in t and region.emergency in t for t in texts), texts


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("reason", GATE)
def test_the_gates_reasons_show_their_own_flag_number_first(lang, reason):
    content = load_content(lang)
    region = content.regions["uk"]
    flag = content.red_flag(reason)
    lines = get_help(GetHelp(reason, 10), content, region)
    assert lines[0] == (content.red_flag_lead(flag, region), "title")
    assert lines[1].text == flag.text
    assert lines[2].kind == "source" and flag.source in lines[2].text
    assert not any("Before you go" in line.text for line in lines)


def test_the_lead_carries_the_action_and_the_number():
    content = load_content("en")
    region = content.regions["uk"]

    def lead(reason: HelpReason) -> str:
        return get_help(GetHelp(reason, 10), content, region)[0].text

    assert lead("cold-foot").startswith("Call 999 now.")
    assert lead("tear").startswith("Stop. Do not stretch it. Get help today: call NHS 111.")
    assert lead("clot").startswith("Do not stretch or rub that leg. Get help today: call NHS 111.")


def test_the_printed_tear_advice_is_the_tears_not_the_net():
    """What the terminal keeps after the app ends at a tear: the tear's own advice."""
    content = load_content("en")
    text = plain_text(get_help(GetHelp("tear", 10), content, content.regions["uk"], "text"))
    assert text.startswith("Stop. Do not stretch it.")
    assert "torn muscle or tendon" in text
    assert "Numbers for: United Kingdom. To change: --region ID" in text
