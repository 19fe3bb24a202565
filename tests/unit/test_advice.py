import pytest

from coach.core.advice import causes_for, rank_tips


def test_tips_for_chosen_causes_come_first(content):
    groups = rank_tips(content, ("cold",))
    assert groups.fits and all("cold" in t.causes for t in groups.fits)
    assert all(not t.causes for t in groups.everyone)
    assert all("cold" not in t.causes for t in groups.others)
    shown = groups.fits + groups.everyone + groups.others
    assert sorted(t.id for t in shown) == sorted(t.id for t in content.tips)


def test_better_evidence_first_within_a_group(content):
    groups = rank_tips(content, ("menopause",))
    ranks = [content.evidence[t.evidence].rank for t in groups.fits]
    assert ranks == sorted(ranks)
    assert groups.fits[0].id == "menopause-stretch"


def test_no_causes_puts_everything_in_everyone_or_others(content):
    groups = rank_tips(content, ())
    assert groups.fits == ()
    assert groups.everyone[0].id == "bedtime-stretch"


def test_unknown_cause_is_an_error(content):
    with pytest.raises(KeyError):
        rank_tips(content, ("moon",))


def test_causes_for_names_the_causes(content):
    tip = next(t for t in content.tips if t.id == "tired-bike")
    assert causes_for(content, tip) == "tired or overworked legs, long rest or a long lie-in"
    assert causes_for(content, content.tips[0]) == "everyone"
