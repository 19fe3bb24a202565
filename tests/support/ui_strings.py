"""Find every interface string the code may pass through `t()`, for the translation test."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Module-level tables whose values reach the screen through t().
TABLES = {
    "HEADINGS",
    "REASONS",
    "DOES",
    "DOES_NOT",
    "COLUMNS",
    "SEVERITY_ASK",
    "HISTORY_OFF",
    "NO_EPISODES",
    "OUTCOMES",
    "LEGS",
    "MORE_SIGNS",
    "CHANGE_COUNTRY",
    "HELP_REASONS",
    "RELIEF_NAMES",
    "CHECKIN_QUESTION",
    "CHECKIN_BESIDES",
    "CHECKIN_KEYS",
    "CHECKIN_ASK",
    "OWN_RECORD",
    "KEYS",
    "NO_ENGINE_NOTE",
    "FLAG_WHAT",
    "FLAG_OLD",
    "CONDITIONS",
    "CHECKIN_OTHERS",
    "CHECKIN_SWOLLEN",
    "SEE_GP",
    "OTHERS_KEYS",
    "SWOLLEN_KEYS",
    "CLOSE_KEYS",
    "GATE_CASES",
    "GATE_CASES_SHORT",
    "GATE_QUESTION",
    "SIGN_NAMES",
    "LEG_QUESTION",
    "LEG_PROMPT",
    "LEG_NAMES",
    "CAUSES_AT_NIGHT",
    "POOR_MANDARIN_NOTE",
    "MORNING_CAUSES",
}

# Keys built at run time (plurals, ids shown as words); listed so none is missed.
DYNAMIC = {
    "{n} cramp",
    "{n} cramps",
    "{n} routine",
    "{n} routines",
    "{n} night",
    "{n} nights",
    "no nights with a routine yet",
    "no nights without yet",
    "{rate} with a routine",
    "{rate} without",
    "Cramp",
    "Routine",
    "cramp",
    "routine",
    "back",
    "front",
    "bed",
    "sitting",
    "standing",
    "unknown",
    "under 1 min",
    "1-2 min",
    "over 2 min",
}


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for item in node.elts for s in _strings(item)]
    if isinstance(node, ast.Dict):
        return [s for v in node.values for s in _strings(v)]
    return []


def interface_strings() -> set[str]:
    found: set[str] = set(DYNAMIC)
    for path in [*ROOT.glob("coach/**/*.py"), *ROOT.glob("screens/**/*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "t" and node.args:
                    found.update(_strings(node.args[0]))
                elif name == "Binding":
                    desc = (
                        node.args[2]
                        if len(node.args) > 2
                        else next((k.value for k in node.keywords if k.arg == "description"), None)
                    )
                    if desc is not None:
                        found.update(_strings(desc))
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(getattr(t, "id", "") in TABLES for t in targets) and node.value:
                    found.update(_strings(node.value))
    found.discard("")
    return found
