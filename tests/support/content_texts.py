"""Every text of the shipped content, for checks that read them all."""

from __future__ import annotations


def all_texts(content) -> list[str]:
    texts = [*content.not_sure, content.routine.intro, content.routine.breathe]
    for guide in content.guides.values():
        texts += [guide.label, guide.short, guide.feels]
        texts += [s.text for steps in guide.steps.values() for s in steps]
    texts += [r.text for r in content.other_relief]
    for c in content.causes:
        texts += [c.name, c.question, c.explanation, c.source]
    texts += [t.text for t in content.tips] + [t.source for t in content.tips]
    texts += [f.title for f in content.red_flags] + [f.text for f in content.red_flags]
    texts += [e.meaning for e in content.evidence.values()]
    for version in content.routine.versions:
        texts += [s.text for s in version.stretches]
    return texts
