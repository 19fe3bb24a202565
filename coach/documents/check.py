"""`calf-coach check-content`: read and check every file of the content and of each
translation beside it, trusting no cached copy, and say what was found."""

from __future__ import annotations

import os
import sys

from coach.content.load import load, load_ui
from coach.content.model import default_dir
from coach.content.yamlfile import ContentError
from coach.core import i18n


def check_content(directory: str | os.PathLike[str] | None) -> int:
    """Check the folder (the shipped content when None) and every translation beside it."""
    root = os.fspath(directory) if directory else default_dir()
    for lang in i18n.LANGUAGES:
        folder = os.path.join(root, lang) if lang != "en" else root
        if lang != "en" and not os.path.isdir(folder):
            continue
        try:
            content, ui = load(folder), load_ui(folder)
            i18n.use(ui)
        except ContentError as exc:
            print(f"calf-coach: content problem: {exc}", file=sys.stderr)
            return 2
        print(
            f"content ok ({lang}): {len(content.guides)} guides, {len(content.causes)} causes, "
            f"{len(content.tips)} tips, {len(content.red_flags)} red flags"
        )
    return 0
