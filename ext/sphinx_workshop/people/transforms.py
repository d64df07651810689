"""Steps after reading and at write time: duplicate cards, stale links, and plain-text profile links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_workshop.diagnostics import node_line, warn
from sphinx_workshop.domains import people_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.people.nodes import person_card, person_field, profile_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment


logger = logging.getLogger(__name__)


class ShowProfileUrls(SphinxPostTransform):
    """Cards for readers that print rather than link: "Twitter: <URL>" for each profile, no initials.

    Subclasses pick the builders (Sphinx's ``builders``/``formats``) and what becomes of a photo.
    """

    default_priority = 200
    #: ``"keep"`` the photo, make it ``"small"`` (a printed page has no card CSS), or ``"drop"`` it.
    photos: ClassVar[str] = "keep"

    def run(self, **kwargs: Any) -> None:
        """Rewrite every card of the document being written."""
        for card in list(self.document.findall(person_card)):
            for avatar in list(card.findall(person_field)):
                if avatar.get("decorative"):
                    avatar.parent.remove(avatar)
            for image in [i for i in card.findall(nodes.image) if "sw-person-photo" in i["classes"]]:
                if self.photos == "drop":
                    image.parent.remove(image)
                elif self.photos == "small":
                    image["width"] = "2.5cm"
            for link in list(card.findall(profile_link)):
                url: str = link["refuri"]
                label = nodes.Text(_("{platform}: ").format(platform=link["label"]))
                plain = nodes.reference(url, url, refuri=url, classes=link["classes"])
                parent = link.parent
                index = parent.index(link)
                parent[index : index + 1] = [label, plain]


class EpubCards(ShowProfileUrls):
    """EPUB: its readers show link text only, so the URLs are printed; photos keep the card CSS."""

    builders = ("epub",)


class PrintedCards(ShowProfileUrls):
    """LaTeX and Texinfo: URLs printed, photos small."""

    formats = ("latex", "texinfo")
    photos = "small"


class TextCards(ShowProfileUrls):
    """Plain text and manual pages: URLs printed, no photos."""

    formats = ("text", "man")
    photos = "drop"


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Warn about duplicate cards; re-write the pages whose ``{person}`` links point elsewhere now."""
    return sorted(people_domain(env).update(env))


def on_warn_missing_reference(app: Sphinx, domain: Domain | None, node: nodes.Element) -> bool | None:
    """An unknown person: our own warning (``workshop.person_unknown``) instead of Sphinx's generic one."""
    if domain is None or domain.name != "people":
        return None
    warn(
        logger,
        "person_unknown",
        f"no organizer or speaker card for {node['reftarget']!r} in {{person}}",
        location=node_line(node),
    )
    return True
