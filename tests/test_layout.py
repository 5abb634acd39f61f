"""The layout ARCHITECTURE.md promises: rooms by lens, imports one way, small modules, word lists kept as data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "korea_kit"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)

#: Lower rooms never import higher ones. Lenses come in course order: a lens may use an earlier one.
RANK = {"_errors": 0, "_display": 0, "text": 1, "work": 2, "sourcing": 3, "framing": 4, "diplomacy": 5, "writing": 6,
        "classroom": 7, "widgets": 8}
MAX_LINES = 600
MAX_LIST = 10
#: Assignments that list public API names (``__all__``, and the widgets ``korea_kit`` loads on first use), not words.
API_NAMES = {"__all__", "_WIDGETS", "_LATE"}


def room(module: Path) -> str:
    parts = module.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py") if len(parts) > 1 or parts[0] == "_errors.py" else "top"


def imported_rooms(module: Path) -> set[str]:
    """The korea_kit rooms a module imports from (relative or absolute imports)."""
    depth = len(module.relative_to(PACKAGE).parts) - 1  # 0 for korea_kit/x.py, 1 for korea_kit/text/x.py
    found = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                target = node.module or ""
                if not target.startswith("korea_kit"):
                    continue
                parts = target.split(".")[1:]
            elif node.level - 1 > depth:
                continue
            else:
                here = list(module.relative_to(PACKAGE).parts[:-1])
                base = here[: len(here) - (node.level - 1)]
                parts = base + (node.module.split(".") if node.module else [])
            if parts:
                found.add(parts[0])
            else:  # "from .. import x": the names are rooms or modules of the top package
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("korea_kit."):
                    found.add(alias.name.split(".")[1])
    return {r for r in found if r in RANK}


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small_enough_to_read_in_one_sitting(module):
    assert len(module.read_text("utf-8").splitlines()) < MAX_LINES


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(module):
    own = room(module)
    if own == "top":
        return  # korea_kit/__init__.py gathers the public API from every room
    higher = {r for r in imported_rooms(module) if RANK[r] > RANK[own]}
    assert not higher, f"{module.relative_to(PACKAGE)} ({own}) imports from higher rooms: {sorted(higher)}"


def _word_lists(tree: ast.AST):
    """Literal word lists in code: collections of strings, split strings, and regex alternations of plain words."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) > MAX_LIST:
                yield node.lineno, f"a collection of {len(words)} strings"
        elif isinstance(node, ast.Dict):  # a lookup table of words: constant keys and constant values
            pairs = [k for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)
                     and isinstance(k.value, str) and isinstance(v, ast.Constant)]
            if len(pairs) > MAX_LIST:
                yield node.lineno, f"a table of {len(pairs)} entries"
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
            count = len(node.func.value.value.split())
            if count > MAX_LIST:
                yield node.lineno, f"a split string of {count} words"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for group in _alternations(node.value):
                plain = [w for w in group if w.replace(" ", "").replace("-", "").isalpha()]
                if len(plain) > MAX_LIST:
                    yield node.lineno, f"a regex alternation of {len(plain)} words"


def _alternations(pattern: str):
    """The |-separated alternatives of each innermost parenthesised group (and of the whole string)."""
    depth_starts, groups = [], []
    for i, c in enumerate(pattern):
        if c == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth_starts.append(i)
        elif c == ")" and (i == 0 or pattern[i - 1] != "\\") and depth_starts:
            start = depth_starts.pop()
            inner = pattern[start + 1 : i]
            if "(" not in inner:
                groups.append(inner.removeprefix("?:").split("|"))
    if "(" not in pattern:
        groups.append(pattern.split("|"))
    return groups


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_word_list_of_more_than_ten_entries_lives_in_code(module):
    tree = ast.parse(module.read_text("utf-8"))
    exports = {node.value.lineno for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id in API_NAMES for t in node.targets)}
    found = [(line, what) for line, what in _word_lists(tree) if line not in exports]  # API names, not words
    assert not found, f"{module.relative_to(PACKAGE)}: move these to korea_kit/data/: {found}"


def test_the_word_list_check_finds_a_list_a_split_string_and_an_alternation():
    code = ('A = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]\n'
            'row = {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h, "i": i, "j": j, "k": k}\n'
            'B = "one two three four five six seven eight nine ten eleven".split()\n'
            r'C = r"\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr)\b"' "\n")
    assert len(list(_word_lists(ast.parse(code)))) == 3


def test_the_import_check_sees_relative_imports_between_rooms():
    text_module = PACKAGE / "text" / "_article.py"
    assert "_errors" in imported_rooms(text_module)
    assert imported_rooms(PACKAGE / "widgets" / "_viewer.py") >= {"work"}
