"""Sponsors: the ``sponsors`` list grouped by tier, the ``sponsor`` entry, the ``sponsors`` domain.

Modules: ``records`` (stored data, tiers and their headings), ``directives``, ``domain`` (storage, and
:meth:`~sphinx_workshop.sponsors.domain.SponsorsDomain.sponsors` for other features: the schedule's
``event`` lists them in its JSON-LD) and ``transforms`` (the page stylesheet, names and URLs in print).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_workshop.config import LIST, add_checked_value
from sphinx_workshop.sponsors.directives import SponsorDirective, SponsorsDirective
from sphinx_workshop.sponsors.domain import SponsorsDomain
from sphinx_workshop.sponsors.records import DEFAULT_TIERS, SponsorRecord, tier_key
from sphinx_workshop.sponsors.transforms import PrintedSponsors, add_stylesheet

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["SponsorRecord", "SponsorsDomain", "setup_sponsors"]


def _valid_tiers(value: Any) -> bool:
    keys = [tier_key(tier) if isinstance(tier, str) else "" for tier in value]
    return all(keys) and len(set(keys)) == len(keys)


def setup_sponsors(app: Sphinx) -> None:
    """Register the sponsors domain, its directives (also without prefix), the tiers and the stylesheet."""
    add_checked_value(
        app,
        "workshop_sponsor_tiers",
        list(DEFAULT_TIERS),
        types=LIST,
        description="The sponsor tiers, in the order their groups are shown.",
        check=_valid_tiers,
        expected="a list of distinct, non-empty tier names",
    )
    app.add_domain(SponsorsDomain)
    app.add_directive("sponsors", SponsorsDirective)
    app.add_directive("sponsor", SponsorDirective)
    app.add_post_transform(PrintedSponsors)
    app.connect("html-page-context", add_stylesheet)
