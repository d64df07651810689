"""Cite this paper: each entry's BibTeX, in a ``<details>`` disclosure under it, with a copy button.

The BibTeX of an entry of a .bib file is the entry as BibTeX reads it: ``@string`` macros and ``#``
concatenations expanded, and self-contained: the fields it inherits through ``crossref`` or ``xdata``
are written out and those links left out (a reader copies one entry, without its parent). Field
values are written as the file has them (they are LaTeX already). An inline ``paper`` directive's
entry is generated from its options: ``@inproceedings`` when it has a venue (its ``booktitle``),
else ``@misc``; its plain text is escaped for LaTeX (:func:`latex_escape`). pybtex writes both.

The disclosure is a :class:`cite_this` node holding a literal block, so the BibTeX reaches HTML
escaped and is readable without JavaScript. ``static/sphinx-workshop/cite-this.js`` adds the copy
button; it is added only to the pages that hold a disclosure (``html-page-context``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_workshop.assets import ASSET_FOLDER, PAGE_ASSETS
from sphinx_workshop.i18n import _
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_workshop.papers.crossref import RawEntry
    from sphinx_workshop.papers.records import PaperRecord

#: The page script of this feature (its size is stated apart from the site-wide budget).
SCRIPT = "cite-this.js"
assert SCRIPT in PAGE_ASSETS
#: The CSS class of the disclosure (the script finds the disclosures by it).
CLASS = "sw-papers-cite-this"
#: Links to other entries that a copied entry cannot keep (its parent is not copied with it).
_LINKS = frozenset({"crossref", "xdata", "xref"})
#: What BibTeX reads in a key (a comma ends it; braces, quotes and the rest break the entry).
_KEY_UNSAFE = re.compile(r"[\s,{}()\"#%'=~\\]")
_LATEX = {
    "\\": r"\textbackslash{}",
    # BibTeX counts braces without regard to backslashes: "\{" would unbalance the field.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")


class cite_this(nodes.General, nodes.Element):
    """A disclosure (``<details>``) under an entry: its summary (attribute ``summary``), its BibTeX.

    Shown by HTML builders only (EPUB included); others skip it on purpose.
    """


def latex_escape(text: str) -> str:
    """Plain *text* as LaTeX (for a BibTeX field): every special character written as a command."""
    return _LATEX_SPECIAL.sub(lambda match: _LATEX[match[0]], text)


def _verbatim(value: str) -> str:
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex_key(key: str) -> str:
    """*key* as a BibTeX key: characters BibTeX cannot read in a key become ``_``."""
    return _KEY_UNSAFE.sub("_", key) or "_"


def _write(key: str, type_: str, fields: list[tuple[str, str]], persons: dict[str, list[Any]]) -> str:
    """One entry written by pybtex (values taken as LaTeX already: pybtex's writer would re-encode them)."""
    from pybtex.database import BibliographyData, Entry
    from pybtex.database.output.bibtex import Writer

    class _AsWritten(Writer):  # type: ignore[misc]
        def _encode(self, text: str) -> str:
            return text

    entry = Entry(type_, fields=fields, persons=persons)
    data = BibliographyData(entries={bibtex_key(key): entry})
    return clean_text(_AsWritten().to_string(data))


def bibtex_of_entry(key: str, raw: RawEntry) -> str:
    """The BibTeX of an entry of a .bib file: its fields as read (macros expanded), inherited ones too."""
    fields = [(name, value) for name, value in raw.fields.items() if name not in _LINKS]
    return _write(
        key, raw.type or "misc", fields, {role: list(people) for role, people in raw.persons.items()}
    )


def bibtex_of_paper(record: PaperRecord) -> str:
    """The BibTeX of an inline ``paper`` entry, from its (checked) options."""
    from pybtex.database import Person

    fields: list[tuple[str, str]] = [("title", record.title)]
    if record.venue:
        fields.append(("booktitle", record.venue))
    for name, value in (("year", record.year), ("note", record.note)):
        if value:
            fields.append((name, value))
    if record.arxiv:
        fields += [("eprint", record.arxiv), ("archiveprefix", "arXiv")]
    escaped = [(name, latex_escape(value)) for name, value in fields]
    # URL and DOI are verbatim fields (the url package, and BibTeX styles, read them as they are);
    # a brace or backslash in one is percent-encoded, as a browser would send it
    escaped += [
        (name, _verbatim(value)) for name, value in (("doi", record.doi), ("url", record.url)) if value
    ]
    # "*" marks equal contribution on the page; it is no part of a name
    names = [name.rstrip("* ").strip() for name in record.authors]
    persons = {"author": [Person(latex_escape(name)) for name in names if name]}
    return _write(record.key, "inproceedings" if record.venue else "misc", escaped, persons)


def disclosure(record: PaperRecord) -> cite_this:
    """The ``<details>`` of an entry: a summary, then its BibTeX as a literal block."""
    text = record.bibtex.rstrip("\n")
    # the language is set, so that Sphinx's highlighting (highlight_language, default Python) is not used
    block = nodes.literal_block(text, text)
    block["language"] = "bibtex"
    return cite_this("", block, summary=str(_("Cite this paper")), classes=[CLASS, "no-search"])


def _visit_html(self: HTML5Translator, node: cite_this) -> None:
    self.body.append(self.starttag(node, "details"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>\n")


def _depart_html(self: HTML5Translator, node: cite_this) -> None:
    self.body.append("</details>\n")


def _skip(self: Any, node: cite_this) -> None:
    raise nodes.SkipNode


def shows_disclosures(builder: Builder) -> bool:
    """Whether *builder* shows the disclosures (HTML, EPUB included); LaTeX, text and others do not."""
    return builder.format == "html"


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: the copy button's script on the pages (not EPUB's) that hold a disclosure."""
    if doctree is None or app.builder.name.startswith("epub"):
        return
    if next(doctree.findall(cite_this), None) is None:
        return
    # the button's translated words reach the script as attributes of its own <script> element
    attributes = {
        "data-copy": str(_("Copy BibTeX")),
        "data-copied": str(_("Copied")),
        "data-failed": str(_("Copy failed")),
    }
    app.add_js_file(f"{ASSET_FOLDER}/{SCRIPT}", loading_method="defer", **attributes)  # type: ignore[arg-type]


def setup_cite_this(app: Sphinx) -> None:
    """Register the disclosure node (HTML visitors; skipped elsewhere) and the page script."""
    skip = (_skip, None)
    app.add_node(cite_this, html=(_visit_html, _depart_html), latex=skip, text=skip, man=skip, texinfo=skip)
    app.connect("html-page-context", add_script)
