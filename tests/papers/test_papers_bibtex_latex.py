# ruff: noqa: RUF001 - the expected output has typographic dashes and Greek letters
"""Contract item 5: no LaTeX left in what readers see; math as Sphinx math; unknown commands located."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines

WARNINGS = [
    "<src>/latex.bib:31: WARNING: entry 'macro': unknown LaTeX command \\weird in title; "
    "its argument is shown as text [workshop.bibtex_latex]",
    "<src>/latex.bib:31: WARNING: entry 'macro': unknown LaTeX command \\otherweird in note; "
    "its argument is shown as text [workshop.bibtex_latex]",
]  # \weird again in 'sameunknown': once per file and command


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-latex")


def test_unknown_commands_warn_once_per_file_at_the_entry(html) -> None:
    assert warning_lines(html) == WARNINGS


def test_accents_logos_and_scholar_braces(html) -> None:
    page = soup(html)
    accents = page.select_one("#paper-accents")
    assert accents.select_one(".sw-papers-title").get_text() == (
        "Schütze, Garçon and Martínez: Ångström ßcale øver naïve cafés"
    )
    assert accents.select_one(".sw-papers-authors").get_text() == "José Martínez, Jörg Müller"
    assert accents.select_one(".sw-papers-venue").get_text() == "Proc. of the École Workshop, 2019"
    scholar = page.select_one("#paper-scholarbraces .sw-papers-venue").get_text()
    assert scholar == "13th USENIX Symposium on Networked Systems Design and Implementation (NSDI 16), 2016"
    for math in page.select("span.math"):  # MathJax's input: LaTeX on purpose
        math.decompose()
    shown = page.select_one("div.body").get_text()
    assert "\\" not in shown and "$" not in shown and "{" not in shown


def test_emphasis_and_strong(html) -> None:
    title = soup(html).select_one("#paper-emphasis .sw-papers-title")
    assert [e.get_text() for e in title.select("em")] == ["Learned", "indexes", "claims"]
    assert [s.get_text() for s in title.select("strong")] == ["strong"]
    assert title.get_text() == "Learned indexes and strong claims, Small Caps, Old Caps, mono"
    venue = soup(html).select_one("#paper-emphasis .sw-papers-venue")
    assert venue.get_text() == "Journal of TeX, LaTeX and BibTeX Users, 2020"
    assert venue.select_one("em").get_text() == "Journal"


def test_math_is_sphinx_math_or_unicode(html) -> None:
    title = soup(html).select_one("#paper-math .sw-papers-title")
    assert [m.get_text() for m in title.select("span.math")] == [r"\(O(n \log n)\)", r"\(x^2\)"]
    assert "α-approximate k nearest" in title.get_text()
    assert soup(html).select_one("#paper-math .sw-papers-venue").get_text() == "Theory, 2021"  # \noopsort


def test_preamble_macros_expand(html) -> None:
    macro = soup(html).select_one("#paper-macro")
    assert macro.select_one(".sw-papers-title").get_text() == "The Orca System and kept text again twice"
    assert macro.select_one(".sw-papers-note").get_text() == "Also noted"


def test_latex_output_has_real_math_and_styles(build_once) -> None:
    app = build_once("papers-latex", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"Sorting in \(O(n \log n)\) time with α\sphinxhyphen{}approximate k nearest" in tex
    assert (
        r"\sphinxstyleemphasis{Learned} \sphinxstyleemphasis{indexes} and \sphinxstylestrong{strong}" in tex
    )
    assert r"\noopsort" not in tex and r"\weird" not in tex


def test_text_output(build_once) -> None:
    app = build_once("papers-latex", "text")
    out = " ".join((app.outdir / "index.txt").read_text(encoding="utf-8").split())
    assert "Schütze, Garçon and Martínez: Ångström ßcale øver naïve cafés." in out
    assert "13th USENIX Symposium on Networked Systems Design and Implementation (NSDI 16), 2016." in out


def test_edges_a_lone_backslash_and_deep_groups(html) -> None:
    assert soup(html).select_one("#paper-edges").get_text() == "Trailing. 2022. deep"


@pytest.mark.parametrize(
    ("latex", "rich"),
    [
        ("\\emph {A} b", (("em", "A", ""), ("text", " b", ""))),
        ("\\emph\n{A} b", (("em", "A", ""), ("text", " b", ""))),
        ("\\' e", "é"),  # an accent's argument after a space
        ("\\c c", "ç"),
        ("\\href {https://x.org} {X}", (("link", "X", "https://x.org"),)),  # spaces between arguments
        ("\\textbf{B}\\ {C}", (("strong", "B", ""), ("text", " C", ""))),
    ],
)
def test_arguments_after_spaces(latex: str, rich: object) -> None:
    from sphinx_workshop.papers.latex import decode

    assert decode(latex) == (rich, ())


def test_preamble_definitions_of_every_form() -> None:
    """``\\newcommand``, ``\\renewcommand``, ``\\providecommand`` (what Google Scholar and DBLP exports
    put in ``@preamble``), starred or not, braced or not, and ``\\def``."""
    from sphinx_workshop.papers.latex import Macro, decode, preamble_macros

    macros = preamble_macros(
        "\\providecommand{\\noopsort}[1]{}\\newcommand{\\pair}[2]{#1 and #2}"
        "\\renewcommand*\\me{Me}\\providecommand*{\\shout}[1]{#1!}\\def\\two#1#2{#2#1}"
    )
    assert macros == {
        "noopsort": Macro(1, ""),
        "pair": Macro(2, "#1 and #2"),
        "me": Macro(0, "Me"),
        "shout": Macro(1, "#1!"),
        "two": Macro(2, "#2#1"),
    }
    assert decode("\\pair{A}{B}, \\me{} \\shout{x} \\two ab \\noopsort{a}Zed", macros) == (
        "A and B, Me x! ba Zed",
        (),
    )


def test_a_value_expands_at_most_a_hundred_macros() -> None:
    """The hundred first uses of a macro expand; past them (a definition that uses itself never ends) it
    is left out and named as unknown."""
    from sphinx_workshop.papers.latex import decode, preamble_macros

    macros = preamble_macros("\\newcommand{\\me}{M}")
    assert decode("\\me{}" * 100, macros) == ("M" * 100, ())
    assert decode("\\me{}" * 101, macros) == ("M" * 100, ("me",))


#: Every accent command of LaTeX (the sixteen of its text accents), with a base it takes and the
#: precomposed character it makes; the tie has none (two letters under one arc).
ACCENTS = {
    "`": ("a", "\u00e0"),
    "'": ("e", "\u00e9"),
    "^": ("o", "\u00f4"),
    '"': ("u", "\u00fc"),
    "~": ("n", "\u00f1"),
    "=": ("a", "\u0101"),
    ".": ("z", "\u017c"),
    "u": ("g", "\u011f"),
    "v": ("c", "\u010d"),
    "H": ("o", "\u0151"),
    "c": ("c", "\u00e7"),
    "d": ("s", "\u1e63"),
    "b": ("k", "\u1e35"),
    "t": ("oo", "o\u0361o"),
    "k": ("a", "\u0105"),
    "r": ("u", "\u016f"),
}


def _accent_forms() -> list[tuple[str, str]]:
    """Each accent as people write it: the whole accent braced (``{\\'e}``), its argument braced
    (``\\'{e}``) and bare (``\\'e``; after a letter command, a space: ``\\v c``)."""
    cases = []
    for command, (base, expected) in ACCENTS.items():
        gap = " " if command.isalpha() else ""
        forms = [f"{{\\{command}{gap}{base}}}", f"\\{command}{{{base}}}"]
        if len(base) == 1:
            forms.append(f"\\{command}{gap}{base}")
        cases.extend((form, expected) for form in forms)
    return cases


@pytest.mark.parametrize(("latex", "expected"), _accent_forms())
def test_every_accent_command_in_every_form(latex: str, expected: str) -> None:
    from sphinx_workshop.papers.latex import decode

    assert decode(latex) == (expected, ())
    assert decode(f"x{latex} y") == (f"x{expected} y", ())  # nothing before or after is taken


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        ("\\'{\\i}", "\u00ed"),  # the dotless i and j as bases: the accent replaces the dot
        ('\\"{\\i}', "\u00ef"),
        ("{\\`\\i}", "\u00ec"),
        ("\\^{\\i}", "\u00ee"),
        ("\\~{\\i}", "\u0129"),
        ("\\={\\i}", "\u012b"),
        ("\\u{\\i}", "\u012d"),
        ("\\^{\\j}", "\u0135"),
        ("\\^\\j", "\u0135"),
        ("\\.I", "\u0130"),  # capitals
        ("\\c{S}", "\u015e"),
        ("\\r{A}", "\u00c5"),
        ("\\H{U}", "\u0170"),
        ("\\k{E}", "\u0118"),
        ("Erd\\H{o}s", "Erd\u0151s"),  # in names
        ("Ku\\v{c}era", "Ku\u010dera"),
        ("{\\L}ukasiewicz and Ng{\\~u}y{\\~{\\^e}}n", "\u0141ukasiewicz and Ng\u0169y\u1ec5n"),
        ("\\t{ts}", "t\u0361s"),
    ],
)
def test_accents_over_dotless_letters_capitals_and_in_words(latex: str, expected: str) -> None:
    from sphinx_workshop.papers.latex import decode

    assert decode(latex) == (expected, ())


@pytest.mark.parametrize(
    ("latex", "rich", "unknown"),
    [
        ("Caf{\\'{\\i}}", "Cafí", ()),  # the dotless i takes the accent
        ("\\v{\\j}", "ǰ", ()),
        ("\\'\\i", "í", ()),
        ("\\emph{A}\\emph{B}", (("em", "AB", ""),), ()),  # one emphasis, not two
        ("\\emph{A} \\textbf{B}", (("em", "A", ""), ("text", " ", ""), ("strong", "B", "")), ()),
        ("{\\em x} y", (("em", "x", ""), ("text", " y", "")), ()),
        ("\\textit{a{b}c}", (("em", "abc", ""),), ()),
        ("x \\emph{y}", (("text", "x ", ""), ("em", "y", "")), ()),
        ("$\\alpha$", "α", ()),
        ("$\\Gamma$", "Γ", ()),  # a capital Greek letter is a letter too, not math
        ("$\\o$", "ø", ()),  # another one-command math is a letter when latexcodec knows it
        ("$\\infty$", (("math", "\\infty", ""),), ()),  # and math when it does not
        ("$x^2$", (("math", "x^2", ""),), ()),
        ("\\textbf{$x$}", (("strong", "x", ""),), ()),
        ("\\doi{10.1/x}", (("link", "doi:10.1/x", "https://doi.org/10.1/x"),), ()),
        ("\\url{https://a.org/~x}", (("link", "https://a.org/~x", "https://a.org/~x"),), ()),
        (
            "\\href{https://a.org}{A}\\href{https://b.org}{B}",  # two links stay two
            (("link", "A", "https://a.org"), ("link", "B", "https://b.org")),
            (),
        ),
        ("\\unknowncmd{Arg} z", "Arg z", ("unknowncmd",)),
        ("\\TeX\\ and \\LaTeX", "TeX and LaTeX", ()),
        ("\\textsc{Small Caps} {\\tt mono} \\mbox{A B}", "Small Caps mono A B", ()),
        ("$\\{$USENIX$\\}$", "USENIX", ()),
        ("\\emph{}", "", ()),
        ("  lead", "lead", ()),
        ("`single' and ``double''", "\u2018single\u2019 and \u201cdouble\u201d", ()),  # LaTeX's quotes
        ("`x' alone", "\u2018x\u2019 alone", ()),
        ("it's", "it's", ()),  # a lone apostrophe is left as written
    ],
)
def test_decoded_text(latex: str, rich: object, unknown: tuple[str, ...]) -> None:
    from sphinx_workshop.papers.latex import decode

    assert decode(latex) == (rich, unknown)
