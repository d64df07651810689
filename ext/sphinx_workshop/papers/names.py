"""The papers feature's short names (``{cite}``, ``references``, ...), registered only where free.

sphinxcontrib-bibtex registers ``cite`` and ``footcite`` roles and a ``cite`` domain (whose roles
``p``, ``t``, ``author``, ``year``, ... make ``{cite:t}``), and may be loaded before or after this
extension. So the short names are decided on ``config-inited``, once every extension is set up:
each one no other extension took is registered (``{cite:t}`` and the other forms through a small
``cite`` domain of our own when there is none), the rest are left to the other extension with one
info message. The domain's names (``{papers:cite}``, ``{papers:cite:t}``, ``papers:references``)
always work; ``papers_short_names = False`` registers no short name at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain
from sphinx.util import logging
from sphinx.util.docutils import is_directive_registered, is_role_registered

from sphinx_workshop.i18n import _
from sphinx_workshop.papers.domain import PapersDomain
from sphinx_workshop.papers.textual import FORMS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: The short names of the domain's directives and roles (the domain's own names are always there).
DIRECTIVES = ("references", "paper", "footreferences")
ROLES = ("cite", "paper", "footcite")


class CiteFormsDomain(Domain):
    """``{cite:t}``, ``{cite:p}``, ``{cite:author}``, ``{cite:year}``: the papers domain's forms, short.

    Registered only when no other extension has a ``cite`` domain (sphinxcontrib-bibtex has one).
    """

    name = "cite"
    label = _("Citations")
    roles: ClassVar[dict[str, Any]] = {form: PapersDomain.roles[f"cite:{form}"] for form in FORMS}

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        """Nothing to merge: the papers domain holds every citation."""


def register_short_names(app: Sphinx, config: Config) -> None:
    """Register each short name no other extension took; name the others in one info message."""
    if not config.papers_short_names:
        return
    taken: list[str] = []
    for name in DIRECTIVES:
        if is_directive_registered(name):
            taken.append(name)
        else:
            app.add_directive(name, PapersDomain.directives[name])
    for name in ROLES:
        if is_role_registered(name):
            taken.append(f"{{{name}}}")
        else:
            app.add_role(name, PapersDomain.roles[name])
    if "cite" in app.registry.domains:
        taken.extend(f"{{cite:{form}}}" for form in FORMS)
    else:
        app.add_domain(CiteFormsDomain)
    if taken:
        logger.info(
            "sphinx-workshop: the short names %s are left to another extension (sphinxcontrib-bibtex?); "
            "this extension's are %s",
            ", ".join(taken),
            ", ".join(_domain_name(name) for name in taken),
        )


def _domain_name(short: str) -> str:
    """``{cite:t}`` -> ``{papers:cite:t}``; ``references`` -> ``papers:references``."""
    return "{papers:" + short[1:] if short.startswith("{") else f"papers:{short}"
