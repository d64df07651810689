"""The warning for a ``:::{organizer}`` block that MyST printed as text (no ``colon_fence`` extension).

MyST reads ``:::{name}`` ... ``:::`` as a directive only with its ``colon_fence`` extension; without
it the block is an ordinary paragraph, shown word for word, and a ``-W`` build passes. Once a MyST
document is parsed, each paragraph that starts with ``:::{name}`` (three or more colons), ``name``
being one of this extension's directives (short, ``organizer``, or with its domain,
``people:organizer``), gets a ``workshop.colon_fence`` warning at its line naming the setting to add.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import FiletypeNotFoundError
from sphinx.util import get_filetype, logging

from sphinx_workshop.diagnostics import node_line, warn
from sphinx_workshop.directive_base import WorkshopDirective
from sphinx_workshop.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: A colon fence's opening as MyST would read it: three or more colons, then ``{name}``.
OPENING = re.compile(r":{3,}\{(?P<name>[^{}\s]+)\}")


def _is_ours(directive: object) -> bool:
    return isinstance(directive, type) and issubclass(directive, WorkshopDirective)


def workshop_directive_names(app: Sphinx) -> frozenset[str]:
    """Every name that reaches one of the extension's directives: the short names registered with
    docutils (``organizer``, ``references`` unless another extension took it) and each domain's
    (``people:organizer``, ``accepted:papers``)."""
    # Sphinx's add_directive registers with docutils, whose registry Sphinx itself reads this way
    # (sphinx.util.docutils.is_directive_registered); it holds the short names decided on config-inited.
    registered: dict[str, object] = directives._directives  # type: ignore[attr-defined]
    names = {name for name, directive in registered.items() if _is_ours(directive)}
    for domain_name, domain in app.registry.domains.items():
        names.update(f"{domain_name}:{name}" for name, d in domain.directives.items() if _is_ours(d))
    return frozenset(names)


def _is_myst_without_colon_fence(app: Sphinx) -> bool:
    """Whether the document being read is MyST, in a project whose MyST lacks ``colon_fence``."""
    extensions = getattr(app.config, "myst_enable_extensions", None)
    if extensions is None or "colon_fence" in extensions:  # no MyST, or fences are read
        return False
    try:
        filetype = get_filetype(app.config.source_suffix, app.env.doc2path(app.env.docname))
    except FiletypeNotFoundError:
        return False
    return filetype == "markdown"


def warn_colon_fences_as_text(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: warn at each paragraph that is one of the extension's directives in a colon
    fence MyST did not read (``colon_fence`` is not enabled)."""
    if not _is_myst_without_colon_fence(app):
        return
    ours: frozenset[str] | None = None  # looked up at the first candidate only
    for paragraph in doctree.findall(nodes.paragraph):
        first = paragraph.children[0] if paragraph.children else None
        if not isinstance(first, nodes.Text) or not (match := OPENING.match(first.astext())):
            continue  # a paragraph that starts otherwise, or with code (`:::{organizer}`)
        name = match["name"].lower()
        ours = ours if ours is not None else workshop_directive_names(app)
        if name not in ours:
            continue
        warn(
            logger,
            "colon_fence",
            _(
                '"%(opening)s" is shown as text: MyST reads colon fences only with its colon_fence '
                'extension; add it in conf.py, myst_enable_extensions = [..., "colon_fence"] '
                "(or write the directive in a ``` fence)"
            )
            % {"opening": match[0]},
            location=node_line(paragraph),
        )


def setup_colon_fence(app: Sphinx) -> None:
    """Register the check of MyST documents for directives left in unread colon fences."""
    app.connect("doctree-read", warn_colon_fences_as_text)
