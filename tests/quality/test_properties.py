"""Property-based tests (hypothesis): whatever a project writes in the extension's directives and roles,
no exception escapes the extension and no generated text reaches the HTML unescaped.

Each example writes one reStructuredText page (the directives work in rST as in MyST; rST has no raw
HTML of its own, so any element in the output comes from the extension) holding many generated items,
builds it with a fresh Sphinx app, and checks the page: no element the generated text tried to inject,
no ``javascript:`` link, JSON-LD that parses, and no file written outside the output folder.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostilekit import BUILDERS, check_outputs
from hostilekit import build as hostile_build
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from kit import parse
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
    # No "explain" phase: it re-runs whole builds many times for a line-coverage note. Shrinking a
    # failure can take minutes (every step is a build): WORKSHOP_NO_SHRINK=1 reports it unshrunk.
    phases=[Phase.explicit, Phase.reuse, Phase.generate]
    + ([] if os.environ.get("WORKSHOP_NO_SHRINK") else [Phase.shrink]),
)

#: Every injection tries to create an element with id "pwn" (or a javascript: link).
PAYLOADS = [
    "<b id=pwn>",
    "<b/id=pwn>",
    '"><b id=pwn>',
    "'><b id=pwn>",
    "</a><b id=pwn>",
    "</script><b id=pwn>",
    "<script id=pwn>alert(1)</script>",
    "<img/id=pwn/src=x/onerror=alert(1)>",
    "]]><b id=pwn>",
    "&lt;b id=pwn&gt;",
    "&#60;b id=pwn&#62;",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<b id=pwn>",
    "{{7*7}}",
    "%(x)s{0}",
    "\u202e\u0000",
]

#: Text on one line: no control characters (rST and MyST would end the option there), no surrogates.
_chars = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))
_plain = st.text(_chars, max_size=30)
_long = st.builds(lambda unit, n: unit * n, st.text(_chars, min_size=1, max_size=4), st.integers(200, 1500))
TEXT = st.one_of(
    _plain,
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, p, b: f"{a}{p}{b}", _plain, st.sampled_from(PAYLOADS), _plain),
    _long,
).map(lambda s: s.replace("\x00", "").strip())
#: Text that can sit inside an rST role (no backquote, no backslash) or be a directive's one argument.
ROLE_TEXT = TEXT.map(lambda s: s.replace("`", "'").replace("\\", "/"))
#: Markup content (a schedule item, a bio): docutils itself links any "scheme:..." it sees in text, as
#: the author asked; the extension is tested on what it builds, so no colon here.
BODY_TEXT = ROLE_TEXT.map(lambda s: s.replace(":", ";"))
WORD = ROLE_TEXT.map(lambda s: "".join(s.split()) or "k")
URLISH = st.one_of(
    TEXT, st.sampled_from(["https://example.org/<b id=pwn>", "http://x", "mailto:a@b", "ftp://x"])
)


def _option_lines(options: dict[str, str], indent: str = "   ") -> str:
    return "".join(f"{indent}:{name}: {value}\n" for name, value in options.items())


def _directive(name: str, argument: str, options: dict[str, str], body: str = "") -> str:
    head = f".. {name}:: {argument}".rstrip()
    text = f"{head}\n{_option_lines(options)}"
    if body:
        text += "\n" + "".join(f"   {line}\n" for line in body.splitlines())
    return text + "\n"


def build(files: dict[str, str]) -> tuple[BeautifulSoup, str, Path]:
    """Build a project of *files* (``index.rst`` and others) with the extension; the page and warnings."""
    with tempfile.TemporaryDirectory(prefix="workshop-prop-") as tmp:
        root = Path(tmp)
        src = root / "project" / "src"
        src.mkdir(parents=True)
        (src / "conf.py").write_text('extensions = ["sphinx_workshop"]\nhtml_theme = "basic"\n')
        for name, text in files.items():
            (src / name).write_text(text, encoding="utf-8")
        before = {p.relative_to(root) for p in root.rglob("*")}
        app = SphinxTestApp(
            "html", srcdir=src, builddir=root / "project" / "build", status=StringIO(), warning=StringIO()
        )
        try:
            app.build()
            html = (app.outdir / "index.html").read_text(encoding="utf-8")
            warnings = strip_escape_sequences(app.warning.getvalue())
        finally:
            app.cleanup()
        outside = {
            p.relative_to(root)
            for p in root.rglob("*")
            if not p.is_relative_to(root / "project" / "build") and p.relative_to(root) not in before
        }
        assert not outside, f"the build wrote outside its output folder: {sorted(map(str, outside))}"
    return parse(html), warnings, root


def assert_nothing_injected(page: BeautifulSoup, warnings: str) -> None:
    """No element made of generated text, no javascript: link, parseable JSON-LD, no traceback."""
    assert page.select("[id=pwn], [onerror]") == [], [
        str(el)[:200] for el in page.select("[id=pwn], [onerror]")
    ]
    scripts = [s for s in page.find_all("script") if s.get("type") != "application/ld+json" and s.string]
    assert all("alert(1)" not in s.string for s in scripts)
    for tag in page.find_all(href=True) + page.find_all(src=True):
        link = (tag.get("href") or tag.get("src") or "").strip().lower()
        assert not link.startswith(("javascript:", "data:", "vbscript:")), str(tag)[:200]
    for script in page.find_all("script", type="application/ld+json"):
        text = script.string or ""
        assert "</" not in text and "<b" not in text
        json.loads(text)
    assert "Traceback" not in warnings


# --- papers -----------------------------------------------------------------------------------------

PAPER_OPTION = st.sampled_from(["title", "url", "authors", "venue", "year", "doi", "arxiv", "note", "colour"])
PAPER = st.tuples(WORD, st.dictionaries(PAPER_OPTION, URLISH, max_size=9))


@SETTINGS
@given(
    papers=st.lists(PAPER, min_size=1, max_size=5),
    cites=st.lists(ROLE_TEXT, max_size=5),
    listing=st.dictionaries(
        st.sampled_from(["style", "sort", "order", "cited-only", "bibfile"]), TEXT, max_size=3
    ),
)
def test_paper_entries_and_citations(papers, cites, listing) -> None:
    keys = [key for key, _ in papers]
    body = "Title\n=====\n\n"
    for key, options in papers:
        body += _directive("paper", key, options)
    roles = [f":cite:`{c}`" for c in cites] + [f":cite:`{k}`" for k in keys] + [f":paper:`{keys[0]}`"]
    roles += [f":paper:`{c} <{keys[-1]}>`" for c in cites[:2] if c and "<" not in c]
    body += "Text " + " and ".join(roles) + ".\n\n"
    body += _directive("references", "", listing)
    page, warnings, _ = build({"index.rst": body})
    assert_nothing_injected(page, warnings)


# --- BibTeX -----------------------------------------------------------------------------------------

BIB_FIELD = st.sampled_from(
    ["title", "author", "url", "year", "doi", "note", "journal", "eprint", "booktitle"]
)
BIB_VALUE = st.one_of(
    TEXT, st.sampled_from([r"{\'E}t{\"u}de", r"$x^2$ \emph{y}", "{unbalanced", "a}b", r"\url{x}"])
)


def _bib_entry(kind: str, key: str, fields: dict[str, str]) -> str:
    lines = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@{kind}{{{key},\n{lines}\n}}\n"


@SETTINGS
@given(
    entries=st.lists(
        st.tuples(
            st.sampled_from(["misc", "article", "inproceedings", "book", "weird"]),
            WORD,
            st.dictionaries(BIB_FIELD, BIB_VALUE, max_size=6),
        ),
        min_size=1,
        max_size=5,
    ),
    garbage=st.one_of(st.just(""), TEXT, st.sampled_from(["@misc{", "@misc{x,\n title = {a}", "@@@", "}{"])),
)
def test_bibtex_text(entries, garbage) -> None:
    bib = "".join(_bib_entry(*entry) for entry in entries) + garbage + "\n"
    cites = " ".join(f":cite:`{key}`" for _, key, _ in entries)
    body = f"Title\n=====\n\nText {cites}.\n\n" + _directive("references", "", {"bibfile": "refs.bib"})
    page, warnings, _ = build({"index.rst": body, "refs.bib": bib})
    assert_nothing_injected(page, warnings)


# --- people -----------------------------------------------------------------------------------------

PERSON_OPTION = st.sampled_from(
    ["affiliation", "twitter", "photo", "homepage", "github", "mastodon", "bluesky", "scholar", "colour"]
)
PERSON = st.tuples(
    st.sampled_from(["organizer", "speaker"]),
    ROLE_TEXT.map(lambda s: " ".join(s.split())),
    st.dictionaries(PERSON_OPTION, URLISH, max_size=9),
    st.one_of(st.just(""), BODY_TEXT),
)


@SETTINGS
@given(people=st.lists(PERSON, min_size=1, max_size=5), grid_class=st.one_of(st.just(""), TEXT))
def test_people_cards(people, grid_class) -> None:
    body = "Title\n=====\n\n"
    cards = "".join(_directive(kind, name, options, bio) for kind, name, options, bio in people)
    grid_options = {"class": grid_class} if grid_class else {}
    body += _directive("organizers", "", grid_options) + "".join(
        "   " + line + "\n" if line else "\n" for line in cards.splitlines()
    )
    body += "\nSee " + ", ".join(f":person:`{name}`" for _, name, _, _ in people if name) + ".\n"
    page, warnings, _ = build({"index.rst": body})
    assert_nothing_injected(page, warnings)


# --- schedule and event -----------------------------------------------------------------------------

CLOCK = st.one_of(
    st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 29), st.integers(0, 70)),
    TEXT.map(lambda s: s.replace("|", "/")),
)
DATE = st.one_of(st.dates().map(str), TEXT)
ZONE = st.one_of(
    st.sampled_from(["America/Los_Angeles", "UTC", "Asia/Tokyo", "../../etc/passwd", "Mars/Olympus"]), TEXT
)


@SETTINGS
@given(
    options=st.fixed_dictionaries(
        {"date": DATE, "timezone": ZONE},
        optional={
            "end": CLOCK,
            "ics": st.one_of(TEXT, st.just("../../escape.ics")),
            "title": TEXT,
            "colour": TEXT,
        },
    ),
    items=st.lists(st.tuples(CLOCK, BODY_TEXT), min_size=1, max_size=6),
    event=st.fixed_dictionaries(
        {},
        optional={
            "start": st.one_of(st.just("2020-12-12T09:00"), TEXT),
            "end": st.one_of(st.just("2020-12-12T17:50"), TEXT),
            "timezone": ZONE,
            "url": URLISH,
            "attendance": st.one_of(st.sampled_from(["online", "offline", "mixed"]), TEXT),
            "location": TEXT,
            "colour": TEXT,
        },
    ),
    event_name=WORD,
    organizer=ROLE_TEXT.map(lambda s: " ".join(s.split()) or "Ann"),
)
def test_schedule_and_event(options, items, event, event_name, organizer) -> None:
    lines = "\n".join(f"{clock} | {text}" for clock, text in items)
    body = "Title\n=====\n\n" + _directive("schedule", "", options, lines)
    body += _directive("event", event_name, event, "A description.")
    body += _directive("organizer", organizer, {"affiliation": "Lab"})
    page, warnings, _ = build({"index.rst": body})
    assert_nothing_injected(page, warnings)


# --- whole pages: every directive and role, every builder -------------------------------------------

#: Control characters that stay on their line (str.splitlines() breaks at \n, \r, \x0b, \x0c, \x1c-\x1e).
CONTROLS = "".join(chr(c) for c in [*range(0, 9), 0x0E, 0x0F, *range(0x10, 0x1C), 0x1F, 0x7F])
_hostile_chars = st.one_of(_chars, st.sampled_from(CONTROLS))
HOSTILE = st.one_of(
    st.text(_hostile_chars, max_size=20),
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, p: f"{a}{p}", st.text(_hostile_chars, max_size=8), st.sampled_from(PAYLOADS)),
).map(lambda s: s.replace("\x00", "\x01").strip() or "x")
#: Text for a role or an argument: no backquote, no backslash, no "|" (a schedule's separator), no ":".
INLINE = HOSTILE.map(lambda s: s.replace("`", "'").replace("\\", "/").replace("|", "/").replace(":", ";"))
#: Markup content (a bio, a schedule line, a description): MyST passes raw HTML through by design, as
#: the author wrote it, so no "<" there; options, arguments and role text keep every payload.
BODY = INLINE.map(lambda s: s.replace("<", "(").replace("&", "+"))
SCHEMES = [
    "https",
    "http",
    "mailto",
    "javascript",
    "JaVaScRiPt",
    "data",
    "vbscript",
    "file",
    "ftp",
    "ws",
    "x",
]
URL = st.one_of(
    st.builds(
        lambda scheme, host, port, path: f"{scheme}://{host}{port}/{path}",
        st.sampled_from(SCHEMES),
        st.sampled_from(
            ["example.org", "%00", "[::1", "[2001:db8::1]", "-bad-", "a..b", "300.1.1.1", "u:p@x.org"]
        ),
        st.sampled_from(["", ":443", ":abc", ":0", ":99999", ":"]),
        st.text(_hostile_chars, max_size=10).map(lambda s: s.replace("\\", "/")),
    ),
    st.builds(
        lambda c, u: c + u, st.sampled_from(["", "\x01", " ", "\x1b"]), st.just("https://example.org/")
    ),
    st.sampled_from(["mailto:a@example.org", "mailto:nobody", "javascript:alert(1)", "//example.org/"]),
)
EXTREME_DATES = st.one_of(
    st.sampled_from(["0001-01-01", "9999-12-31", "2011-12-30", "2011-12-29", "2021-03-14", "2020-02-29"]),
    st.dates().map(str),
    HOSTILE,
)
ZONES = st.one_of(
    st.sampled_from(
        [
            "UTC",
            "Pacific/Apia",
            "Pacific/Kiritimati",
            "Asia/Tokyo",
            "America/Los_Angeles",
            "Etc/GMT+12",
            "right/UTC",
            "posix/Europe/Paris",
            "localtime",
            "posixrules",
            "Factory",
            "../../etc/passwd",
        ]
    ),
    HOSTILE,
)
CLOCKS = st.one_of(
    st.sampled_from(["00:00", "00:30", "09:00", "12:00", "23:50", "23:59", "24:00", "9:5"]), INLINE
)
MOMENTS = st.one_of(
    st.builds(lambda d, c: f"{d}T{c}", EXTREME_DATES, CLOCKS),
    st.sampled_from(["9999-12-31T23:00-05:00", "0001-01-01T00:00+05:00", "2020-12-12T09:00Z"]),
    HOSTILE,
)
OPTION_VALUE = st.one_of(HOSTILE, URL)


def _options(
    names: list[str], values: st.SearchStrategy[str] = OPTION_VALUE
) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from([*names, "colour"]), values, max_size=len(names) + 1)


@st.composite
def whole_page(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """(markup, files): a page of either markup mixing every directive and role, and its .bib file."""
    keys = draw(st.lists(st.text("abcxyz0123_-,", min_size=1, max_size=6), min_size=1, max_size=4))
    names = draw(st.lists(INLINE.map(lambda s: " ".join(s.split()) or "Ann"), min_size=1, max_size=3))
    papers = [
        (
            "paper",
            key,
            draw(_options(["title", "url", "authors", "venue", "year", "doi", "arxiv", "note"])),
            "",
        )
        for key in keys
    ]
    references = (
        "references",
        "",
        {"bibfile": "refs.bib", **draw(_options(["order", "style", "sort", "cited-only"]))},
        papers,
    )
    cards = [
        (
            draw(st.sampled_from(["organizer", "speaker"])),
            name,
            draw(
                _options(
                    [
                        "affiliation",
                        "twitter",
                        "photo",
                        "homepage",
                        "github",
                        "mastodon",
                        "bluesky",
                        "scholar",
                    ]
                )
            ),
            draw(BODY),
        )
        for name in names
    ]
    lines = draw(st.lists(st.tuples(CLOCKS, BODY), min_size=1, max_size=5))
    schedule_body = "\n".join(f"{clock} | {text}" for clock, text in lines)
    if draw(st.booleans()):
        schedule_body += "\n  - " + draw(BODY)
    schedule = (
        "schedule",
        "",
        {"date": draw(EXTREME_DATES), "timezone": draw(ZONES), **draw(_options(["end", "ics", "title"]))},
        schedule_body,
    )
    event = (
        "event",
        draw(INLINE),
        {
            "start": draw(MOMENTS),
            "end": draw(MOMENTS),
            "timezone": draw(ZONES),
            **draw(_options(["url", "attendance", "location"])),
        },
        draw(BODY),
    )
    roles = [
        ("cite", ",".join(keys)),
        ("paper", keys[0]),
        ("cite", draw(INLINE)),
        *(("person", n) for n in names),
    ]
    bib = "".join(
        f"@misc{{bib{i},\n  title = {{{draw(HOSTILE)}}},\n  url = {{{draw(URL)}}},\n"
        f"  year = {{{draw(HOSTILE)}}}\n}}\n"
        for i in range(draw(st.integers(0, 2)))
    ).replace("\x01", "\x1b")
    markup = draw(st.sampled_from(["rst", "md"]))
    return _render(markup, [references, ("organizers", "", {}, cards), schedule, event], roles), {
        "refs.bib": bib,
        "markup": markup,
    }


def _render(markup: str, blocks: list, roles: list[tuple[str, str]]) -> str:
    if markup == "md":
        text = "# A hostile page\n\n" + " ".join(f"{{{r}}}`{t}`" for r, t in roles) + "\n\n"
        for name, argument, options, body in blocks:
            text += _md_directive(name, argument, options, body, depth=4) + "\n"
        return text
    text = "A hostile page\n==============\n\n" + " ".join(f":{r}:`{t}`" for r, t in roles) + "\n\n"
    for name, argument, options, body in blocks:
        text += _rst_directive(name, argument, options, body, indent="") + "\n"
    return text


def _md_directive(name: str, argument: str, options: dict[str, str], body, depth: int) -> str:
    fence = ":" * depth
    text = f"{fence}{{{name}}} {argument}".rstrip() + "\n"
    text += "".join(f":{key}: {value}\n" for key, value in options.items())
    if isinstance(body, list):
        text += "\n" + "".join(_md_directive(*child, depth=depth - 1) for child in body)
    elif body:
        text += "\n" + body + "\n"
    return text + fence + "\n"


def _rst_directive(name: str, argument: str, options: dict[str, str], body, indent: str) -> str:
    text = f"{indent}.. {name}:: {argument}".rstrip() + "\n"
    text += "".join(f"{indent}   :{key}: {value}\n" for key, value in options.items())
    if isinstance(body, list):
        text += "\n" + "\n".join(_rst_directive(*child, indent=indent + "   ") for child in body)
    elif body:
        text += "\n" + "".join(f"{indent}   {line}\n" for line in body.splitlines())
    return text


WHOLE_PAGE_SETTINGS = settings(SETTINGS, max_examples=int(os.environ.get("WORKSHOP_PAGE_EXAMPLES", "15")))
_LOCATED = re.compile(r"^\S[^:]*:\d+: WARNING: .* \[workshop\.[a-z_]+\]$")


@pytest.mark.parametrize("builder", BUILDERS)
@WHOLE_PAGE_SETTINGS
@given(page=whole_page())
def test_whole_pages_with_every_builder(page, builder) -> None:
    markup, files = page
    markup_kind = files.pop("markup")
    with tempfile.TemporaryDirectory(prefix="workshop-page-") as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'
            'html_theme = "basic"\ncopyright = "2020"\nversion = "1"\n'
        )
        (src / f"index.{markup_kind}").write_text(markup, encoding="utf-8")
        for name, text in files.items():
            (src / name).write_text(text, encoding="utf-8")
        result = hostile_build(src, Path(tmp) / "out", builder)
        check_outputs(result)
        for line in result.warnings:
            if "[workshop." in line:
                assert _LOCATED.match(line), line  # every warning of the extension names its file and line
        if builder in ("html", "dirhtml", "singlehtml"):
            html = (result.outdir / "index.html").read_text(encoding="utf-8")
            assert_nothing_injected(parse(html), "\n".join(result.warnings))
