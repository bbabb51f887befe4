"""The README's promises about the code's shape: sizes within bounds and a tree that is true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "fizzly_desktop"
README = REPO / "README.md"
MAX_CLASS_LINES = 400
MAX_MODULE_LINES = 700


def oversized(package: Path) -> set[str]:
    """Modules over 700 lines and classes over 400, as ``path`` and ``path::Class``
    (relative to the repo), the sandbox aside."""
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).as_posix()
        if relative.startswith("fizzly_desktop/sandbox/"):
            continue
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_MODULE_LINES:
            found.add(relative)
        classes = [node for node in ast.walk(ast.parse(text)) if isinstance(node, ast.ClassDef)]
        for node in classes:
            if (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_CLASS_LINES:
                found.add(f"{relative}::{node.name}")
    return found


def named_exceptions(readme: str) -> set[str]:
    """The exceptions the README names after "Named exceptions": backticked paths, or none."""
    match = re.search(r"Named exceptions.*?:(.*?)(?:\n\n|$)", readme, re.S)
    assert match, "the README's Sizes paragraph names its exceptions (or says none)"
    return set(re.findall(r"`(fizzly_desktop/[^`]+)`", match.group(1)))


def tree_entries(readme: str) -> dict[str, set[str]]:
    """Names in the "How it is built" tree, by the package they are listed under."""
    section = readme.split("## How it is built", 1)[1]
    block = section.split("```", 2)[1]
    entries: dict[str, set[str]] = {"": set()}
    current = ""
    for line in block.splitlines():
        match = re.match(r"^( {2}| {4})(\w+(?:/|\.py))\s", line)
        if not match:
            continue
        indent, name = match.groups()
        if len(indent) == 2:
            entries[""].add(name)
            current = name.rstrip("/")
            entries.setdefault(current, set())
        else:
            entries[current].add(name)
    return entries


def subpackages(path: Path) -> set[str]:
    return {p.parent.name + "/" for p in path.glob("*/__init__.py")}


def test_no_class_or_module_is_past_its_size_unless_the_readme_names_why() -> None:
    readme = README.read_text(encoding="utf-8")
    assert oversized(PACKAGE) == named_exceptions(readme)


def test_the_size_check_finds_a_big_class_and_a_big_module(tmp_path: Path) -> None:
    package = tmp_path / "fizzly_desktop"
    (package / "core").mkdir(parents=True)
    (package / "sandbox").mkdir()
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_CLASS_LINES))
    (package / "core" / "big.py").write_text(f"class Big:\n{body}\n")
    (package / "core" / "long.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (package / "sandbox" / "server.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (package / "core" / "small.py").write_text("class Small:\n    pass\n")
    assert oversized(package) == {"fizzly_desktop/core/big.py::Big", "fizzly_desktop/core/long.py"}
    readme = "Named exceptions, each with its reason: `fizzly_desktop/core/long.py` (why).\n\nMore."
    assert named_exceptions(readme) == {"fizzly_desktop/core/long.py"}


def test_the_readme_tree_names_every_package_and_only_what_exists() -> None:
    entries = tree_entries(README.read_text(encoding="utf-8"))
    assert subpackages(PACKAGE) <= entries[""]
    for top in ("ui", "core"):
        assert subpackages(PACKAGE / top) <= entries[top], top
    for top, names in entries.items():
        for name in names:
            assert (PACKAGE / top / name.rstrip("/")).exists(), f"{top}/{name} is in the README"
