"""The Makefile's site targets, as a fresh clone runs them (``make -n``: the commands, not their effect)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(target: str, where: Path) -> str:
    result = subprocess.run(["make", "-n", target], cwd=where, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.replace("\\\n", " ")  # a recipe's continued lines as one


#: What .gitignore keeps out of a clone at the top of the project (and .git itself).
NOT_CLONED = {".git", ".venv", ".nox", "_build", "node_modules", "test-artifacts", "bench-results", "mutants",
              "dist", "build"}  # fmt: skip


def _not_cloned(folder: str, names: list[str]) -> set[str]:
    """What .gitignore keeps out of a clone in *folder*: caches anywhere, and NOT_CLONED at the top."""
    skipped = {
        name
        for name in names
        if name in ("__pycache__", ".hypothesis")
        or name.endswith(".egg-info")
        or (name.startswith(".") and name.endswith("_cache"))
    }
    return skipped | (NOT_CLONED & set(names) if Path(folder) == PROJECT else set())


@pytest.fixture
def clone(tmp_path) -> Path:
    """The files a fresh clone has (none of what .gitignore names: no .venv, _build, screenshots...)."""
    return Path(shutil.copytree(PROJECT, tmp_path / "clone", ignore=_not_cloned))


@needs_make
@pytest.mark.parametrize("target", ["html", "latexpdf", "epub"])
def test_building_installs_the_docs_lock_only(clone, target: str) -> None:
    commands = dry_run(target, clone)
    assert "pip install --quiet -r requirements/docs.lock" in commands
    assert "dev.lock" not in commands


@needs_make
def test_testing_installs_the_dev_lock(clone) -> None:
    assert "pip install --quiet -r requirements/dev.lock" in dry_run("test", clone)


@needs_make
def test_serve_installs_the_docs_lock_and_the_live_preview_only(clone) -> None:
    """What building needs, then sphinx-autobuild's lock, then the preview: none of the test toolchain."""
    commands = dry_run("serve", clone).splitlines()
    docs = commands.index(".venv/bin/python -m pip install --quiet -r requirements/docs.lock")
    serve = commands.index(".venv/bin/python -m pip install --quiet -r requirements/serve.lock")
    (preview,) = [i for i, line in enumerate(commands) if "sphinx-autobuild" in line]
    assert docs < serve < preview
    assert "touch .venv/.installed-docs" in commands and "touch .venv/.installed-serve" in commands
    assert not [line for line in commands if "dev.lock" in line or line.endswith(".venv/.installed")]


@needs_make
def test_serve_after_building_adds_only_the_live_preview(clone) -> None:
    """A venv that ``make html`` set up (its stamp newer than the locks) gets serve.lock alone."""
    (clone / ".venv" / "bin").mkdir(parents=True)
    (clone / ".venv" / ".installed-docs").touch()
    commands = dry_run("serve", clone)
    assert "-r requirements/serve.lock" in commands
    assert "requirements/docs.lock" not in commands and "dev.lock" not in commands


@needs_make
def test_serve_watches_configuration_static_templates_and_the_extension(clone) -> None:
    (command,) = [line for line in dry_run("serve", clone).splitlines() if "sphinx-autobuild" in line]
    for path in ("conf.py", "_static", "_templates", "ext"):
        assert f"--watch {path} " in command
    assert " -E " in command


@needs_make
def test_latexpdf_builds_latex_then_the_pdf(clone) -> None:
    commands = dry_run("latexpdf", clone)
    assert "sphinx-build -M latexpdf source _build -c . -W --keep-going" in commands


TEST_TOOLCHAIN = {"pytest", "playwright", "mypy", "ruff", "hypothesis", "twine"}


def pins(lock: str) -> dict[str, str]:
    """``requirements/<lock>``'s pins: package -> version."""
    text = (PROJECT / "requirements" / lock).read_text(encoding="utf-8")
    return dict(
        line.split("==", 1) for line in text.splitlines() if "==" in line and not line.startswith("#")
    )


def test_docs_lock_has_no_test_toolchain() -> None:
    docs = pins("docs.lock")
    assert {"sphinx", "myst-parser", "sphinx-book-theme"} <= docs.keys()
    assert not docs.keys() & {*TEST_TOOLCHAIN, "sphinx-autobuild"}


def test_serve_lock_adds_the_live_preview_at_the_docs_locks_versions() -> None:
    """Installed over docs.lock, serve.lock changes no version of it (both resolve within dev.lock)."""
    docs, serve, dev = pins("docs.lock"), pins("serve.lock"), pins("dev.lock")
    assert {"sphinx-autobuild", "sphinx"} <= serve.keys()
    assert not serve.keys() & TEST_TOOLCHAIN
    assert {name: serve[name] for name in serve.keys() & docs.keys()} == {
        name: docs[name] for name in serve.keys() & docs.keys()
    }
    assert serve.items() <= dev.items()
