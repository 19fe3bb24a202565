"""The gate's numbered cases (screens/widgets/case_list.py): one widget, each case's
wrapped lines under its text and not its number, in English and in Chinese."""

from __future__ import annotations

from textual.app import App, ComposeResult

from screens.widgets.case_list import NUMBER_CELLS, Case, CaseList

LONG = "One leg is bigger or puffier than the other, not just the hard knot."
CHINESE = "一条腿比另一条更肿，或发热、发红、颜色更深。开灯对比一下，30 秒就够。"


class Cases(App[None]):
    def __init__(self, cases: list[Case]) -> None:
        super().__init__()
        self.cases = cases

    def compose(self) -> ComposeResult:
        yield CaseList(self.cases)


def drawn(app: App) -> list[str]:
    """Each line as a person sees it, without the padding past the words."""
    cases = app.query_one(CaseList)
    return [cases.render_line(y).text.rstrip() for y in range(cases.region.height)]


async def test_wrapped_lines_hang_under_the_text_not_the_number():
    app = Cases([Case(LONG, "Swollen leg"), Case("A kick or pop.", "Kick or pop")])
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        lines = drawn(app)
    assert lines[0].startswith("1. One leg")
    assert lines[-1] == "2. A kick or pop."
    middle = lines[1:-1]
    assert middle and all(line.startswith(" " * NUMBER_CELLS) for line in middle)
    assert all(not line[NUMBER_CELLS].isspace() for line in middle)
    assert " ".join(line.strip() for line in lines[:-1]).removeprefix("1. ") == LONG
    assert max(len(line) for line in lines) <= 30


async def test_chinese_is_broken_by_the_chinese_rule_under_its_number():
    app = Cases([Case(CHINESE, "腿肿")])
    async with app.run_test(size=(20, 12)) as pilot:
        await pilot.pause()
        lines = drawn(app)
    assert len(lines) > 1 and lines[0].startswith("1. ")
    texts = [line[NUMBER_CELLS:] for line in lines]
    assert all(not text.startswith(("，", "、", "。")) for text in texts)  # no line opens on a mark
    assert not any(text.endswith("30") for text in texts)  # "30 秒" is kept together
    assert "".join(texts).replace(" ", "") == CHINESE.replace(" ", "")


async def test_outside_a_short_window_each_case_is_in_full():
    app = Cases([Case(LONG, "Swollen leg")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cases = app.query_one(CaseList)
        assert cases.texts == [LONG] and cases.text == f"1. {LONG}"
        app.screen.add_class("-short")
        cases.refresh(layout=True)
        await pilot.pause()
        assert cases.texts == ["Swollen leg"] and drawn(app) == ["1. Swollen leg"]
