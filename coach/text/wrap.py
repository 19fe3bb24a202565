"""Where a line may break, in cells: one rule for plain mode, printed text and the app.

Rich and terminals break unspaced Chinese anywhere, so a line could start with "。" or
"、", end with "“", or leave "30" at the end of one line and "秒" at the start of the
next. Chinese typesetting (kinsoku) keeps closing punctuation with the character
before it, opening brackets and quotes with the character after them, and a number
with its unit. Text with no wide characters breaks at spaces only, as before.
"""

from __future__ import annotations

import re
import unicodedata

NO_LINE_START = frozenset("，。、；：！？）」』】》〉〕”’…%,.;:!?)")
"""Closing punctuation: it stays on the line of the character before it."""
NO_LINE_END = frozenset("（「『【《〈〔“‘")
"""Opening brackets and quotes: they stay on the line of the character after them."""
UNITS = frozenset(
    ("分钟", "小时", "秒钟", "公斤", "千克", "公里", "厘米", "毫米", "毫升", "毫克", "星期", "个月")
)
"""Two-character units kept whole after their number ("10 分钟", never "10 分" / "钟")."""

_LEAD = re.compile(r" *(?:(?:-|•) |\d+\. (?:\(\S+\) )?)?")
"""An indent and a list marker ("- ", "  1. (b) "): wrapped lines hang under the text."""
_SPACE_AFTER_MARK = re.compile(r"(?<=[，。、；：！？）」』】》])[ \t]+")
_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def _zero(ch: str) -> bool:
    """Combining marks, joiners and variation selectors: no cell of their own."""
    return unicodedata.category(ch) in ("Mn", "Me", "Cf")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def has_wide(text: str) -> bool:
    """Whether `text` has wide (Chinese) characters: only such text is re-broken."""
    return not text.isascii() and any(_wide(ch) for ch in text)


def cell_width(text: str) -> int:
    if text.isascii():  # no wide or zero-width characters: one cell each
        return len(text)
    return sum(0 if _zero(ch) else 2 if _wide(ch) else 1 for ch in text)


def tidy(text: str) -> str:
    """Chinese spacing: full-width punctuation carries its own space, so a space after
    "。" or the full-width colon (pieces joined with " ") is dropped, as is one between two Han
    characters ("请拨打 当地急救电话"). Text without them is returned as it is."""
    if not has_wide(text):
        return text
    return _SPACE_BETWEEN_HAN.sub("", _SPACE_AFTER_MARK.sub("", text))


def _number_unit(token: str, ch: str) -> bool:
    """`ch` is the unit after a number at the end of `token` ("30 " + "秒")."""
    return _wide(ch) and token.rstrip()[-1:].isdigit()


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: words with their spaces, single wide characters,
    and what kinsoku keeps together."""
    out: list[str] = []
    for ch in text:
        if not out:
            out.append(ch)
            continue
        token = out[-1]
        last = token[-1]
        mid_word = not _wide(ch) and not last.isspace() and not _wide(last)
        joined = (
            ch.isspace()
            or ch in NO_LINE_START
            or mid_word
            or _zero(ch)
            or last in NO_LINE_END
            or _number_unit(token, ch)
            or (token[-1] + ch in UNITS and token[:-1].rstrip()[-1:].isdigit())
        )
        if joined:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap to `width` cells; a piece longer than a line is split, never dropped.
    Runs of spaces become one space."""
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0  # `used`: the cells of `line`, kept as it grows (not re-counted)
    for token in _tokens(" ".join(text.split())):  # each token starts with a non-space
        if used + cell_width(token.rstrip()) <= width:
            line += token
            used += cell_width(token)
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = token
        while cell_width(line.rstrip()) > width:  # one token wider than the line
            cut = 1
            while cut < len(line) and (cell_width(line[: cut + 1]) <= width or _zero(line[cut])):
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
        used = cell_width(line)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def wrap_chinese(text: str, width: int | None) -> list[str]:
    """Lines of printed text for a terminal `width` cells wide: a line with Chinese is
    tidied and broken by the rule above, its continuation lines under its text (past
    its indent and list marker); any other line (English) is
    left whole, as it always was (no `width`: nothing is broken)."""
    out: list[str] = []
    for line in text.split("\n"):
        if not has_wide(line):
            out.append(line)
            continue
        line = tidy(line)
        if width is None:
            out.append(line)
            continue
        lead = m.group() if (m := _LEAD.match(line)) else ""
        hang = " " * len(lead)
        parts = wrap(line[len(lead) :], width - len(lead))
        out.extend((lead if i == 0 else hang) + part for i, part in enumerate(parts))
    return out
