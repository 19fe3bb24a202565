"""English and Simplified Chinese content: same ids and structure, both readable at 40 columns."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from coach.content import FILES, load
from coach.yamlfile import Map, Seq, read_yaml
from tests.conftest import ROOT
from tests.test_content import all_texts

SAME_VALUE = {"id", "at", "key", "causes", "evidence", "countries", "url", "action"}
SAME_VALUE |= {"default_seconds", "min_seconds", "max_seconds", "extend_seconds"}
SAME_VALUE |= {"escalate_after_seconds", "hold_seconds", "repeats", "ready_seconds"}


def shape(node, path: str, out: list[str]) -> None:
    """Everything but prose: keys, list lengths, ids, times, numbers."""
    if isinstance(node, Map):
        for key, value in node.items():
            out.append(f"{path}.{key}")
            fixed = key in SAME_VALUE or not isinstance(value, str)
            if fixed and not isinstance(value, (Map, Seq)):
                out.append(f"{path}.{key}={value!r}")
            shape(value, f"{path}.{key}", out)
    elif isinstance(node, Seq):
        out.append(f"{path}[len={len(node)}]")
        for i, item in enumerate(node):
            shape(item, f"{path}[{i}]", out)


@pytest.mark.parametrize("name", FILES)
def test_chinese_file_has_the_same_ids_and_structure(name):
    en, zh = [], []
    shape(read_yaml(ROOT / "content" / name), "", en)
    shape(read_yaml(ROOT / "content" / "zh" / name), "", zh)
    assert zh == en


def test_chinese_content_loads_and_is_chinese():
    zh = load(ROOT / "content" / "zh")
    texts = all_texts(zh)
    chinese = [t for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert len(chinese) > 0.8 * len(texts)
    clot = next(f for f in zh.red_flags if f.id == "clot")
    assert "不要继续拉伸或按摩" in clot.text


@pytest.mark.parametrize("lang", ["", "zh"])
def test_guides_and_tips_fit_40_columns_measured_in_cells(lang):
    content = load(ROOT / "content" / lang) if lang else load(ROOT / "content")
    for text in all_texts(content):
        out = io.StringIO()
        Console(file=out, width=40, color_system=None).print(text, overflow="fold")
        lines = out.getvalue().splitlines()
        assert all(cell_len(line.rstrip()) <= 40 for line in lines), text
        assert "".join(out.getvalue().split()) == "".join(text.split()), text
