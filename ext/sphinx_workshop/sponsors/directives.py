"""The ``sponsors`` list, grouped by tier, and the ``sponsor`` entry: a logo kept in its own shape, linked.

They read their options as every directive of the extension does (:mod:`sphinx_workshop.directive_base`),
so a misused one is a located ``workshop.*`` warning in rST as in MyST. A bad value is left out with a
warning and the sponsor still shows: without a usable logo, its name as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_workshop.directive_base import OptionSpec, WorkshopDirective
from sphinx_workshop.domains import sponsors_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.images import image_problem
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.sponsors.records import SponsorRecord, tier_heading, tier_key

if TYPE_CHECKING:
    from collections.abc import Sequence

#: A sponsor's box (``div.sw-sponsor``); the attributes below carry its tier and name to the list.
SPONSOR_CLASS = "sw-sponsor"
LOGO_CLASS = "sw-sponsor-logo"
#: The formats a logo may have (every builder shows them; WebP is left out of LaTeX).
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg")
_HTTP = frozenset({"http", "https"})


def heading_level(section_level: int) -> int:
    """One level below the sections enclosing the directive (2 on a page with one title), at most 6."""
    return min(max(section_level, 1) + 1, 6)


class SponsorsDirective(WorkshopDirective):
    """The sponsors of its body, grouped by tier in ``workshop_sponsor_tiers`` order, each group headed."""

    option_spec = OptionSpec({"class": directives.class_option})
    nests_in_itself = False

    def render(self) -> list[nodes.Node]:
        """A ``div.sw-sponsors``: the body's other content, then a group per tier that has sponsors."""
        wall = nodes.container(classes=["sw-sponsors", *self.options.get("class", [])])
        self.set_source_info(wall)
        groups: dict[str, list[nodes.Element]] = {}
        for node in self.parse_content_to_nodes():
            if isinstance(node, nodes.container) and SPONSOR_CLASS in node["classes"]:
                groups.setdefault(node["sponsor-tier"], []).append(node)
            else:
                wall += node
        rank = {tier: index for index, tier in enumerate(self.config.workshop_sponsor_tiers)}
        level = heading_level(self.state.memo.section_level)  # docutils' and MyST's depth
        for tier in sorted(groups, key=lambda tier: rank.get(tier, len(rank))):
            wall += self._group(tier, groups[tier], level, headed=set(groups) != {""})
        return [wall]

    def _group(self, tier: str, boxes: Sequence[nodes.Element], level: int, *, headed: bool) -> nodes.Element:
        slug = "-".join(tier_key(tier).split()) or "none"
        group = nodes.container(classes=["sw-sponsor-tier", f"sw-sponsor-tier-{slug}"])
        self.set_source_info(group)
        if headed:
            heading = tier_heading(tier)
            rubric = nodes.rubric(heading, heading, classes=["sw-sponsor-heading"])
            rubric["heading-level"] = level
            self.set_source_info(rubric)
            group += rubric
        group += nodes.container("", *boxes, classes=["sw-sponsor-list"])
        return group


class SponsorDirective(WorkshopDirective):
    """One sponsor: its name (the argument), ``:tier:``, ``:logo:``, ``:url:`` and ``:alt:``."""

    takes_argument = True
    takes_content = False
    option_spec = OptionSpec({name: directives.unchanged for name in ("tier", "logo", "url", "alt")})

    def warn_missing_argument(self) -> None:
        """A sponsor needs a name: it is what the logo's text and the event's JSON-LD say."""
        self.warn_at("bad_argument", f"the {self.name} directive needs the sponsor's name; it is left out")

    def render(self) -> list[nodes.Node]:
        """The sponsor's box (its logo, or else its name, linked to its URL); recorded in the domain."""
        name = self.argument
        if not name:
            return []
        tier = self._tier(name)
        url = self._url(name)
        logo, rel = self._logo(name)
        # not `logo or ...`: an element without children is false
        shown: nodes.Element = nodes.inline(name, name, classes=["sw-sponsor-name"]) if logo is None else logo
        if url:
            shown = nodes.reference("", "", shown, refuri=url, classes=["sw-sponsor-link"])
        box = nodes.container("", nodes.paragraph("", "", shown), classes=[SPONSOR_CLASS])
        box["sponsor-tier"] = tier
        box["sponsor-name"] = name
        self.set_source_info(box)
        record = SponsorRecord(name, tier, url, rel, self.env.docname, self.lineno)
        sponsors_domain(self.env).note_sponsor(record)
        return [box]

    def _tier(self, name: str) -> str:
        """The tier as ``workshop_sponsor_tiers`` writes it; "" (the last group) when absent or unknown."""
        given = self.options.get("tier", "").strip()
        if not given:
            return ""
        tiers: Sequence[str] = self.config.workshop_sponsor_tiers
        for tier in tiers:
            if tier_key(tier) == tier_key(given):
                return tier
        self.warn_at(
            "sponsor_tier",
            f"unknown :tier: {given!r} for {name!r} (known: {', '.join(tiers)}; set "
            "workshop_sponsor_tiers to change them); it is listed last, without a tier",
            self.option_line("tier"),
        )
        return ""

    def _url(self, name: str) -> str:
        url: str = self.options.get("url", "").strip()
        if url and not is_safe_url(url, schemes=_HTTP):
            self.warn_at(
                "bad_url",
                f"invalid :url: {url!r} for {name!r} (expected an http(s) URL); it is not linked",
                self.option_line("url"),
            )
            return ""
        return url

    def _logo(self, name: str) -> tuple[nodes.image | None, str]:
        """An image node of the logo (copied by Sphinx like any image) and its path from the source
        folder, or ``(None, "")`` with a warning."""
        if "logo" not in self.options:
            return None, ""
        logo = self.options["logo"].strip()
        problem = rel = ""
        if not logo:
            problem = "is empty"
        elif "://" in logo or logo.startswith(("data:", "//")):
            problem = "is not a local image"
        else:
            rel, full = self.env.relfn2path(logo, self.env.docname)
            path = Path(full).resolve()
            if not path.is_relative_to(Path(self.env.srcdir).resolve()):
                problem = "is outside the project's source directory"
            else:
                problem = image_problem(path, LOGO_SUFFIXES)
        if problem:
            self.warn_at(
                "sponsor_logo",
                f":logo: {logo!r} for {name!r} {problem}; its name is shown instead",
                self.option_line("logo"),
            )
            return None, ""
        alt = " ".join(self.options.get("alt", "").split()) or _("{name} logo").format(name=name)
        # dark-light: pydata-sphinx-theme's class for images legible on either background (no dimming)
        image = nodes.image(logo, uri=logo, alt=alt, classes=[LOGO_CLASS, "dark-light"])
        self.set_source_info(image)
        return image, rel
