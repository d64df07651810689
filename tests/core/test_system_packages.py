"""Which chromium the browser tests launch, and what a machine without one is told (``tests/browserkit.py``,
``tests/systemtools.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browserkit import chromium_path


def installed(folder: Path, *commands: str) -> None:
    """Put executables named *commands* in *folder* (the only folder on ``PATH`` in these tests)."""
    for command in commands:
        path = folder / command
        path.write_text("#!/bin/sh\n", encoding="utf-8")
        path.chmod(0o755)


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def test_the_headless_shell_is_launched_when_installed(path):
    installed(path, "chromium", "chromium-headless-shell")
    assert chromium_path() == str(path / "chromium-headless-shell")


def test_the_full_chromium_does_without_the_headless_shell(path):
    installed(path, "chromium")
    assert chromium_path() == str(path / "chromium")


def test_the_chromium_named_by_the_environment_wins(path, monkeypatch):
    installed(path, "chromium", "chromium-headless-shell")
    monkeypatch.setenv("CHROMIUM", "/opt/chromium/chrome")
    assert chromium_path() == "/opt/chromium/chrome"


def test_without_chromium_a_test_skips_and_names_the_package(path):
    with pytest.raises(pytest.skip.Exception, match=r"\(apt-get install chromium-headless-shell\)"):
        chromium_path()


def test_without_chromium_a_test_fails_in_ci(path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromium-headless-shell is not installed"):
        chromium_path()
