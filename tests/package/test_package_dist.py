"""The distributions: wheel and sdist build, pass ``twine check --strict`` and hold what the package
needs; the wheel, installed into a fresh virtualenv with only Sphinx and myst-parser, builds the
README's project, in English and German, then in each of the five themes once they are added."""

from __future__ import annotations

import email.parser
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from kit import parse_file
from readmekit import write_project

import sphinx_workshop

PROJECT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv")
pytestmark = [pytest.mark.slow]


#: Not passed on: the test's own paths and virtualenv, and PYTHONDONTWRITEBYTECODE (set on the development
#: machine), so the fresh virtualenv's Python caches bytecode as a default one does (each run of Sphinx
#: would otherwise compile it and its theme from source again).
_NOT_PASSED = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE"}


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in _NOT_PASSED}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # uv builds the sdist, then the wheel from the unpacked sdist: a file missing from the sdist fails here.
    _run(UV, "build", "--quiet", "--out-dir", out, PROJECT)
    return out


def _install(python: Path, *requirements: str | Path) -> None:
    """Install *requirements* into the virtualenv of *python*, at the versions of the lock."""
    _run(UV, "pip", "install", "--quiet", "--python", python, "-c", PROJECT / "requirements" / "dev.lock",
         *requirements)  # fmt: skip


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("sphinx_workshop-*.whl")
    return wheel


def test_twine_check_strict(dist: Path) -> None:
    files = sorted(dist.glob("sphinx_workshop-*"))
    assert [f.name for f in files] == [
        f"sphinx_workshop-{sphinx_workshop.__version__}-py3-none-any.whl",
        f"sphinx_workshop-{sphinx_workshop.__version__}.tar.gz",
    ]
    output = _run(sys.executable, "-m", "twine", "check", "--strict", *files)
    assert output.count("PASSED") == 2


def test_wheel_metadata_and_files(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = set(wheel.namelist())
        info = f"sphinx_workshop-{sphinx_workshop.__version__}.dist-info"
        metadata = email.parser.Parser().parsestr(wheel.read(f"{info}/METADATA").decode())
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
    assert metadata["Version"] == sphinx_workshop.__version__
    assert metadata["Requires-Python"] == ">=3.10"
    assert metadata["License-Expression"] == "MIT"
    assert f"{info}/licenses/LICENSE" in names
    requires = metadata.get_all("Requires-Dist")
    assert 'tzdata; sys_platform == "win32"' in requires
    assert any(r.startswith("sphinx<10,>=7.4") or r.startswith("sphinx>=7.4") for r in requires), requires
    # The long description is the package's own README, not the site's.
    body = metadata.get_payload()
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert body.startswith("# sphinx-workshop") and "benchmark" not in body.lower()
    for language in ("de", "fr", "zh_CN"):
        for suffix in ("po", "mo"):
            assert f"sphinx_workshop/locale/{language}/LC_MESSAGES/sphinx_workshop.{suffix}" in names
    assert "sphinx_workshop/locale/sphinx_workshop.pot" in names
    assert {"sphinx_workshop/py.typed", "sphinx_workshop/static/sphinx-workshop/schedule.js"} <= names
    assert "sphinx_workshop/static/sphinx-workshop/sphinx-workshop.css" in names
    # sphinx-workshop new: the console script and its templates.
    assert "sphinx-workshop = sphinx_workshop.cli:main" in entry_points
    assert {
        "sphinx_workshop/templates/new/common/conf.py.jinja",
        "sphinx_workshop/templates/new/rst/index.rst.jinja",
    } <= names
    assert not any(n.startswith(("tests/", "source/", "bench/")) for n in names)


def test_sdist_holds_license_readme_changelog(dist: Path) -> None:
    (sdist,) = dist.glob("sphinx_workshop-*.tar.gz")
    top = f"sphinx_workshop-{sphinx_workshop.__version__}"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
    for name in ("LICENSE", "CHANGELOG.md", "ext/README.md", "pyproject.toml"):
        assert f"{top}/{name}" in names


@pytest.fixture(scope="module")
def wheel_python(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh virtualenv holding only the wheel, Sphinx and myst-parser."""
    venv = tmp_path_factory.mktemp("wheel") / "venv"
    _run(UV, "venv", "--quiet", "--python", sys.executable, venv)
    python = venv / "bin" / "python"
    # Only the wheel, Sphinx and myst-parser (at the versions of the lock, for a reproducible test).
    _install(python, _wheel(dist), "sphinx", "myst-parser")
    return python


def test_wheel_in_a_fresh_virtualenv_builds_the_readme_project(wheel_python: Path, tmp_path: Path) -> None:
    python = wheel_python
    venv = python.parents[1]
    where = _run(python, "-c", "import sphinx_workshop; print(sphinx_workshop.__file__)", cwd=tmp_path)
    assert str(venv) in where
    project = (
        write_project(tmp_path / "project", "markdown") if (tmp_path / "project").mkdir() is None else None
    )
    assert project is not None
    # In German, with the extension's compiled catalog from the wheel (English: the theme test below).
    out = tmp_path / "html-de"
    _run(python, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "-D", "language=de",
         "-D", "html_theme=alabaster", project, out, cwd=tmp_path)  # fmt: skip
    soup = parse_file(out / "index.html")
    assert len(soup.select("div.sw-person-card")) == 3
    assert (out / "_static").is_dir() and (out / "index.ics").is_file()
    assert _schedule_headings(soup) == ["Uhrzeit", "Programmpunkt"]


def _schedule_headings(soup: BeautifulSoup) -> list[str]:
    return [th.get_text(strip=True) for th in soup.select("table.sw-schedule-table th")]


#: The themes the extension is styled for, as a user installs them next to the wheel.
THEMES = {
    "alabaster": "alabaster",
    "furo": "furo",
    "sphinx_rtd_theme": "sphinx-rtd-theme",
    "pydata_sphinx_theme": "pydata-sphinx-theme",
    "sphinx_book_theme": "sphinx-book-theme",
}


#: Builds the project (argv 1) into ``<argv 2>/html-<theme>`` in each theme named after it, as
#: ``sphinx-build -W --keep-going -q -b html -D html_theme=<theme>`` does, in one interpreter (each
#: ``sphinx-build`` would import Sphinx again); the exit status names the themes whose build failed.
BUILD_IN_EACH_THEME = """
import sys
from sphinx.cmd.build import build_main
project, out, *themes = sys.argv[1:]
args = ["-W", "--keep-going", "-q", "-b", "html"]
failed = [t for t in themes if build_main([*args, "-D", f"html_theme={t}", project, f"{out}/html-{t}"])]
sys.exit(f"the build failed in {failed}" if failed else 0)
"""


def test_wheel_builds_the_readme_project_in_each_theme(wheel_python: Path, tmp_path: Path) -> None:
    """A user adds a theme to the wheel's virtualenv: the README's project builds with -W in each (in
    English), with the extension's stylesheet and script under ``_static/sphinx-workshop/``."""
    _install(wheel_python, *THEMES.values())
    project = tmp_path / "project"
    project.mkdir()
    write_project(project, "markdown")
    _run(wheel_python, "-c", BUILD_IN_EACH_THEME, project, tmp_path, *THEMES, cwd=tmp_path)
    for theme in THEMES:
        out = tmp_path / f"html-{theme}"
        soup = parse_file(out / "index.html")
        assert len(soup.select("div.sw-person-card")) == 3, theme
        assert _schedule_headings(soup) == ["Time", "Session"], theme
        assert soup.select_one('link[href*="sphinx-workshop/sphinx-workshop.css"]'), theme
        assert soup.select_one('script[src*="sphinx-workshop/schedule.js"]'), theme
        assert (out / "_static" / "sphinx-workshop" / "sphinx-workshop.css").is_file(), theme
