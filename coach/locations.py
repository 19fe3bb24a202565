"""Where Calf Coach keeps its files on disk."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "CALF_COACH_HOME"
APP_NAME = "calf-coach"


def data_dir(cli_value: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Pick the data directory without creating it.

    An explicit ``--data-dir`` wins so tests and portable installs can point anywhere; the
    environment variable comes next for people who set it once in their shell profile; the
    platform default is the fallback. Nothing is created here: opening the store decides
    whether the directory can be made, and reports it if not.
    """
    env = os.environ if environ is None else environ
    chosen = cli_value or env.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    # Imported here so importing this module stays cheap for the CLI's fast paths.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)).expanduser()
