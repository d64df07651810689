"""The .bib file of each cite-this list, written next to its page and linked above the list.

A list's file is ``<docname>.bib`` for the first list of its page and ``<docname>-<n>.bib`` for the
*n*-th (n from 2), relative to the output folder. Only builders that write a web site get them (html,
dirhtml, singlehtml; not EPUB, which would pack them, nor LaTeX or text). Once every document is read
(``env-updated``), each name is checked against the pages, folders and extra files of the output
(:func:`sphinx_workshop.outputs.taken_names`) and the names of the lists before it: a clash
is a located ``workshop.bibtex_clash`` warning, and that list's file is neither written nor linked. A
file the previous build of this output wrote and no list names any more is deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from docutils import nodes
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from sphinx_workshop.diagnostics import doc_line, warn
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.outputs import taken_names

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.papers.records import PaperRecord

logger = logging.getLogger(__name__)

#: The CSS class of the paragraph holding the link.
LINK_CLASS = "sw-papers-bibfile"
#: Where the domain keeps the names each output's last build wrote (builder name and output folder).
_WRITTEN = "bibfiles_written"


def writes_bibfiles(builder: Builder) -> bool:
    """Only builders that write a web site get .bib files (not EPUB, LaTeX or text)."""
    return builder.format == "html" and not builder.name.startswith("epub")


def bibfile_name(list_id: str) -> str:
    """The output path of list *list_id* (``<docname>#<serial>``): ``refs.bib``, ``refs-2.bib``, ..."""
    docname, _sep, serial = list_id.rpartition("#")
    return f"{docname}.bib" if serial == "0" else f"{docname}-{int(serial) + 1}.bib"


def check_bibfile_names(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the name of each cite-this list's file; clashes refused, stale files deleted."""
    domain = papers_domain(env)
    names: dict[str, str] = {}
    domain.bibfiles = names
    if not writes_bibfiles(app.builder):
        return
    derived = domain.derived
    taken: dict[str, str] | None = None
    owners: dict[str, str] = {}
    for docname in domain.data["order"] or sorted(domain.data["lists"]):
        for record in domain.data["lists"].get(docname, ()):
            if not record.cite_this or not derived.lists.get(record.list_id):
                continue
            name = bibfile_name(record.list_id)
            if taken is None:
                taken = taken_names(app)
            if name in owners:
                clash = f"is also the file of the references list at {owners[name]}"
            elif name in taken:
                what = taken[name]
                clash = (
                    f"would overwrite {what!r} of the output (a page or an extra file)"
                    if what == name
                    else f"is the name of a folder of the output (holding {what!r})"
                )
            else:
                owners[name] = f"{env.doc2path(record.docname, False)}:{record.lineno}"
                names[record.list_id] = name
                continue
            warn(
                logger,
                "bibtex_clash",
                f"BibTeX file {name!r} of this references list {clash}; it is neither written nor linked",
                location=doc_line(env, record.docname, record.lineno),
            )
    key = f"{app.builder.name}:{app.builder.outdir}"
    written: dict[str, list[str]] = domain.data.setdefault(_WRITTEN, {})
    for stale in set(written.get(key, ())) - set(names.values()):
        path = Path(app.builder.outdir, *stale.split("/"))
        if path.is_file():
            path.unlink()
    written[key] = sorted(names.values())


def write_bibfile(builder: Builder, name: str, records: Sequence[PaperRecord]) -> None:
    """Write the BibTeX of *records* (each written by :mod:`.citethis`) to *name* in the output folder."""
    target = Path(builder.outdir, *name.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(record.bibtex for record in records if record.bibtex)
    target.write_text(text, encoding="utf-8", newline="\n")


def bibfile_link(builder: Builder, fromdocname: str, name: str) -> nodes.paragraph:
    """The paragraph above a list linking to its file, relative to the page *fromdocname* as written."""
    # A page name may hold "#", "?" or "%": both are paths, percent-encoded before relative_uri
    page = quote(builder.get_target_uri(fromdocname), safe="/")
    uri = relative_uri(page, quote(name, safe="/"))
    text = str(_("Download these references as BibTeX (.bib)"))
    return nodes.paragraph("", "", nodes.reference(text, text, refuri=uri), classes=[LINK_CLASS])
