"""Which tips to show first, given which causes the person said fit them."""

from __future__ import annotations

from typing import NamedTuple

from coach.content.model import Content, Tip
from coach.core.i18n import t


class TipGroups(NamedTuple):
    fits: tuple[Tip, ...]
    """Tips for the causes the person said yes to."""
    everyone: tuple[Tip, ...]
    """Tips that apply to anyone with night cramps."""
    others: tuple[Tip, ...]
    """Tips for causes that did not fit (or were skipped)."""


def rank_tips(content: Content, yes: set[str] | frozenset[str] | tuple[str, ...]) -> TipGroups:
    """Group tips by fit; within a group, better evidence comes first.

    The content's own order breaks ties so authors keep control of the reading order.
    """
    chosen = set(yes)
    unknown = chosen - {c.id for c in content.causes}
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    order = {tip.id: i for i, tip in enumerate(content.tips)}

    def by_strength(tips: list[Tip]) -> tuple[Tip, ...]:
        return tuple(sorted(tips, key=lambda t: (content.evidence[t.evidence].rank, order[t.id])))

    fits = [t for t in content.tips if chosen & set(t.causes)]
    everyone = [t for t in content.tips if not t.causes]
    others = [t for t in content.tips if t.causes and not chosen & set(t.causes)]
    return TipGroups(by_strength(fits), by_strength(everyone), by_strength(others))


def causes_for(content: Content, tip: Tip) -> str:
    """A short "for: …" label naming the causes a tip answers."""
    if not tip.causes:
        return t("everyone")
    return t(", ").join(content.cause(c).name.lower() for c in tip.causes)


class TipSection(NamedTuple):
    title: str
    tips: tuple[Tip, ...]


def tip_sections(content: Content, yes: tuple[str, ...]) -> list[TipSection]:
    """The tips as every face shows them: for the causes given, for everyone, the rest.
    Empty sections are left out."""
    groups = rank_tips(content, yes)
    sections = [
        TipSection(t("Tips for you"), groups.fits),
        TipSection(t("Tips for everyone"), groups.everyone),
        TipSection(t("Other tips") if yes else t("Tips for particular causes"), groups.others),
    ]
    return [section for section in sections if section.tips]


def tip_evidence(content: Content, tip: Tip) -> tuple[str, str]:
    """The evidence label ("[Some evidence]") and the rest of the line under a tip:
    its source and whom it is for."""
    label = f"[{content.evidence[tip.evidence].label}]"
    return label, t(" {source}; for {causes}", source=tip.source, causes=causes_for(content, tip))
