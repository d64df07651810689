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


@pytest.fixture
def clone(tmp_path) -> Path:
    """The files a fresh clone has (no .venv, no _build)."""
    ignore = shutil.ignore_patterns(".git", ".venv", ".nox", "_build", "node_modules", ".*_cache")
    return Path(shutil.copytree(PROJECT, tmp_path / "clone", ignore=ignore))


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
def test_serve_watches_configuration_static_templates_and_the_extension(clone) -> None:
    (command,) = [line for line in dry_run("serve", clone).splitlines() if "sphinx-autobuild" in line]
    for path in ("conf.py", "_static", "_templates", "ext"):
        assert f"--watch {path} " in command
    assert " -E " in command


@needs_make
def test_latexpdf_builds_latex_then_the_pdf(clone) -> None:
    commands = dry_run("latexpdf", clone)
    assert "sphinx-build -M latexpdf source _build -c . -W --keep-going" in commands


def test_docs_lock_has_no_test_toolchain() -> None:
    pins = {
        line.split("==")[0]
        for line in (PROJECT / "requirements" / "docs.lock").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    assert {"sphinx", "myst-parser", "sphinx-book-theme"} <= pins
    assert not pins & {"pytest", "playwright", "mypy", "ruff", "hypothesis", "twine", "sphinx-autobuild"}
