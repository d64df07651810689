"""What the sponsors domain stores about a sponsor, and the tiers sponsors are grouped by."""

from __future__ import annotations

from typing import NamedTuple

from sphinx_workshop.i18n import _

#: The default tiers, in order (``workshop_sponsor_tiers``), and the heading of each tier's group.
TIER_HEADINGS = {
    "platinum": _("Platinum sponsors"),
    "gold": _("Gold sponsors"),
    "silver": _("Silver sponsors"),
    "bronze": _("Bronze sponsors"),
    "supporter": _("Supporters"),
}
DEFAULT_TIERS = tuple(TIER_HEADINGS)


def tier_key(tier: str) -> str:
    """*tier* as tiers are compared: case and runs of spaces do not matter (``Gold`` is ``gold``)."""
    return " ".join(tier.split()).casefold()


def tier_heading(tier: str) -> str:
    """The heading of the group of *tier*: a default tier's translated heading, else the tier as written;
    for sponsors without a tier, "Sponsors"."""
    if not tier:
        return str(_("Sponsors"))
    heading = TIER_HEADINGS.get(tier_key(tier))
    return str(heading) if heading is not None else tier


class SponsorRecord(NamedTuple):
    """One ``sponsor``, as the domain stores it (the API other features read)."""

    name: str
    #: The tier as ``workshop_sponsor_tiers`` writes it; "" for a sponsor without a (known) tier.
    tier: str
    #: The sponsor's http(s) link, "" for none.
    url: str
    #: The logo's path relative to the source folder (the key of ``env.images``), "" for none.
    logo: str
    docname: str
    lineno: int

    def shown(self) -> tuple[str, str, str, str, str]:
        """What a page listing the sponsor depends on: every field but the line."""
        return (self.name, self.tier, self.url, self.logo, self.docname)
