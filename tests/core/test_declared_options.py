"""Declared options (issue 27): every directive has an ``option_spec``; a misused option is a located
``workshop.*`` warning and never drops the directive; MyST's late line numbers are put back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils.parsers.rst import directives
from kit import warning_lines

from sphinx_workshop.directive_base import OptionSpec, Problem, WorkshopDirective, expecting
from sphinx_workshop.papers.domain import PapersDomain
from sphinx_workshop.people.domain import PeopleDomain
from sphinx_workshop.schedule.domain import ScheduleDomain

CONF = 'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'


def _all_directives() -> dict[str, type]:
    found = {}
    for domain in (PapersDomain, PeopleDomain, ScheduleDomain):
        found.update(domain.directives)
    return found


def test_every_directive_declares_its_options() -> None:
    found = _all_directives()
    assert {"references", "paper", "footreferences", "organizers", "organizer", "speaker"} <= set(found)
    for name, directive in found.items():
        assert issubclass(directive, WorkshopDirective), name
        assert isinstance(directive.option_spec, OptionSpec), name
    assert found["organizers"].option_spec.converters == {"class": directives.class_option}
    assert found["references"].option_spec.converters["cited-only"] is directives.flag


def test_a_converter_never_raises() -> None:
    spec = OptionSpec({"n": expecting(directives.positive_int, "a positive integer"), "f": directives.flag})
    assert spec["n"]("3") == 3
    assert spec["n"]("0") == Problem("n", "0", "expected a positive integer")
    assert spec["n"](None) == Problem("n", "", "expected a positive integer")
    assert spec["f"](None) is None
    assert spec["f"]("yes") == Problem("f", "yes", 'no argument is allowed; "yes" supplied')
    assert spec["colour"](" red\x00 ") == Problem(
        "colour", "red", ""
    )  # undeclared: cleaned, never a KeyError
    assert "colour" not in spec and bool(OptionSpec({}))


def _build(make_app, tmp_path: Path, name: str, text: str) -> list[str]:
    (tmp_path / "conf.py").write_text(CONF, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    return [line for line in warning_lines(app, src="") if "[workshop." in line]


def test_myst_lines_right_after_a_fence(make_app, tmp_path: Path) -> None:
    """MyST numbers a directive right after the fence around it one line late; ours warn at their own line."""
    page = (
        "# Cards\n"
        "\n"
        "::::{note}\n"
        ":::{organizer} Ann Lee\n"
        ":colour: red\n"
        ":::\n"
        "::::\n"
        "\n"
        "::::{organizers}\n"
        ":::{organizer} Bo Kim\n"
        ":twitter: @no way\n"
        ":::\n"
        "::::\n"
    )
    assert _build(make_app, tmp_path, "index.md", page) == [
        "index.md:5: WARNING: unknown option :colour: of the organizer directive (known: affiliation, photo, "
        "twitter, homepage, github, scholar, mastodon, bluesky, orcid, linkedin); it is ignored "
        "[workshop.unknown_option]",
        "index.md:11: WARNING: invalid :twitter: '@no way' for 'Bo Kim' (expected 1 to 15 letters, digits or "
        "underscores, with or without a leading @, or a profile URL such as https://x.com/name); "
        "it is left out [workshop.bad_handle]",
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("index.md", "# T\n\n:::{organizers}\n---\nclass: a\nclass: b\n---\n:::\n"),
        ("index.md", "# T\n\n:::{organizers}\n:class: a\n:class: b\n:::\n"),
    ],
    ids=["yaml", "fields"],
)
def test_myst_keeps_the_last_of_a_repeated_option_and_says_so(make_app, tmp_path: Path, name, text) -> None:
    line = 6 if "---" in text else 5
    assert _build(make_app, tmp_path, name, text) == [
        f"index.md:{line}: WARNING: option :class: of the organizers directive is given again (first at line "
        f"{line - 1}); the last value is used; give all its values in one :class: [workshop.duplicate_option]"
    ]


def test_rst_options_warn_at_their_lines_and_the_directive_renders(make_app, tmp_path: Path) -> None:
    page = (
        "T\n=\n\n"
        ".. organizers:: stray text\n"
        "   :class: a b\n"
        "   :colour:\n"
        "      red\n"
        "\n"
        "   .. organizer:: Ann Lee\n"
        "      :affiliation: Lab\n"
    )
    assert _build(make_app, tmp_path, "index.rst", page) == [
        "index.rst:6: WARNING: unknown option :colour: of the organizers directive (known: class); "
        "it is ignored [workshop.unknown_option]",
        "index.rst:4: WARNING: the organizers directive takes no argument; 'stray text' is ignored "
        "[workshop.bad_argument]",
    ]
    html = (tmp_path / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert 'class="sw-person-grid a b docutils container"' in html and "Ann Lee" in html


def test_rst_an_option_value_going_on_over_lines_is_not_an_option(make_app, tmp_path: Path) -> None:
    """A value's next line that reads like ``(name: ...)`` is the value's, not an option ``name``: the
    warning about ``:start:`` is at its own line."""
    page = (
        "T\n=\n\n"
        ".. event:: Systems Workshop\n"
        "   :start: 2020-13-01T09:00\n"
        "   :location: Hall A\n"
        "      (start: doors open at 08:30)\n"
    )
    assert _build(make_app, tmp_path, "index.rst", page) == [
        "index.rst:5: WARNING: :start: '2020-13-01T09:00' does not exist (month must be in 1..12) "
        "[workshop.bad_date]"
    ]
