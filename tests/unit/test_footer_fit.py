"""The key footer at 40 columns keeps every key (#27 item 14): labels are cut short,
then left off, the least needed first; a key is dropped only when the keys alone do
not fit, and the way to get help keeps its words longest."""

from __future__ import annotations

from screens.widgets.key_footer import fit_labels, short_label

SAFETY = [
    ("answer('yes')", "y", "Yes, one leg is swollen"),
    ("answer('no')", "n", "No, neither leg"),
    ("leave", "q", "Leave"),
    ("app.red_flags", "!", "Get help"),
    ("app.help", "?", "Help"),
]
PICKER = [
    ("choose('back')", "b", "Back of calf"),
    ("choose('front')", "f", "Front"),
    ("not_sure", "n", "Not sure"),
    ("open('routine')", "r", "Routine"),
    ("open('tips')", "t", "Tips"),
    ("open('history')", "h", "History"),
    ("choose_region", "c", "Country"),
    ("app.quit", "q", "Quit"),
    ("app.red_flags", "!", "Get help"),
    ("app.help", "?", "Help"),
]


def drawn(keys, shown) -> str:
    return " ".join(keys[i][1] + (f" {f}" if f else "") for i, f in sorted(shown.items()))


def test_a_label_is_cut_at_its_first_comma_colon_or_bracket():
    assert short_label("Yes, one leg is swollen") == "Yes"
    assert short_label("No: start the stretch") == "No"
    assert short_label("有，一条腿肿了") == "有"
    assert short_label("Front") == "Front"


def test_everything_shows_whole_where_it_fits():
    assert drawn(SAFETY, fit_labels(SAFETY, 80)) == (
        "y Yes, one leg is swollen n No, neither leg q Leave ! Get help ? Help"
    )


def test_the_safety_question_keeps_both_answers_at_40_columns():
    text = drawn(SAFETY, fit_labels(SAFETY, 40))
    assert len(text) <= 40
    assert text.startswith("y Yes n No q Leave ! Get help")


def test_the_first_screen_keeps_every_key_at_40_columns():
    shown = fit_labels(PICKER, 40)
    assert sorted(shown) == list(range(len(PICKER)))
    text = drawn(PICKER, shown)
    assert len(text) <= 40 and "! Get help" in text and text.startswith("b Back")


def test_keys_are_dropped_only_when_the_keys_alone_do_not_fit_never_get_help():
    shown = fit_labels(PICKER, 12)
    assert 8 in shown and len(drawn(PICKER, shown)) <= 12
