"""Typed access to each feature's domain: the one way code reaches a domain from the environment.

The casts name the classes as strings, so this module imports no feature (and no feature's
directives import their own domain module, which imports them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.accepted.domain import AcceptedDomain
    from sphinx_workshop.dates.domain import DatesDomain
    from sphinx_workshop.papers.domain import PapersDomain
    from sphinx_workshop.people.domain import PeopleDomain
    from sphinx_workshop.schedule.domain import ScheduleDomain
    from sphinx_workshop.sponsors.domain import SponsorsDomain


def accepted_domain(env: BuildEnvironment) -> AcceptedDomain:
    """The project's ``accepted`` domain."""
    return cast("AcceptedDomain", env.get_domain("accepted"))


def dates_domain(env: BuildEnvironment) -> DatesDomain:
    """The project's ``dates`` domain."""
    return cast("DatesDomain", env.get_domain("dates"))


def papers_domain(env: BuildEnvironment) -> PapersDomain:
    """The project's ``papers`` domain."""
    return cast("PapersDomain", env.get_domain("papers"))


def people_domain(env: BuildEnvironment) -> PeopleDomain:
    """The project's ``people`` domain."""
    return cast("PeopleDomain", env.get_domain("people"))


def schedule_domain(env: BuildEnvironment) -> ScheduleDomain:
    """The project's ``schedule`` domain."""
    return cast("ScheduleDomain", env.get_domain("schedule"))


def sponsors_domain(env: BuildEnvironment) -> SponsorsDomain:
    """The project's ``sponsors`` domain."""
    return cast("SponsorsDomain", env.get_domain("sponsors"))
