"""Entry styles: how the fields of one paper become the docutils nodes of its entry.

A style is a function ``(entry: Entry) -> list[nodes.Node]``, registered under a name with
:func:`register_style`; ``papers_style`` (conf.py) names the project's, ``:entry-style:`` one
list's. :class:`Entry` gives the parts every style needs (title, names, venue, date, identifiers,
note) as nodes or text, so a style only decides their order and punctuation. Two ship:
``title-first`` (the site's: title, authors, venue and year) and ``author-first`` (in the manner
of the ACM reference format: authors, year, title, "In" venue).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from sphinx_workshop.diagnostics import doc_line, warn
from sphinx_workshop.i18n import _
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.papers.latex import Rich, plain
from sphinx_workshop.papers.resolvers import resolver_url

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.papers.records import PaperRecord

_IN_TYPES = frozenset({
    "inproceedings", "conference", "incollection", "inbook", "bookinbook", "suppbook", "suppcollection",
    "inreference", "suppperiodical", "article",
})  # fmt: skip
#: The name of a thesis or report kind, by BibTeX entry type or biblatex ``type`` (translated when shown).
_KINDS = {
    "phdthesis": "PhD thesis",
    "mastersthesis": "Master's thesis",
    "mathesis": "Master's thesis",
    "bathesis": "Bachelor's thesis",
    "candthesis": "Candidate thesis",
    "thesis": "Thesis",
    "techreport": "Technical report",
    "resreport": "Research report",
    "report": "Report",
}


def _kind_name(kind: str) -> str:
    # literal calls, so that the message catalog extraction finds every name
    names = {
        "PhD thesis": _("PhD thesis"),
        "Master's thesis": _("Master's thesis"),
        "Bachelor's thesis": _("Bachelor's thesis"),
        "Candidate thesis": _("Candidate thesis"),
        "Thesis": _("Thesis"),
        "Technical report": _("Technical report"),
        "Research report": _("Research report"),
        "Report": _("Report"),
    }
    return str(names[_KINDS[kind]])


logger = logging.getLogger(__name__)
_RANGE = re.compile("[-,\u2013\u2014]")


def rich_nodes(rich: Rich) -> list[nodes.Node]:
    """Rich text as inline nodes: text, emphasis, strong, math (``nodes.math``) and links (http(s))."""
    if isinstance(rich, str):
        return [nodes.Text(rich)] if rich else []
    out: list[nodes.Node] = []
    for kind, text, target in rich:
        if kind == "em":
            out.append(nodes.emphasis(text, text))
        elif kind == "strong":
            out.append(nodes.strong(text, text))
        elif kind == "math":
            out.append(nodes.math(text, text))
        elif kind == "link" and is_safe_url(target, schemes=frozenset({"http", "https"})):
            out.append(nodes.reference(text, text, refuri=target))
        else:
            out.append(nodes.Text(text))
    return out


def _join(parts: Sequence[Rich], separator: str) -> Rich:
    """Rich texts joined with *separator*."""
    if not any(isinstance(part, tuple) for part in parts):
        return separator.join(map(str, parts))  # str(): a translated string is a lazy proxy
    segments: list[tuple[str, str, str]] = []
    for index, part in enumerate(parts):
        if index:
            segments.append(("text", separator, ""))
        segments.extend(part if isinstance(part, tuple) else [("text", str(part), "")])
    return tuple(segments)


def _ordinal(value: str) -> str:
    number = int(value)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _names(names: Sequence[str], last: str) -> str:
    """``A``, ``A and B``, ``A, B, and C`` (*last* is the word before the last name: "and")."""
    if len(names) < 3 or names[-1] == "et al.":
        return f" {last} ".join(names) if names[-1] != "et al." else ", ".join(names[:-1]) + " " + _("et al.")
    return ", ".join(names[:-1]) + f", {last} " + names[-1]


class Entry:
    """The parts of one paper's entry, for a style to arrange."""

    def __init__(self, record: PaperRecord) -> None:
        self.record = record
        self.fields: dict[str, Rich] = dict(record.fields)

    def field(self, name: str) -> Rich:
        """A field's rich text ("" if absent)."""
        return self.fields.get(name, "")

    # -- the parts ------------------------------------------------------------------------
    def title(self) -> nodes.Element:
        """The title (with its subtitle), linked to the paper's url when it has one."""
        title = self.field("title") or self.record.title
        parts = [title] + [self.field(n) for n in ("subtitle",) if self.field(n)]
        rich = _join(parts, ": ")
        if self.field("titleaddon"):
            rich = _join([rich, self.field("titleaddon")], ". ")
        if self.record.url and is_safe_url(self.record.url):
            node: nodes.Element = nodes.reference("", "", refuri=self.record.url, classes=["sw-papers-title"])
        else:
            node = nodes.inline("", "", classes=["sw-papers-title"])
        for child in rich_nodes(rich):  # a link inside the title would nest links: its text only
            node += nodes.Text(child.astext()) if isinstance(child, nodes.reference) else child
        return node

    def names(self, conjunction: str = ",") -> str:
        """The authors; with none, the editors marked "(ed.)" or "(eds.)"; "" if neither."""
        names = self.record.authors or self.record.editors
        if not names:
            return ""
        if conjunction != ",":
            shown = _names(names, conjunction)
        elif names[-1] == "et al." and len(names) > 1:
            shown = ", ".join(names[:-1]) + " " + _("et al.")
        else:
            shown = ", ".join(names)
        if not self.record.authors:
            shown += " " + (_("(ed.)") if len(names) == 1 else _("(eds.)"))
        return shown

    def container(self) -> Rich:
        """The journal or book the paper is part of (for a ``paper`` directive, its venue)."""
        if not self.record.type:
            return self.record.venue
        for name, sub in (("journal", "journalsubtitle"), ("booktitle", "booksubtitle")):
            if self.field(name):
                return (
                    _join([self.field(name), self.field(sub)], ": ") if self.field(sub) else self.field(name)
                )
        return ""

    def details(self, numbering: bool = True) -> list[Rich]:
        """Every other field of the venue, in the order of the usual BibTeX styles.

        *numbering* False leaves out volume, number and pages (a style that shows them bare).
        """
        f, kind, parts = self.field, self.record.type, []
        if f("maintitle"):
            parts.append(
                _join([f("maintitle"), f("mainsubtitle")], ": ") if f("mainsubtitle") else f("maintitle")
            )
        if f("eventtitle"):
            parts.append(f("eventtitle"))
        if self.record.authors and self.record.editors:
            editors = ", ".join(self.record.editors)
            parts.append(f"{editors} " + (_("(ed.)") if len(self.record.editors) == 1 else _("(eds.)")))
        label = self._kind_label()
        number_used = False
        if label:
            if kind in {"techreport", "report"} and f("number"):
                label, number_used = _join([label, f("number")], " "), True
            parts.append(label)
        for name in ("school", "institution", "organization"):
            if f(name):
                parts.append(f(name))
        if f("series"):
            parts.append(f("series"))
        if f("volume") and numbering:
            parts.append(_join([_("vol."), f("volume")], " "))
        if f("volumes"):
            parts.append(_join([f("volumes"), _("vols.")], " "))
        if f("part"):
            parts.append(_join([_("part"), f("part")], " "))
        if f("number") and not number_used and numbering:
            parts.append(_join([_("no."), f("number")], " "))
        if f("issue"):
            parts.append(f("issue"))
        if f("chapter"):
            parts.append(_join([_("chap."), f("chapter")], " "))
        if f("pages") and numbering:
            pages = f("pages")
            prefix = _("pp.") if _RANGE.search(plain(pages)) else _("p.")
            parts.append(_join([prefix, pages], " "))
        if f("edition"):
            edition = plain(f("edition"))
            parts.append(
                _("{} edition").format(_ordinal(edition) if edition.isdigit() else edition)
                if "ed" not in edition.lower()
                else f("edition")
            )
        for name in ("howpublished", "publisher", "address"):
            if f(name):
                parts.append(f(name))
        return parts

    def _kind_label(self) -> Rich:
        kind, given = self.record.type, self.field("type")
        key = plain(given).strip().lower()
        if kind in {"phdthesis", "mastersthesis", "thesis", "techreport", "report"}:
            if key in _KINDS:  # a known type= value (biblatex's "phdthesis", "techreport")
                return _kind_name(key)
            return given or _kind_name(kind)
        return given

    def date(self) -> str:
        """``Month Year``, ``Year`` or ""."""
        month = plain(self.field("month"))
        return f"{month} {self.record.year}".strip() if self.record.year else month

    def identifiers(self) -> list[nodes.Node]:
        """DOI, arXiv and other eprint links (text when the resolver is not well known)."""
        out: list[nodes.Node] = []
        record = self.record
        if record.doi:
            out.append(_link(f"doi:{record.doi}", resolver_url("doi", record.doi), "sw-papers-doi"))
        if record.arxiv:
            label = f"arXiv:{record.arxiv}"
            if self.field("eprintclass"):
                label += f" [{plain(self.field('eprintclass'))}]"
            out.append(_link(label, resolver_url("arxiv", record.arxiv), "sw-papers-arxiv"))
        if record.eprint:
            kind, _sep, ident = record.eprint.partition(":")
            out.append(_link(f"{kind}:{ident}", resolver_url(kind, ident), "sw-papers-eprint"))
        return out

    def note(self) -> Rich:
        """The note, addendum and publication state."""
        parts = [
            self.field(n) or (self.record.note if n == "note" else "")
            for n in ("note", "addendum", "pubstate")
        ]
        return _join([part for part in parts if part], ". ")


def _link(text: str, url: str, cls: str) -> nodes.Node:
    if url and is_safe_url(url):
        return nodes.reference("", text, refuri=url, classes=[cls])
    return nodes.inline(text, text, classes=[cls])


def _span(rich: Rich, cls: str) -> nodes.inline:
    span = nodes.inline("", "", classes=[cls])
    span.extend(rich_nodes(rich))
    return span


def _stop(text: str) -> nodes.Text:
    """The separator after a part of an entry: ``". "``, or a space if *text* ends a sentence already."""
    return nodes.Text(" " if text.rstrip().endswith((".", "?", "!")) else ". ")


def _tail(entry: Entry, out: list[nodes.Node]) -> None:
    for node in entry.identifiers():
        out += [node, nodes.Text(" ")]
    note = entry.note()
    if note:
        out += [_span(note, "sw-papers-note"), nodes.Text(" ")]


def title_first(entry: Entry) -> list[nodes.Node]:
    """The site's style: Title. Authors. Venue, details, Month Year. DOI arXiv Note."""
    out: list[nodes.Node] = []
    title = entry.title()
    out += [title, _stop(title.astext())]
    names = entry.names()
    if names:
        out += [nodes.inline(names, names, classes=["sw-papers-authors"]), _stop(names)]
    parts = [part for part in (entry.container(), *entry.details(), entry.date()) if part]
    if parts:
        venue = _span(_join(parts, ", "), "sw-papers-venue")
        out += [venue, _stop(venue.astext())]
    _tail(entry, out)
    return out


def author_first(entry: Entry) -> list[nodes.Node]:
    """In the manner of the ACM reference format.

    Authors. Year. Title. *Journal* Volume, Number, pages. -- or -- In *Book title*, details. DOI link.
    """
    out: list[nodes.Node] = []
    record = entry.record
    names = entry.names(_("and"))
    if names:
        out += [nodes.inline(names, names, classes=["sw-papers-authors"]), _stop(names)]
    if record.year:
        out += [nodes.inline(record.year, record.year, classes=["sw-papers-year"]), nodes.Text(". ")]
    title = entry.title()
    out += [title, _stop(title.astext())]
    container = entry.container()
    venue = nodes.inline("", "", classes=["sw-papers-venue"])
    bare = record.type == "article" and bool(container)  # Journal 14, 12, 3222-3231
    details = entry.details(numbering=not bare)
    if container:
        if record.type in _IN_TYPES - {"article"}:
            venue += nodes.Text(_("In") + " ")
        venue += nodes.emphasis("", "", *rich_nodes(container))
        if bare:
            numbers = [entry.field(name) for name in ("volume", "number", "pages") if entry.field(name)]
            if numbers:
                venue += nodes.Text(" ")
                venue.extend(rich_nodes(_join(numbers, ", ")))
    if details:
        if container:
            venue += nodes.Text(", ")
        venue.extend(rich_nodes(_join(details, ", ")))
    if len(venue):
        out += [venue, _stop(venue.astext())]
    if record.doi:
        url = resolver_url("doi", record.doi)
        out += [_link(url, url, "sw-papers-doi"), nodes.Text(" ")]
        record = record._replace(doi="")
    _tail(Entry(record), out)  # the other identifiers, then the note
    return out


#: name -> style function; ``papers_style`` and ``:entry-style:`` choose among these.
STYLES: dict[str, Callable[[Entry], list[nodes.Node]]] = {
    "title-first": title_first,
    "author-first": author_first,
}
DEFAULT_STYLE = "title-first"


def register_style(name: str, style: Callable[[Entry], list[nodes.Node]]) -> None:
    """Make *style* available as ``papers_style = name`` and ``:entry-style: name``."""
    STYLES[name] = style


def entry_nodes(record: PaperRecord, style: str, env: BuildEnvironment) -> list[nodes.Node]:
    """The nodes of *record*'s entry in the named *style* (the default if it is not registered).

    A style that fails (a user's) is reported at the entry's directive and the entry shown in the
    default style.
    """
    function = STYLES.get(style, title_first)
    try:
        return function(Entry(record))
    except Exception as error:  # a user's style is untrusted code: report it, keep the entry
        if function is title_first:
            raise
        warn(
            logger,
            "config",
            f"entry style {style!r} failed on paper {record.key!r} ({error!r}); the default style is used",
            location=doc_line(env, record.docname, record.lineno),
        )
        return title_first(Entry(record))
