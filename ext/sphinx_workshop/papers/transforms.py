"""Whole-project steps: derived data after reading, lists rendered at write time, unknown keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_workshop.diagnostics import node_line, warn
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.papers.citethis import shows_disclosures
from sphinx_workshop.papers.export import bibfile_link, write_bibfile
from sphinx_workshop.papers.nodes import references_list
from sphinx_workshop.papers.render import render_list

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment


logger = logging.getLogger(__name__)


class RenderReferenceLists(SphinxPostTransform):
    """Replace each ``references_list`` placeholder with its entries, for every builder.

    Runs at write time, when the numbering computed on ``env-updated`` is known; it creates
    finished reference nodes only, so its order relative to the reference resolver does not matter.
    For LaTeX it runs before the builder's own post-transforms (URL footnotes, document targets),
    which must see the entries; for HTML see :class:`RenderReferenceListsLast`.
    """

    default_priority = 200

    def is_supported(self) -> bool:
        """Every builder but the HTML ones, which :class:`RenderReferenceListsLast` serves."""
        return self.app.builder.format != "html"

    def run(self, **kwargs: Any) -> None:
        """Fill in every list of the document being written."""
        domain = papers_domain(self.env)
        derived = domain.derived
        builder = self.app.builder
        for node in list(self.document.findall(references_list)):
            list_id: str = node["list_id"]
            # the list's own document, not the written one: singlehtml and LaTeX assemble several
            fromdocname = list_id.rpartition("#")[0]
            keys = derived.lists.get(list_id, ())
            if not keys:  # nothing to show (LaTeX rejects an empty enumerate)
                node.parent.remove(node)
                continue
            entries = [(derived.papers[key], derived.backlinks.get(key, ())) for key in keys]
            style = node.get("entry_style") or self.config.papers_style
            start, prefix = derived.numbers.get(list_id, (1, ""))
            labels = [derived.labels[key] for key in keys] if prefix else None
            cite_this = bool(node.get("cite_this")) and shows_disclosures(builder)
            shown = render_list(
                builder,
                fromdocname,
                node["style"],
                entries,
                style,
                start=start,
                labels=labels,
                cite_this=cite_this,
            )
            bibfile = domain.bibfiles.get(list_id) if node.get("cite_this") else None
            if bibfile is None:
                node.replace_self(shown)
                continue
            # Written with the page that shows the list: its entries change only when it is re-read,
            # and which of them it shows only when it is written again (see numbering.fingerprint).
            write_bibfile(builder, bibfile, [record for record, _links in entries])
            node.replace_self([bibfile_link(builder, self.env.docname, bibfile), shown])


class RenderReferenceListsLast(RenderReferenceLists):
    """The same for HTML builders, after the other post-transforms.

    No HTML post-transform has work in a finished entry, and those before (the highlighting
    visitor walks every node) would otherwise walk the thousands of nodes of a long list each
    time its page is written.
    """

    default_priority = 990

    def is_supported(self) -> bool:
        """The HTML builders only (html, dirhtml, singlehtml, epub)."""
        return self.app.builder.format == "html"


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Compute numbers and back-links for the whole project; return the pages they change."""
    return sorted(papers_domain(env).update_derived(env))


def on_warn_missing_reference(app: Sphinx, domain: Domain | None, node: nodes.Element) -> bool | None:
    """An unknown key: our own warning (``workshop.cite_unknown``) instead of Sphinx's generic one."""
    if domain is None or domain.name != "papers":
        return None
    role = node.get("reftype", "cite")
    key = node["reftarget"]
    hint = papers_domain(app.env).did_you_mean(key)
    warn(logger, "cite_unknown", f"unknown paper key {key!r} in {{{role}}}{hint}", location=node_line(node))
    return True
