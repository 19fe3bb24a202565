"""What a clinician would check in the content (issue #13), in both languages.

Safe at night, action first with the right number for every region, honest evidence
with sources that resolve, and the same facts and triage in English and Chinese.
"""

from __future__ import annotations

import re

import pytest

from coach.content.load import NUMBER_PLACEHOLDERS, Content, load
from tests.conftest import ROOT

LANGS = ("en", "zh")
NEW_REGIONS = {"ca", "au", "nz", "ie", "in", "jp", "hk", "tw", "sg", "za"}
NEW_REGIONS |= {"de", "fr", "se", "no", "ch"}
SENTENCE_END = re.compile(r"[.!?。！？]")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def both() -> dict[str, Content]:
    return {"en": load(ROOT / "content"), "zh": load(ROOT / "content" / "zh")}


def texts(c: Content) -> list[str]:
    """Every text a person reads (not source names or addresses)."""
    out = [*c.not_sure, c.relief_check, c.routine.title, c.routine.intro, c.routine.breathe]
    for g in c.guides.values():
        out += [g.label, g.short, g.feels, *(s.text for steps in g.steps.values() for s in steps)]
    out += [p.label for p in c.positions] + [r.text for r in c.other_relief]
    out += [x for cause in c.causes for x in (cause.name, cause.question, cause.explanation)]
    out += [t.text for t in c.tips]
    out += [x for f in c.red_flags for x in (f.title, f.do, f.text)]
    out += [x for r in c.regions.values() for x in (r.name, r.emergency, r.urgent)]
    out += [x for e in c.evidence.values() for x in (e.label, e.meaning)]
    for v in c.routine.versions:
        out += [v.label, *(x for s in v.stretches for x in (s.name, s.text))]
    return out


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def steps(c: Content) -> list[str]:
    found = [s.text for g in c.guides.values() for st in g.steps.values() for s in st]
    return found + [s.text for v in c.routine.versions for s in v.stretches]


# Action first, with the number ------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_urgent_and_emergency_flag_leads_with_the_regions_number(both, lang):
    c = both[lang]
    assert NEW_REGIONS | {"default", "uk", "us", "eu", "cn"} <= set(c.regions)
    for flag in c.red_flags:
        if flag.action == "doctor":
            continue
        assert any(p in flag.do for p in NUMBER_PLACEHOLDERS), flag.id
        for region in c.regions.values():
            lead = c.red_flag_lead(flag, region)
            assert "{" not in lead and "}" not in lead
            wanted = region.emergency if flag.action == "emergency" else region.urgent
            assert wanted in lead, (flag.id, region.id)


@pytest.mark.parametrize("lang", LANGS)
def test_emergency_flags_open_with_the_call(both, lang):
    c = both[lang]
    opener = "Call {emergency} now." if lang == "en" else "立即拨打 {emergency}。"
    for flag in c.red_flags:
        if flag.action == "emergency":
            assert flag.do.startswith(opener), flag.id
    assert c.red_flag_lead(c.red_flag("chest"), c.regions["uk"]).startswith(
        "Call 999 now." if lang == "en" else "立即拨打 999。"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_clot_flag_alone_is_complete(both, lang):
    c = both[lang]
    clot = c.red_flag("clot")
    assert clot.action == "urgent" and "{urgent}" in clot.do and "{emergency}" in clot.do
    words = {
        "en": ["swelling", "surgery", "bed rest", "journey", "cancer", "previous clot"],
        "zh": ["肿胀", "手术", "卧床", "长途旅行", "癌症", "以前有过血栓"],
    }[lang]
    words += ["HRT", "6"]
    for word in words:
        assert word in clot.text, word
    lead = c.red_flag_lead(clot, c.regions["au"])
    assert "1800 022 222" in lead and "000" in lead


@pytest.mark.parametrize("lang", LANGS)
def test_every_region_and_number_has_a_source_that_resolves(both, lang):
    c = both[lang]
    known = {s.id: s for s in c.sources}
    for region in c.regions.values():
        assert region.name.strip()
        assert region.emergency_source in known and region.urgent_source in known, region.id
        if region.id != "default":
            assert re.search(r"\d", region.emergency), region.id
            assert re.fullmatch(r"[a-z]{2}", region.id) or region.id in {"default"}
    us = c.regions["us"].urgent
    assert ("urgent care" in us and "emergency room" in us) or ("急症诊所" in us and "急诊室" in us)


def test_locale_picks_the_new_regions(both):
    from coach.core.choices import region_from_locale

    countries = {code: r.id for r in both["en"].regions.values() for code in r.countries}
    cases = {
        "en_AU.UTF-8": "au",
        "en_GB.UTF-8": "uk",
        "en_CA.UTF-8": "ca",
        "en_NZ": "nz",
        "en_IE.UTF-8": "ie",
        "en_IN": "in",
        "ja_JP.UTF-8": "jp",
        "zh_HK.UTF-8": "hk",
        "zh_TW.UTF-8": "tw",
        "en_SG": "sg",
        "en_ZA.UTF-8": "za",
        "de_DE.UTF-8": "de",
        "de_CH.UTF-8": "ch",
        "fr_FR.UTF-8": "fr",
        "sv_SE.UTF-8": "se",
        "nb_NO.UTF-8": "no",
        "it_IT.UTF-8": "eu",
        "zh_CN.UTF-8": "cn",
        "en_US.UTF-8": "us",
        "pt_BR.UTF-8": "default",
    }
    for lang, region in cases.items():
        assert region_from_locale({"LANG": lang}, countries) == region, lang


# Safe at night --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_sitting_and_standing_start_with_the_safe_set_up(both, lang):
    c = both[lang]
    assert {p.id: p.night_safe for p in c.positions} == {
        "bed": True,
        "sitting": True,
        "standing": False,
    }
    light, edge, steady, hold = {
        "en": ("light", "edge of the bed", "steady", "hold on"),
        "zh": ("开灯", "床边", "站得稳", "扶住"),
    }[lang]
    for guide in c.guides.values():
        sit = guide.steps["sitting"][0].text
        stand = guide.steps["standing"][0].text
        assert light in sit.lower() and edge in sit.lower(), sit
        assert light in stand.lower() and steady in stand.lower() and hold in stand.lower()
    hamstring = next(s for s in c.routine.versions[0].stretches if s.id == "hamstring")
    assert hold in hamstring.text.lower()


ONE_LEG = re.compile(
    r"(stand|balance) on (one|your good|the good|the other) (leg|foot)|on one leg|单脚|单腿|"
    r"用没抽筋的那条腿站"
)


@pytest.mark.parametrize("lang", LANGS)
def test_no_one_leg_stance_and_no_forced_pointing(both, lang):
    for text in texts(both[lang]):
        assert not ONE_LEG.search(text.lower()), text
        assert "pedal to the floor" not in text and "踏板" not in text, text


@pytest.mark.parametrize("lang", LANGS)
def test_caveats_come_with_the_advice(both, lang):
    c = both[lang]
    relief = {r.id: r.text for r in c.other_relief}
    tips = {t.id: t.text for t in c.tips}
    flags = {f.id: f.text for f in c.red_flags}
    words = {
        "en": [
            (c.relief_check, "swollen"),
            (relief["warmth"], "numb"),
            (relief["warmth"], "wet floor"),
            (tips["fluids"], "fluid limit"),
            (tips["fluids"], "dialysis"),
            (flags["pregnancy"], "both ankles"),
            (flags["pregnancy"], "One swollen"),
            (flags["new-medicine"], "naproxen"),
            (flags["statin-urine"], "exercise"),
            (flags["statin-urine"], "statin"),
        ],
        "zh": [
            (c.relief_check, "肿"),
            (relief["warmth"], "发麻"),
            (relief["warmth"], "湿滑"),
            (tips["fluids"], "饮水上限"),
            (tips["fluids"], "透析"),
            (flags["pregnancy"], "两只脚踝"),
            (flags["pregnancy"], "只有一条腿"),
            (flags["new-medicine"], "萘普生"),
            (flags["statin-urine"], "运动"),
            (flags["statin-urine"], "他汀"),
        ],
    }[lang]
    for text, word in words:
        assert word in text, word
    assert {"cold-foot", "tear", "knee-lump", "child-legs", "tetanus"} <= set(flags)
    assert c.red_flag("tetanus").action == "emergency"
    assert c.red_flag("cold-foot").action == "emergency"


# Words for a person in pain ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_short_sentences_in_steps_and_red_flags(both, lang):
    c = both[lang]
    flags = [x for f in c.red_flags for x in (f.do, f.text)]
    for text in steps(c) + list(c.not_sure):
        for sentence in sentences(text):
            if lang == "en":
                assert len(sentence.split()) <= 25, sentence
            else:
                assert len(sentence) <= 60, sentence
    for text in flags:
        for sentence in sentences(text):
            if lang == "en":
                assert len(sentence.split()) <= 45, sentence
    assert len(c.not_sure) == 3


@pytest.mark.parametrize("lang", LANGS)
def test_the_routines_length_is_stated_once_and_true(both, lang):
    from coach.core.routine import plan, total_seconds

    c = both[lang]
    for version in c.routine.versions:
        assert c.routine.seconds(version) == total_seconds(plan(c.routine, version))
    minutes = str(round(c.routine.seconds() / 60))
    assert minutes in c.routine.intro
    tip = next(t for t in c.tips if t.id == "bedtime-stretch")
    assert minutes in tip.text
    every = " ".join(texts(c))
    for wrong in ("three minutes", "two minutes", "三分钟", "两分钟"):
        assert wrong not in every


@pytest.mark.parametrize("lang", LANGS)
def test_no_internal_words(both, lang):
    for text in texts(both[lang]) + [s.name for s in both[lang].sources]:
        for word in ("article", "seed", "原文", "原始文章"):
            assert word not in text.lower(), text


def test_chinese_uses_full_width_punctuation_and_clean_cause_names(both):
    c = both["zh"]
    for text in texts(c):
        if CJK.search(text):
            assert not re.search(r"[,;:?()]", text), text
    for cause in c.causes:
        assert "、" not in cause.name
    assert all(CJK.search(r.name) for r in c.regions.values())
    assert "\uff1b" in c.red_flag("new-medicine").source
    from coach.content.load import load_ui

    for value in load_ui(ROOT / "content" / "zh").values():
        if CJK.search(value):
            assert not re.search(r"[,;:?()]", re.sub(r"\{\w+\}", "", value)), value


# Honest evidence ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_evidence_and_source_id_resolves(both, lang):
    c = both[lang]
    known = {s.id for s in c.sources}
    items = [*c.guides.values(), *c.other_relief, *c.causes, *c.tips, *c.red_flags, c.routine]
    for item in items:
        assert item.source_ids and set(item.source_ids) <= known, item
        assert item.source.strip()
    for item in [*c.guides.values(), *c.other_relief, *c.causes, *c.tips, c.routine]:
        assert item.evidence in c.evidence
    for source in c.sources:
        assert source.url.startswith("https://") and source.short.strip()


@pytest.mark.parametrize("lang", LANGS)
def test_evidence_levels_match_the_sources(both, lang):
    c = both[lang]
    top = c.evidence["supported"].label.lower()
    assert "some evidence" in top or "有一些证据" in top
    for word in ("backed by research", "best-tested", "有研究支持", "验证得最充分"):
        assert all(word not in t.lower() for t in texts(c)), word
    hallegraeff = next(s for s in c.sources if s.id == "hallegraeff-2012")
    assert "22341378" in hallegraeff.url and "80" in hallegraeff.name
    assert "hallegraeff-2012" in c.routine.source_ids
    assert c.cause("tired").evidence == "expert"
    tips = {t.id: t for t in c.tips}
    assert tips["magnesium"].evidence == "not-supported"
    assert tips["magnesium-pregnancy"].evidence == "mixed"
    assert c.guides["front"].evidence == "expert"
    assert "hallegraeff-2012" not in c.guides["front"].source_ids


def test_both_languages_have_the_same_ids_numbers_and_levels(both):
    en, zh = both["en"], both["zh"]

    def ids(c: Content) -> dict[str, object]:
        return {
            "flags": [(f.id, f.action, f.source_ids) for f in c.red_flags],
            "causes": [(x.id, x.evidence, x.source_ids) for x in c.causes],
            "tips": [(t.id, t.evidence, t.causes, t.source_ids) for t in c.tips],
            "regions": [(r.id, r.countries, r.emergency_source) for r in c.regions.values()],
            "guides": {g.side: (g.evidence, g.source_ids) for g in c.guides.values()},
            "steps": {g.side: {p: len(s) for p, s in g.steps.items()} for g in c.guides.values()},
            "positions": [(p.id, p.night_safe) for p in c.positions],
            "sources": [(s.id, s.url) for s in c.sources],
            "relief": [(r.id, r.evidence) for r in c.other_relief],
        }

    assert ids(en) == ids(zh)
    for rid, region in en.regions.items():
        other = zh.regions[rid]
        for a, b in ((region.emergency, other.emergency), (region.urgent, other.urgent)):
            assert re.findall(r"\d[\d ]*\d|\d", a) == re.findall(r"\d[\d ]*\d|\d", b), rid
