"""Textual and parenthetical citations: ``{cite:t}``, ``{cite:p}``, ``{cite:author}``, ``{cite:year}``.

The roles take sphinxcontrib-bibtex's syntax, ``{see}key1{p. 3},key2``: comma-separated keys, each
with an optional pre-note before it and post-note after it in braces. Each key becomes a
``pending_xref`` that the papers domain resolves (so unknown keys warn as ``{cite}``'s do); what
surrounds them (names, brackets, notes) depends on the style of the list that shows each entry,
which is known only once every page is read, so :class:`ShapeTextualCitations` builds it at write
time, just before Sphinx resolves the references.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from sphinx_workshop.diagnostics import warn
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.papers.nodes import cite_group
from sphinx_workshop.papers.numbering import author_names, author_year
from sphinx_workshop.papers.roles import place_target
from sphinx_workshop.untrusted import clean_text
from sphinx_workshop.xrefs import domain_xref

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

    from sphinx_workshop.papers.domain import PapersDomain
    from sphinx_workshop.papers.records import PaperRecord

logger = logging.getLogger(__name__)

#: The forms, by the role name after ``cite:``.
FORMS = ("t", "p", "author", "year")

#: One target: ``{pre}`` (optional), the key, ``{post}`` (optional), then a comma or the end.
_TARGET = re.compile(
    r"\s*(?:\{(?P<pre>[^{}]*)\})?\s*(?P<key>[^{}\s,]*)\s*(?:\{(?P<post>[^{}]*)\})?\s*(?P<end>,|$)"
)


class Target(NamedTuple):
    """One cited key with its notes ("" when absent)."""

    key: str
    pre: str
    post: str


def parse_targets(text: str) -> tuple[list[Target], list[str]]:
    """The targets of a role's text, and what is wrong with it (each a message).

    An empty note (``{}``) is dropped; text whose braces do not balance is read by :func:`_unbalanced`.
    """
    targets: list[Target] = []
    problems: list[str] = []
    pos = 0
    while pos <= len(text):
        match = _TARGET.match(text, pos)
        if match is None or (match.end() == pos and pos < len(text)):
            problems.append("note")
            return _unbalanced(text), problems
        pre, post = (
            clean_text(note).strip() if note is not None else None for note in match.group("pre", "post")
        )
        if "" in (pre, post):
            problems.append("empty-note")
        if not match["key"]:
            problems.append("empty-key")
        else:
            targets.append(Target(match["key"], pre or "", post or ""))
        if not match["end"]:
            break
        pos = match.end()
    return targets, problems


def _parts(text: str) -> list[str]:
    """*text* split at its commas outside braces (an unmatched ``}`` closes nothing)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == "," and not depth:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def _unbalanced(text: str) -> list[Target]:
    """The keys of a role's text whose braces do not balance, without notes.

    A malformed note must not change which paper is cited, so no word is guessed to be a key: in each
    part, balanced ``{...}`` are notes, and so is the text from an unmatched ``{`` to the part's end
    or from its start to an unmatched ``}``; the one word left is the key. A part that leaves no word,
    or more than one, is kept whole as its key, which no paper has (it holds a brace or a space), so
    it shows as written and warns as unknown.
    """
    targets = []
    for part in _parts(text):
        rest, found = part, 1
        while found:
            rest, found = re.subn(r"\{[^{}]*\}", " ", rest)
        # What is left holds every unmatched "}" before every unmatched "{".
        rest = rest[rest.rfind("}") + 1 :]
        words = rest[: rest.find("{")].split() if "{" in rest else rest.split()
        if len(words) == 1:
            targets.append(Target(clean_text(words[0]), "", ""))
        elif part.strip():
            targets.append(Target(clean_text(part.strip()), "", ""))
    return targets


class TextualCiteRole(SphinxRole):
    """``{cite:t}`` (textual), ``{cite:p}`` (parenthetical), ``{cite:author}`` or ``{cite:year}``.

    One ``pending_xref`` per key in a ``cite_group``.
    """

    def __init__(self, form: str) -> None:
        super().__init__()
        self.form = form

    def run(self) -> tuple[list[Node], list[system_message]]:
        """The citation's place target, then its group; bad notes and empty keys warn."""
        written = f"{{cite:{self.form}}}`{self.text}`"
        targets, problems = parse_targets(self.text)
        if "note" in problems:
            warn(
                logger,
                "cite_note",
                f"unbalanced braces in {written}; its notes are left out",
                location=self.get_location(),
            )
        if "empty-note" in problems:
            warn(logger, "cite_note", f"empty note {{}} in {written}", location=self.get_location())
        if "empty-key" in problems:
            warn(logger, "cite_empty", f"empty key in {written}", location=self.get_location())
        if not targets:
            return [], []
        group = cite_group("", "", form=self.form)
        for target in targets:
            xref = domain_xref(
                self, "papers", f"cite:{self.form}", target.key, target.key, explicit=False, classes=[]
            )
            xref["pre"], xref["post"] = target.pre, target.post
            group += xref
        self.set_source_info(group)
        keys = [target.key for target in targets]
        return [place_target(keys), group], []


class _Part(NamedTuple):
    """What one key of a citation shows: the names before the link, the link text, the notes."""

    names: str
    linked: str
    pre: str
    post: str


def _year_part(domain: PapersDomain, record: PaperRecord) -> str:
    """The year a citation shows, "n.d." if none, followed by the letter its author-year label got
    (2021a, n.d.a): the label is :func:`~.numbering.author_year`'s, plus the letter when labels collide.
    The letter is the record's own list's, whatever the style of the group it is cited in: the same
    group's bracketed form shows that label whole."""
    year = record.year or str(_("n.d."))
    if domain.cite_style(record) != "numbered":
        label = domain.derived.labels.get(record.key, "")
        stem = author_year(record)
        if label.startswith(stem):
            return year + label[len(stem) :].strip()
    return year


def _part(domain: PapersDomain, form: str, xref: pending_xref, numbered: bool) -> _Part:
    key = xref["reftarget"]
    pre, post = xref.get("pre", ""), xref.get("post", "")
    record = domain.entry(key)
    if record is None:  # shown as written (the resolver warns)
        return _Part("", key, pre, post)
    names = author_names(record)
    label = domain.derived.labels.get(record.key, key)
    year = _year_part(domain, record)
    if form == "author":
        return _Part("", names, pre, post)
    if form == "year":
        return _Part("", year, pre, post)
    if numbered:
        return _Part(names if form == "t" else "", label, pre, post)
    if form == "t":
        return _Part(names, year, pre, post)
    return _Part("", f"{names}, {year}", pre, post)


def _noted(part: _Part, xref: pending_xref) -> list[Node]:
    """``pre`` + the linked text + ``, post``."""
    shown: list[Node] = []
    if part.pre:
        shown.append(nodes.Text(part.pre + " "))
    shown.append(xref)
    if part.post:
        shown.append(nodes.Text(", " + part.post))
    return shown


def shape(domain: PapersDomain, group: cite_group) -> nodes.inline:
    """The nodes of a citation group: names, brackets and notes around each key's ``pending_xref``."""
    form: str = group["form"]
    xrefs = [child for child in group.children if isinstance(child, pending_xref)]
    records = [domain.entry(xref["reftarget"]) for xref in xrefs]
    known = [record for record in records if record is not None]
    numbered = domain.cite_style(known[0]) == "numbered" if known else True
    opening, closing = ("[", "]") if numbered else ("(", ")")
    out = nodes.inline("", "", classes=["sw-papers-cite-text", f"sw-papers-cite-{form}"])
    out.source, out.line = group.source, group.line
    parts = [_part(domain, form, xref, numbered) for xref in xrefs]
    for xref, part in zip(xrefs, parts, strict=True):
        xref.children = [nodes.inline(part.linked, part.linked, classes=["sw-papers-key"])]
    if form == "p":
        out += nodes.Text(opening)
    for index, (xref, part) in enumerate(zip(xrefs, parts, strict=True)):
        if index:
            out += nodes.Text("; " if form == "p" and not numbered else ", ")
        if form == "t":
            if part.names:
                out += nodes.Text(part.names + " ")
            out += nodes.Text(opening)
            out.extend(_noted(part, xref))
            out += nodes.Text(closing)
        else:
            out.extend(_noted(part, xref))
    if form == "p":
        out += nodes.Text(closing)
    return out


class ShapeTextualCitations(SphinxPostTransform):
    """Give each textual citation its names, brackets and notes, once numbering is known.

    Priority 5: before Sphinx's ``ReferencesResolver`` (10), which then resolves each key's
    ``pending_xref`` (linking the label, or keeping an unknown key as written, with a warning).
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        """Shape every citation group of the document being written."""
        domain = papers_domain(self.env)
        for group in list(self.document.findall(cite_group)):
            group.replace_self(shape(domain, group))
