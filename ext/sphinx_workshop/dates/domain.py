"""The ``dates`` domain: every important date by document, ``{date}`` resolved, pages kept in step.

Dates are stored per document (``clear_doc``/``merge_domaindata`` exact, ``-j`` safe); which of two
dates of one name wins (the first document's, by name) is decided when asked. A page that shows dates
(its own list, a ``{date}`` or a ``phase``) keeps a digest of those dates and of whether each is past
at the build's moment: when it changes, the page is written again (``env-updated``), so an incremental
build equals a clean one also when a deadline passed in between.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, ObjType
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_workshop import invalidation
from sphinx_workshop.dates.directives import ImportantDatesDirective, PhaseDirective
from sphinx_workshop.dates.moments import DateRecord, shown
from sphinx_workshop.diagnostics import doc_line, node_line, warn
from sphinx_workshop.domains import dates_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.schedule import ics, times
from sphinx_workshop.xrefs import DomainXRefRole

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils.nodes import Element, Node, system_message
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)
#: On a ``{date}`!name``` reference: resolved to the date's text, without a link.
NO_LINK = "sw_no_link"


def build_moment() -> datetime:
    """The moment the build counts as now: ``SOURCE_DATE_EPOCH``, else the clock (UTC)."""
    try:
        epoch = ics.source_date_epoch()
    except ValueError:
        epoch = None
    return epoch or datetime.now(times.UTC)


class DateRole(DomainXRefRole):
    """``{date}`name``` (the date as the list shows it), ``{date}`text <name>``` or ``{date}`!name```
    (the date, unlinked)."""

    domain = "dates"

    def create_non_xref_node(self) -> tuple[list[Node], list[system_message]]:
        """``!name``: still a reference Sphinx resolves (the date is known once every page is read, and
        an unknown name warns), marked to come out as the date's text without the link."""
        self.title, self.target = self.title.removeprefix("!"), self.target.removeprefix("!")
        made, messages = self.create_xref_node()
        for node in made:
            if isinstance(node, pending_xref):
                node[NO_LINK] = True
        return made, messages


class DatesDomain(Domain):
    """Important dates, linked to by ``{date}`` and read by ``phase`` banners."""

    name = "dates"
    label = _("Dates")
    object_types: ClassVar[dict[str, ObjType]] = {"date": ObjType(_("date"), "date")}
    directives: ClassVar[dict[str, Any]] = {
        "important-dates": ImportantDatesDirective,
        "phase": PhaseDirective,
    }
    roles: ClassVar[dict[str, Any]] = {"date": DateRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "dates": {},  # docname -> [DateRecord], in document order
        "refs": {},  # docname -> frozenset of the names it shows
        "digests": {},  # docname -> digest of the dates it shows, as of the last build
        "calendars": {},  # docname -> ((calendar file, line), ...) of its lists
    }
    data_version = 2  # 2: the documents a build reads are no longer stored

    @property
    def dates(self) -> dict[str, DateRecord]:
        """Every date by name; of two dates of one name, the first document's (by name) wins."""
        index: dict[str, DateRecord] = {}
        for docname in sorted(self.data["dates"]):
            for record in self.data["dates"][docname]:
                index.setdefault(record.name, record)
        return index

    def note_date(self, record: DateRecord) -> None:
        """Store a date of the document being read."""
        self.data["dates"].setdefault(record.docname, []).append(record)

    def note_calendar(self, docname: str, path: str, lineno: int) -> None:
        """Remember that a list of *docname* (at *lineno*) writes the calendar file *path*."""
        self.data["calendars"][docname] = (*self.data["calendars"].get(docname, ()), (path, lineno))

    def calendar_owner(self, path: str) -> str:
        """The page that writes the calendar file *path*: the first, by name, of those naming it."""
        return min(
            (doc for doc, files in self.data["calendars"].items() if any(p == path for p, _ in files)),
            default="",
        )

    def names_in(self, docname: str) -> set[str]:
        """The names of the dates *docname* read so far defines."""
        return {record.name for record in self.data["dates"].get(docname, [])}

    def note_shown(self, docname: str, names: Iterable[str]) -> None:
        """Remember that *docname* shows the dates *names* (a ``phase`` reads them)."""
        self.data["refs"][docname] = self.data["refs"].get(docname, frozenset()) | frozenset(names)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record which dates the document shows: its list's, its ``{date}`` roles' and phases'."""
        names = {
            node["reftarget"]
            for node in document.findall(pending_xref)
            if node.get("refdomain") == self.name or node.get("reftype") == "any"
        }
        names |= self.names_in(docname)
        if names:
            self.note_shown(docname, names)

    def clear_doc(self, docname: str) -> None:
        """Forget what *docname* contributed."""
        for kind in ("dates", "refs", "calendars"):
            self.data[kind].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over what the documents read by a parallel worker contributed."""
        for kind in ("dates", "refs", "calendars"):
            for docname, value in otherdata[kind].items():
                if docname in docnames:
                    self.data[kind][docname] = value

    def update(self, env: BuildEnvironment) -> set[str]:
        """Warn about a name two documents define; return the pages whose dates (or their past) changed."""
        fresh = invalidation.read_this_build(env)
        first: dict[str, DateRecord] = {}
        for docname in sorted(self.data["dates"]):
            for record in self.data["dates"][docname]:
                earlier = first.setdefault(record.name, record)
                if (
                    earlier is not record
                    and earlier.docname != record.docname
                    and fresh
                    & {
                        earlier.docname,
                        record.docname,
                    }
                ):
                    where = f"{env.doc2path(earlier.docname, False)}:{earlier.lineno}"
                    warn(
                        logger,
                        "duplicate_date",
                        f"the date {record.name!r} is defined again (first at {where}); links use the first",
                        location=doc_line(env, record.docname, record.lineno),
                    )
        for docname in sorted(self.data["calendars"]):
            for path, lineno in self.data["calendars"][docname]:
                owner = self.calendar_owner(path)
                if owner != docname and fresh & {owner, docname}:
                    warn(
                        logger,
                        "ics_clash",
                        f"calendar file {path!r} is already written by {owner!r}; "
                        "this list's dates are not in it",
                        location=doc_line(env, docname, lineno),
                    )
        now = build_moment()

        def state(name: str) -> object:
            record = first.get(name)
            if record is None:
                return None
            return (
                record.docname,
                record.moment,
                record.history,
                record.label,
                now >= record.moment.past_at(),
            )

        current = {
            docname: invalidation.digest([state(name) for name in sorted(names)])
            for docname, names in self.data["refs"].items()
        }
        stale = invalidation.changed(self.data["digests"], current, fresh)
        self.data["digests"] = current
        return stale & env.all_docs.keys()

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """A link to the date's entry; its text is the date as the list shows it unless the role gave one
        (``!name``: the text alone)."""
        record = self.dates.get(target)
        if record is None:
            return None
        child: nodes.Node = contnode
        if not node.get("refexplicit"):
            text = shown(record.moment, env.config.language)
            child = nodes.inline(text, text, classes=[*contnode.get("classes", []), "sw-date-ref"])
        ref = make_refnode(builder, fromdocname, record.docname, record.anchor, child, title=record.label)
        if node.get(NO_LINK):
            ref[NO_LINK] = True  # unwrapped by the dates' build-time transform
        return ref

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``{any}`` finds dates by name."""
        refnode = self.resolve_xref(env, fromdocname, builder, "date", target, node, contnode)
        return [] if refnode is None else [("dates:date", refnode)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every date, for ``objects.inv`` and the search index (by name, shown by its label)."""
        for name, record in sorted(self.dates.items()):
            yield name, record.label, "date", record.docname, record.anchor, 1


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages to write again (their dates changed, or one became past)."""
    return sorted(dates_domain(env).update(env))


def on_warn_missing_reference(app: Sphinx, domain: Domain | None, node: nodes.Element) -> bool | None:
    """An unknown date: our own warning (``workshop.date_unknown``) instead of Sphinx's generic one."""
    if domain is None or domain.name != "dates":
        return None
    warn(
        logger,
        "date_unknown",
        f"no important date named {node['reftarget']!r} in {{date}}",
        location=node_line(node),
    )
    return True
