"""The ``sponsors`` domain: the sponsors of each document, read by other features through :meth:`sponsors`.

Sponsors are stored per document (so ``clear_doc`` and ``merge_domaindata`` are exact); their order
across the project is decided when asked, never merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain

from sphinx_workshop.sponsors.directives import SponsorDirective, SponsorsDirective
from sphinx_workshop.xrefs import WithoutReferences

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx_workshop.sponsors.records import SponsorRecord


class SponsorsDomain(WithoutReferences, Domain):
    """Every ``sponsor`` of the project; it defines no roles and no objects."""

    name = "sponsors"
    label = "Sponsors"
    directives: ClassVar[dict[str, Any]] = {"sponsors": SponsorsDirective, "sponsor": SponsorDirective}
    initial_data: ClassVar[dict[str, Any]] = {"sponsors": {}}  # docname -> [SponsorRecord], in order
    data_version = 1

    def note_sponsor(self, record: SponsorRecord) -> None:
        """Store a sponsor of the document being read."""
        self.data["sponsors"].setdefault(record.docname, []).append(record)

    def sponsors(self) -> list[SponsorRecord]:
        """Every sponsor: by tier (``workshop_sponsor_tiers`` order, those without a tier last), then
        document and line. The public way for other features (the schedule's ``event``) to read them."""
        rank = {tier: index for index, tier in enumerate(self.env.config.workshop_sponsor_tiers)}
        records = [
            record for docname in sorted(self.data["sponsors"]) for record in self.data["sponsors"][docname]
        ]
        return sorted(records, key=lambda record: rank.get(record.tier, len(rank)))  # stable

    def clear_doc(self, docname: str) -> None:
        """Forget what *docname* contributed."""
        self.data["sponsors"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over the sponsors of the documents a parallel reader read."""
        for docname, records in otherdata["sponsors"].items():
            if docname in docnames:
                self.data["sponsors"][docname] = records
