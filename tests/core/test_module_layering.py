"""The extension's layering: shared modules import no feature, and no feature imports another (but the
dates, which build on the schedule's public parts).

A feature (``papers``, ``people``, ``schedule``) reads another's data only through that domain's public
methods (reached with :mod:`sphinx_workshop.domains`, whose imports are for type checking only).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sphinx_workshop

#: The package as imported (``ext/`` here; ``src/`` in mutmut's copy of the project).
PACKAGE = Path(sphinx_workshop.__file__).resolve().parent
FEATURES = ("accepted", "dates", "papers", "people", "schedule", "sponsors")
#: The one feature built on another's public parts: the dates use the schedule's time parsing, its
#: calendar writer and its zone switch (``schedule.js``), rather than a second copy of each.
BUILDS_ON = {"dates": {"schedule"}}


def runtime_imports(path: Path) -> set[str]:
    """The ``sphinx_workshop`` modules *path* imports when it runs (not under ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
        for statement in block.body
        for node in ast.walk(statement)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("sphinx_workshop")}


def feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FEATURES else None


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(PACKAGE.glob("*.py")) if p.name != "__init__.py"],
    ids=lambda p: p.name,
)
def test_a_shared_module_imports_no_feature(path: Path) -> None:
    assert {m for m in runtime_imports(path) if feature_of(m)} == set()


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_imports_no_other_feature(feature: str) -> None:
    for path in sorted((PACKAGE / feature).glob("*.py")):
        allowed = {None, feature, *BUILDS_ON.get(feature, ())}
        others = {m for m in runtime_imports(path) if feature_of(m) not in allowed}
        assert others == set(), path.name


def test_the_check_sees_an_import() -> None:
    assert runtime_imports(PACKAGE / "__init__.py") >= {"sphinx_workshop"}
    assert "sphinx_workshop.papers.domain" not in runtime_imports(PACKAGE / "domains.py")  # type-only
