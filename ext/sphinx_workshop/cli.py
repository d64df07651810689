"""The ``sphinx-workshop`` command: ``sphinx-workshop new DIR`` writes a workshop site (:mod:`.new`).

Options not given on the command line are asked for when standard input is a terminal; without one
(a script, CI) their defaults are used. A bad option is one line on standard error and exit status 2;
files that exist already are listed, nothing is written and the exit status is 1.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sphinx_workshop.new import (
    DEFAULT_TITLE,
    FORMATS,
    LANGUAGES,
    THEMES,
    ExistingFilesError,
    SiteOptions,
    clean_title,
    write_site,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

PROG = "sphinx-workshop"
_DEFAULTS = SiteOptions(title=DEFAULT_TITLE)
#: What each choice holds, for --help.
_HELP = {
    "theme": "the HTML theme",
    "language": "the site's language (Sphinx's language; the extension's messages are translated)",
    "format": "the pages' source format: MyST Markdown or reStructuredText",
}


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose error is one line: the problem and where the help is."""

    def error(self, message: str) -> NoReturn:
        """Print ``<prog>: error: <message> (see <prog> --help)`` to standard error; exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _title(value: str) -> str:
    title = clean_title(value)
    if not title:
        raise argparse.ArgumentTypeError("the title is empty")
    return title


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``sphinx-workshop`` command line."""
    parser = _Parser(prog=PROG, description="Tools for workshop sites built with Sphinx and sphinx-workshop.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new = commands.add_parser(
        "new",
        help="write a new workshop site into DIR",
        description="Write a new workshop site into DIR (made if missing): conf.py, pages (the call for "
        "papers and dates, organizers, program, accepted papers from a sample export), requirements.txt, "
        "a Makefile, .readthedocs.yaml and .gitignore. Existing files are never overwritten. Options "
        "not given are asked for in a terminal; without one their defaults are used.",
    )
    new.add_argument("directory", metavar="DIR", type=Path, help="the folder of the new site")
    new.add_argument(
        "--title",
        type=_title,
        help=f"the workshop's name (default {DEFAULT_TITLE!r}; newlines become spaces)",
    )
    for name, choices in (("theme", THEMES), ("language", LANGUAGES), ("format", FORMATS)):
        default = getattr(_DEFAULTS, name)
        new.add_argument(f"--{name}", choices=list(choices), help=f"{_HELP[name]} (default {default})")
    new.set_defaults(run=_new)
    return parser


def _ask(question: str, default: str, choices: Sequence[str] = ()) -> str:
    """Ask on the terminal until the answer is one of *choices* (any text without them), on one line;
    an empty answer is *default*."""
    listed = f" ({', '.join(choices)})" if choices else ""
    while True:
        answer = clean_title(input(f"{question}{listed} [{default}]: "))
        if not answer:
            return default
        if not choices or answer in choices:
            return answer
        print(f"Please answer one of: {', '.join(choices)}.", file=sys.stderr)


def site_options(args: argparse.Namespace, *, interactive: bool) -> SiteOptions:
    """The options of the new site: those given, then (in a terminal) answers, then the defaults."""

    def value(name: str, question: str, choices: Sequence[str] = ()) -> str:
        given: str | None = getattr(args, name)
        default: str = getattr(_DEFAULTS, name)
        if given is not None:
            return given
        return _ask(question, default, choices) if interactive else default

    return SiteOptions(
        title=value("title", "Workshop title"),
        theme=value("theme", "The HTML theme", list(THEMES)),
        language=value("language", "The site's language", LANGUAGES),
        format=value("format", "The pages' source format: MyST Markdown or reStructuredText", FORMATS),
    )


def _new(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    if directory.exists() and not directory.is_dir():
        print(f"{PROG} new: {directory} is not a folder; nothing was written", file=sys.stderr)
        return 1
    try:
        options = site_options(args, interactive=sys.stdin.isatty())
    except (EOFError, KeyboardInterrupt):
        print(f"\n{PROG} new: stopped; nothing was written", file=sys.stderr)
        return 1
    try:
        written = write_site(directory, options)
    except ExistingFilesError as exc:
        print(f"{PROG} new: these files exist already; nothing was written:", file=sys.stderr)
        for path in exc.paths:
            print(f"  {path}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{PROG} new: cannot write the site: {exc}", file=sys.stderr)
        return 1
    where = shlex.quote(str(directory))
    print(f"Wrote a {options.format} site in {options.theme} into {directory}: ", end="")
    print(", ".join(path.name for path in written) + ".")
    print("Next, install what it needs and build it (then open _build/html/index.html):")
    print(f"  python -m pip install -r {shlex.quote(str(directory / 'requirements.txt'))}")
    print(f"  make -C {where} html")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sphinx-workshop`` command line (*argv* without the program name); return the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status
