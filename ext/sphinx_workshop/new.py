"""The files of a new workshop site (``sphinx-workshop new``), rendered from ``templates/new/``.

``templates/new/common/`` holds the files of every site (``conf.py``, the sample ``papers.csv``,
``requirements.txt``, ``Makefile``, ``.gitignore``, ``.readthedocs.yaml``), ``myst/`` and ``rst/`` the
pages in each source format. A template is named after the file it writes plus ``.jinja``; a leading
``dot-`` stands for ``.`` (package data globs skip hidden files). Every value a user gives reaches a file
through a filter that escapes it for that file's syntax: ``py`` (a Python literal), ``text`` (inline
MyST or reStructuredText), ``heading`` (an rST section title) and ``argument`` (a directive's argument,
which both parsers take as raw text).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from collections.abc import Callable

TEMPLATES = Path(__file__).parent / "templates" / "new"

#: The themes the extension is styled and tested for: ``html_theme`` -> the package to install.
THEMES: dict[str, str] = {
    "sphinx_book_theme": "sphinx-book-theme",
    "furo": "furo",
    "sphinx_rtd_theme": "sphinx-rtd-theme",
    "pydata_sphinx_theme": "pydata-sphinx-theme",
    "alabaster": "alabaster",
}
#: Entries of conf.py's ``html_context`` a theme needs: pydata's and the book theme's colour mode follows
#: the visitor (without ``default_mode`` they log "Got invalid theme mode").
THEME_CONTEXT: dict[str, tuple[str, ...]] = {
    "sphinx_book_theme": ('"default_mode": "auto",',),
    "pydata_sphinx_theme": ('"default_mode": "auto",',),
}
#: Sphinx's ``language``: the languages the extension's messages are translated into.
LANGUAGES = ("en", "de", "fr", "zh_CN")
#: Source formats: MyST Markdown (``.md``) or reStructuredText (``.rst``).
FORMATS = ("myst", "rst")
DEFAULT_TITLE = "My Workshop"

#: ASCII punctuation: CommonMark and reStructuredText both take a backslash before any of it literally.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class SiteOptions:
    """What ``sphinx-workshop new`` asks for; the defaults are what it uses without a terminal."""

    title: str = DEFAULT_TITLE
    theme: str = "sphinx_book_theme"
    language: str = "en"
    format: str = "myst"
    #: The day the site is written: the example dates are counted from it.
    today: datetime.date = field(default_factory=datetime.date.today)

    def __post_init__(self) -> None:
        for name, value, choices in (
            ("theme", self.theme, tuple(THEMES)),
            ("language", self.language, LANGUAGES),
            ("format", self.format, FORMATS),
        ):
            if value not in choices:
                raise ValueError(f"unknown {name} {value!r} (choose from {', '.join(choices)})")
        if not clean_title(self.title):
            raise ValueError("the title is empty")


class ExistingFilesError(FileExistsError):
    """Raised when files of the new site already exist; nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(f"{len(paths)} file(s) exist already: " + ", ".join(str(p) for p in paths))
        self.paths = paths


def clean_title(title: str) -> str:
    """*title* on one line: each run of whitespace (newlines too) becomes one space; control
    characters are dropped."""
    visible = "".join(c for c in title if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(visible.split())


def escape_text(text: str) -> str:
    """*text* as literal inline MyST or reStructuredText: a backslash before each ASCII punctuation
    character, so no markup, role, substitution, math or HTML can start in it."""
    return _PUNCTUATION.sub(r"\\\1", text)


def rst_heading(text: str) -> str:
    """*text* as a reStructuredText section title, overlined and underlined with ``=``.

    The lines are twice as long as the escaped text, which covers East Asian wide characters (two
    columns each); an overline also keeps a title such as ``----`` from reading as a transition.
    """
    escaped = escape_text(text)
    line = "=" * (2 * len(escaped))
    return f"{line}\n{escaped}\n{line}"


def _filters() -> dict[str, Callable[[str], str]]:
    return {"py": repr, "text": escape_text, "heading": rst_heading, "argument": clean_title}


def _environment() -> jinja2.Environment:
    # No autoescape: each value is escaped for its file's syntax by an explicit filter.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    environment.filters.update(_filters())
    return environment


def _target(template: str) -> str:
    """The file a template writes: its name without the folder and ``.jinja``, ``dot-`` as ``.``."""
    name = template.split("/", 1)[1].removesuffix(".jinja")
    return "." + name.removeprefix("dot-") if name.startswith("dot-") else name


def site_files(options: SiteOptions) -> dict[str, str]:
    """The new site's files: name (relative to its folder) -> text."""
    from sphinx_workshop import __version__

    workshop = options.today + datetime.timedelta(days=180)
    context = {
        "title": clean_title(options.title),
        "copyright": f"{workshop.year}, the organizers",
        "language": options.language,
        "theme": options.theme,
        "theme_context": THEME_CONTEXT.get(options.theme, ()),
        "myst": options.format == "myst",
        "year": str(workshop.year),
        "version": __version__,
        "packages": [THEMES[options.theme], *(["myst-parser"] if options.format == "myst" else [])],
        "dates": {
            "submission": (workshop - datetime.timedelta(days=90)).isoformat(),
            "notification": (workshop - datetime.timedelta(days=45)).isoformat(),
            "camera_ready": (workshop - datetime.timedelta(days=21)).isoformat(),
            "workshop": workshop.isoformat(),
        },
    }
    environment = _environment()
    names = sorted(
        name for name in environment.list_templates() if name.startswith(("common/", f"{options.format}/"))
    )
    return {_target(name): environment.get_template(name).render(context) for name in names}


def write_site(directory: Path, options: SiteOptions) -> list[Path]:
    """Write the site's files into *directory* (made if missing) and return their paths.

    Raises :class:`ExistingFilesError` before writing anything when any of them exists.
    """
    files = site_files(options)
    paths = {directory / name: text for name, text in files.items()}
    existing = [path for path in paths if path.exists() or path.is_symlink()]
    if existing:
        raise ExistingFilesError(existing)
    directory.mkdir(parents=True, exist_ok=True)
    for path, text in paths.items():
        # "x": a file that appeared since the check above is not overwritten either.
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    return list(paths)
