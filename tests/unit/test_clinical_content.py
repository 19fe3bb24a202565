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
    assert "1800 633 422" in lead and "000" in lead
    dark = {"en": ("light", "bigger or puffier"), "zh": ("开灯", "更粗")}[lang]
    assert all(word in clot.text for word in dark)  # answerable in the dark


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


@pytest.mark.parametrize("lang", LANGS)
def test_the_numbers_the_review_corrected(both, lang):
    """Review 2026-12-04 #6 and #29: 1800MEDICARE, one national line, since 1 Jan 2026;
    Manitoba's nurse line where 811 is not it; 112 first in South Africa; an official
    page for Switzerland's on-call doctors; no "today" twice after "Get help today"."""
    c = both[lang]
    au = c.regions["au"]
    assert "1800 633 422" in au.urgent and "1800MEDICARE" in au.urgent
    assert "1800 022 222" not in au.urgent and "13 HEALTH" not in au.urgent
    assert c.source(au.urgent_source).url.startswith("https://www.medicare.gov.au/")
    assert "1-888-315-9257" in c.regions["ca"].urgent
    assert c.regions["za"].emergency.startswith("112")
    assert "packimpex" not in c.source(c.regions["ch"].urgent_source).url
    today = {"en": "today", "zh": "今天"}[lang]
    for region in c.regions.values():
        assert today not in region.urgent, region.id
    default = c.regions["default"].urgent
    assert "急诊服务" not in default  # urgent care is not the emergency department


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
    assert "low step" not in hamstring.text and "台阶" not in hamstring.text
    seated = next(v.label for v in c.routine.versions if v.id == "seated")
    assert seated in c.routine.intro  # "unsteady, or on blood-pressure tablets? choose Seated"


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
            (relief["warmth"], "towel"),
            (relief["warmth"], "Do not get into a shower"),
            (tips["fluids"], "fluid limit"),
            (tips["fluids"], "dialysis"),
            (flags["pregnancy"], "both ankles"),
            (flags["pregnancy"], "One swollen"),
            (flags["pregnancy"], "Sudden swelling"),
            (flags["new-medicine"], "naproxen"),
            (flags["statin-urine"], "exercise"),
            (flags["statin-urine"], "statin"),
        ],
        "zh": [
            (c.relief_check, "肿"),
            (relief["warmth"], "发麻"),
            (relief["warmth"], "热毛巾"),
            (relief["warmth"], "不要去淋浴"),
            (tips["fluids"], "饮水上限"),
            (tips["fluids"], "透析"),
            (flags["pregnancy"], "两只脚踝"),
            (flags["pregnancy"], "只有一条腿"),
            (flags["pregnancy"], "突然肿"),
            (flags["new-medicine"], "萘普生"),
            (flags["statin-urine"], "运动"),
            (flags["statin-urine"], "他汀"),
        ],
    }[lang]
    for text, word in words:
        assert word in text, word
    assert "warm shower" not in relief["warmth"] and "温水冲" not in relief["warmth"]
    assert {"cold-foot", "tear", "knee-lump", "child-legs", "tetanus"} <= set(flags)
    assert c.red_flag("tetanus").action == "emergency"
    assert c.red_flag("cold-foot").action == "emergency"


@pytest.mark.parametrize("lang", LANGS)
def test_the_flags_the_review_found_missing_are_there_with_their_triage(both, lang):
    """Pre-eclampsia (its own source's warning), compartment syndrome and tetany
    (review 2026-12-04, #5 and #27): each with the action its source gives."""
    c = both[lang]
    signs = {
        "en": {
            "pre-eclampsia": ["face, hands or feet", "headache", "vision", "below the ribs"],
            "compartment": ["tight", "swollen", "worse", "compartment syndrome"],
            "tingling": ["tingling", "lips", "fingers", "calcium"],
        },
        "zh": {
            "pre-eclampsia": ["脸、手或脚突然肿", "头痛", "看东西模糊", "肋骨下方"],
            "compartment": ["紧", "肿", "更厉害", "骨筋膜室综合征"],
            "tingling": ["发麻", "嘴唇", "手指", "钙"],
        },
    }[lang]
    actions = {"pre-eclampsia": "urgent", "compartment": "emergency", "tingling": "urgent"}
    for flag_id, words in signs.items():
        flag = c.red_flag(flag_id)
        assert flag.action == actions[flag_id], flag_id
        for word in words:
            assert word in flag.text, (flag_id, word)
    now = {"en": "Get help now", "zh": "现在就求助"}[lang]
    assert c.red_flag("pre-eclampsia").do.startswith(now)
    assert "nhs-pregnancy-swelling" in c.red_flag("pre-eclampsia").source_ids
    for flag_id in ("cold-foot", "compartment", "tear", "clot"):
        do = c.red_flag(flag_id).do
        assert "Do not stretch" in do or "不要拉伸" in do, flag_id


@pytest.mark.parametrize("lang", LANGS)
def test_every_hold_stops_if_the_stretch_makes_it_much_worse(both, lang):
    """A tear or compartment syndrome hurts more when stretched (review #27)."""
    rule = {"en": "much worse, stop", "zh": "明显加重，就停下"}[lang]
    for guide in both[lang].guides.values():
        for position, steps in guide.steps.items():
            assert any(rule in s.text for s in steps), (guide.side, position)


@pytest.mark.parametrize("lang", LANGS)
def test_the_short_line_over_every_position_names_no_one_positions_movement(both, lang):
    """The header stays up while the position changes (review #16): it says the aim."""
    movements = {
        "en": ("pull", "press", "hand", "lie", "sit", "stand", "step"),
        "zh": ("勾", "压", "手", "躺", "坐", "站", "退"),
    }[lang]
    for guide in both[lang].guides.values():
        assert not any(word in guide.short.lower() for word in movements), guide.short


@pytest.mark.parametrize("lang", LANGS)
def test_wording_a_clinician_signs(both, lang):
    """No forward reach from the edge of a bed, no jerks, no "relaxed" cramping leg,
    a gentle rub as the source says, and room to lie propped up (review #12, #17, #34)."""
    c = both[lang]
    every = " ".join(texts(c))
    banned = {
        "en": ("not violent", "straight and relaxed", "Reach for your toes", "firmly"),
        "zh": ("伸直、放松", "用手去够脚趾", "用力揉搓"),
    }[lang]
    for phrase in banned:
        assert phrase not in every, phrase
    back, front = c.guides["back"], c.guides["front"]
    sit, bed = back.steps["sitting"], back.steps["bed"]
    wanted = {
        "en": [
            (" ".join(s.text for s in sit), "do not lean forward"),
            (" ".join(s.text for s in bed), "never jerky"),
            (" ".join(s.text for s in bed), "propped up"),
            (" ".join(s.text for s in bed), "someone with you"),
            (front.steps["bed"][0].text, "resting on the bed"),
            (next(r.text for r in c.other_relief if r.id == "massage"), "gently"),
        ],
        "zh": [
            (" ".join(s.text for s in sit), "不要前倾"),
            (" ".join(s.text for s in bed), "不要猛拉"),
            (" ".join(s.text for s in bed), "半坐"),
            (" ".join(s.text for s in bed), "旁人"),
            (front.steps["bed"][0].text, "平放在床上"),
            (next(r.text for r in c.other_relief if r.id == "massage"), "轻轻"),
        ],
    }[lang]
    for text, word in wanted:
        assert word in text, word
    assert "mayo-letter" in next(r for r in c.other_relief if r.id == "massage").source_ids


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
    assert len(c.not_sure) == 4
    other = {"en": ("foot", "thigh"), "zh": ("脚底", "大腿")}[lang]
    assert all(word in c.not_sure[-1] for word in other)  # cramps elsewhere (review #27)


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


@pytest.mark.parametrize("lang", LANGS)
def test_cause_names_read_as_one_cause_in_a_list(both, lang):
    """Cause names are joined with commas (and 、) in the tips list (review #31)."""
    for cause in both[lang].causes:
        assert not any(mark in cause.name for mark in ",，、"), cause.name


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
    coppin = c.source("coppin-2005")
    assert "PMC1463088" in coppin.url and "191" in coppin.name
    assert c.cause("tired").evidence == "expert"
    tips = {t.id: t for t in c.tips}
    assert tips["magnesium"].evidence == "not-supported"
    assert tips["magnesium-pregnancy"].evidence == "mixed"
    assert c.guides["front"].evidence == "expert"
    assert "hallegraeff-2012" not in c.guides["front"].source_ids
    assert "aaos-cramps" not in c.guides["front"].source_ids  # AAOS does not cover the shin


@pytest.mark.parametrize("lang", LANGS)
def test_bedtime_stretching_is_mixed_evidence_naming_both_trials(both, lang):
    """One trial (80 adults) found fewer cramps, a larger one (191) found no change:
    "Mixed evidence" wherever stretching is advised (review #1)."""
    c = both[lang]
    tips = {t.id: t for t in c.tips}
    larger = {"en": "larger", "zh": "规模更大"}[lang]
    for item in (tips["bedtime-stretch"], tips["menopause-stretch"], c.routine):
        assert item.evidence == "mixed", item
        assert {"hallegraeff-2012", "coppin-2005"} <= set(item.source_ids), item
    for tip in (tips["bedtime-stretch"], tips["menopause-stretch"]):
        assert larger in tip.text, tip.id
    assert not [x for x in (*c.tips, *c.causes, c.routine) if x.evidence == "supported"]


def test_every_label_is_carried_by_a_source_of_its_kind_in_both_languages(both):
    """The loader refuses a label no cited source can carry (a tip marked "Some
    evidence" citing only a health service's advice); the shipped content passes,
    and both languages give each source the same kind and each level the same kinds."""
    from coach.content.yamlfile import read_yaml

    def kinds(folder):
        sources = {s["id"]: s["kind"] for s in read_yaml(folder / "sources.yaml")["sources"]}
        levels = {
            lv["id"]: list(lv["backed_by"]) for lv in read_yaml(folder / "evidence.yaml")["levels"]
        }
        return sources, levels

    en, zh = kinds(ROOT / "content"), kinds(ROOT / "content" / "zh")
    assert en == zh
    sources, levels = en
    c = both["en"]
    for item in [*c.guides.values(), *c.other_relief, *c.causes, *c.tips, c.routine]:
        assert any(sources[i] in levels[item.evidence] for i in item.source_ids), item
    assert levels["supported"] == ["trial", "review"] and levels["expert"] == ["guidance"]
    assert sources["hallegraeff-2012"] == "trial" and sources["mayo-cramps"] == "guidance"


@pytest.mark.parametrize("lang", LANGS)
def test_sources_say_what_they_are_cited_for(both, lang):
    """Review #12-#14: shoes, covers and the bike come from the Mayo Health Letter;
    the summer rise is in prescriptions and searches, not counted cramps; a survey
    of sleep length gives no advice; the rest cause carries the clot line."""
    c = both[lang]
    tips = {t.id: t for t in c.tips}
    for tip_id in ("tired-shoes", "posture-covers", "tired-bike", "rest-move"):
        assert "mayo-letter" in tips[tip_id].source_ids, tip_id
    assert not {"posture-back", "posture-front"} & set(tips)  # no source says them
    assert c.source("aafp-2012").url.endswith("/2012/0815/p350.html")
    cold, rest = c.cause("cold"), c.cause("rest")
    words = {
        "en": (("prescriptions", "searches"), ("clot", "today"), "2 hours", "leg warmers"),
        "zh": (("处方", "搜索"), ("血栓", "今天"), "2 小时", "护腿"),
    }[lang]
    assert all(w in cold.explanation.lower() for w in words[0])
    assert "twice as common" not in cold.explanation
    assert all(w in rest.explanation for w in words[1]) and "nhs-dvt" in rest.source_ids
    assert tips["rest-sleep"].evidence == "weak"
    assert words[2] in tips["fluids"].text and "rarely thirsty" not in tips["fluids"].text
    assert words[3] in tips["cold-warm"].text
    long_cramp = c.red_flag("long-cramp")
    assert "nidirect-cramps" in long_cramp.source_ids
    began = {"en": "from when it began", "zh": "从开始抽筋算起"}[lang]
    assert began in long_cramp.text


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


@pytest.mark.parametrize("reason", ["long-cramp", "not-eased"])
def test_every_get_help_screen_keeps_the_emergency_line(content, reason):
    """Review #20: the long cramp's screen dropped "breathless or chest pain: call 999"."""
    from coach.core.steps import GetHelp
    from coach.text.wording import get_help

    region = content.regions["uk"]
    lines = [line.text for line in get_help(GetHelp(reason, 10), content, region)]
    assert any("short of breath" in text and "999" in text for text in lines)


def test_the_ten_minutes_count_from_when_it_began_and_never_say_not_eased(content):
    """Issue #26 item 4 and review #28: 'somewhat' x5 must not read 'has not eased'; the
    limit counts from the start of the cramp, not of the app."""
    from coach.core.steps import AfterCare, GetHelp, WhatNext
    from coach.text.wording import after_care, get_help, what_next

    region = content.regions["uk"]
    texts = [line.text for line in get_help(GetHelp("long-cramp", 10), content, region)]
    texts += [line.text for line in after_care(AfterCare("somewhat", 10), region)]
    texts += [line.text for line in what_next(WhatNext("somewhat", 3, 6.0, 10, True, True))]
    joined = "\n".join(texts)
    assert "has not eased" not in joined
    assert joined.count("after it began") >= 3


def test_after_care_water_line_keeps_the_fluid_limit(content):
    """Review #2: no plain 'drink some water' for people on a fluid limit."""
    from coach.core.steps import AfterCare
    from coach.text.wording import after_care

    texts = " ".join(line.text for line in after_care(AfterCare("gone", 10), content.regions["uk"]))
    assert "water" in texts and "limits your fluids" in texts
