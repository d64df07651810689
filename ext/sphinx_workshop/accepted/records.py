"""The records an export is read into, the problems found on the way, and the rules every format shares.

Each format's reader hands its rows to an :class:`ExportBuilder`, which cleans every string of control
characters (:func:`sphinx_workshop.untrusted.clean_text`), derives the citing key, skips rows without an
id or a title and later rows whose id an earlier one has, keeps only http(s) links
(:func:`sphinx_workshop.links.is_safe_url`), and records a :class:`ExportProblem` for each of these.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from sphinx_workshop.links import is_safe_url
from sphinx_workshop.untrusted import clean_text

#: The subtypes of :class:`ExportProblem`, each with what it means and what was done.
PROBLEMS: dict[str, str] = {
    "export_file": "the file cannot be opened or read; nothing is read from it",
    "export_format": "the format is unknown or undetectable, or the file is not of its format's shape; "
    "nothing is read from it",
    "export_encoding": "the file's bytes do not decode in the given encoding; nothing is read from it",
    "export_syntax": "the file is not well-formed JSON or CSV (at the line given); nothing is read from it",
    "export_column": "a column the format needs is missing (nothing is read), or one it can do without "
    "is (the papers are read without it)",
    "export_row": "a row or note cannot be read (wrong number of fields, not an object, content of the "
    "wrong type); it is skipped",
    "export_duplicate": "a paper has the id (or key) of an earlier one; the later is skipped",
    "export_value": "a value cannot be used: an empty id or title (the paper is skipped), a link that is "
    "not http(s) or a field of the wrong type (left out), authors that do not split (kept as one name)",
}


class Author(NamedTuple):
    """One author of an accepted paper, in the export's order."""

    name: str
    #: ``""`` when the export gives none.
    affiliation: str = ""
    #: CMT marks the primary contact author with ``*``.
    contact: bool = False


class Extras(NamedTuple):
    """What organizers add to a paper after the decisions: links (absolute http(s) URLs, or ``""``) to its
    poster, slides, video and code, and its award ("Best Paper"); from the export's own columns or from
    a set's extras file (:mod:`sphinx_workshop.accepted.extras`)."""

    poster: str = ""
    slides: str = ""
    video: str = ""
    code: str = ""
    award: str = ""


#: A paper without extras.
NO_EXTRAS = Extras()
#: The links of :class:`Extras`, in the order a paper's page shows them.
EXTRA_LINKS = ("code", "poster", "slides", "video")


class AcceptedPaper(NamedTuple):
    """One accepted paper as read from an export (the API the later rendering reads)."""

    #: The export's own id, as written (an OpenReview note id, a CMT paper id, a MiniConf UID...).
    id: str
    #: A stable key for citing: ``<format>-<id>``, lower case, only ``[a-z0-9-]`` (see :func:`key_for`).
    key: str
    title: str
    authors: tuple[Author, ...]
    #: As written (Markdown with ``$TeX$``), only cleaned of control characters: rendered later.
    abstract: str
    keywords: tuple[str, ...]
    tldr: str
    #: The decision's wording ("Accept (Oral)", "MLSys 2024 Workshop Oral"), ``""`` when none is given.
    decision: str
    track: str
    session: str
    #: An absolute http(s) URL, or ``""``.
    pdf: str
    #: The OpenReview forum's URL, or ``""``.
    forum: str
    venue: str
    #: The 1-based line (CSV), sheet row (Excel) or position in the list (JSON) it was read from.
    row: int
    #: The file it was read from.
    source: str
    extras: Extras = NO_EXTRAS


class ExportProblem(NamedTuple):
    """Something in an export that could not be read as it is, and what was done about it."""

    #: One of :data:`PROBLEMS`.
    subtype: str
    source: str
    #: 1-based; 0 when the problem is the whole file's.
    row: int
    #: A full sentence: what is wrong, where, and what was done.
    message: str


class Export(NamedTuple):
    """What :func:`sphinx_workshop.accepted.read_export` read from one file."""

    papers: tuple[AcceptedPaper, ...]
    problems: tuple[ExportProblem, ...]


_NOT_KEY = re.compile(r"[^a-z0-9]+")
#: Decisions that are not (yet) an acceptance, whatever their wording's other words.
_UNDECIDED = re.compile(r"reject|withdraw|awaiting|pending|undecided|no decision|^tbd$|^n/?a$")


def key_for(prefix: str, paper_id: str) -> str:
    """The citing key of the paper *paper_id* of a *prefix* export: ``openreview-b1xsperkvh``.

    The id is folded to ASCII lower case, each run of other characters written as ``-``; an id with no
    letter or digit is written as its characters' hexadecimal code points.
    """
    folded = unicodedata.normalize("NFKD", paper_id).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_KEY.sub("-", folded).strip("-")
    if not slug:
        slug = "-".join(f"{ord(char):x}" for char in paper_id if not char.isspace()) or "0"
    return f"{prefix}-{slug}"


def is_accepted(decision: str) -> bool:
    """Whether the decision *decision* (not empty) accepts the paper.

    A wording that starts with "Accept" accepts ("Accept (Oral)", "Accept as poster"); one that starts
    with "Reject" does not. Any other wording (a workshop's own: "Oral", "Spotlight talk") accepts unless
    it says the paper is rejected, withdrawn or still undecided: it contains "reject" ("Desk Reject"),
    "withdraw", "awaiting", "pending", "undecided" or "no decision" (OpenReview's console writes
    "No Decision"), or is "TBD" or "N/A". Case is ignored.
    """
    text = decision.strip().casefold()
    if text.startswith("accept"):
        return True
    return bool(text) and _UNDECIDED.search(text) is None


def shown(value: str, limit: int = 60) -> str:
    """*value* cut to *limit* characters for a message, quoted."""
    value = " ".join(value.split())
    return f'"{value if len(value) <= limit else value[: limit - 1] + "…"}"'


def label(where: str, paper_id: str) -> str:
    """*where* ("Line 4") with the paper's id, for messages: "Line 4 (paper 17)"."""
    paper_id = one_line(paper_id)
    return f"{where} (paper {paper_id})" if paper_id else where


def paragraphs(text: str) -> str:
    """*text* cleaned of control characters, line ends made ``\\n`` (Excel writes ``\\r\\n``), stripped."""
    return clean_text(text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def one_line(text: str) -> str:
    """*text* cleaned of control characters, its runs of white space (line breaks too) made one space."""
    return " ".join(clean_text(text).split())


class ExportBuilder:
    """Collects one file's papers and problems, applying the rules every format shares."""

    def __init__(self, source: str, prefix: str) -> None:
        self.source = source
        self.prefix = prefix
        self.papers: list[AcceptedPaper] = []
        self.problems: list[ExportProblem] = []
        self._ids: dict[str, str] = {}
        self._keys: dict[str, tuple[str, str]] = {}

    def problem(self, subtype: str, row: int, message: str) -> None:
        """Record a problem (*subtype* one of :data:`PROBLEMS`)."""
        assert subtype in PROBLEMS, subtype
        self.problems.append(ExportProblem(subtype, self.source, row, clean_text(message)))

    def link(self, url: str, *, row: int, where: str, what: str) -> str:
        """*url* if it is an absolute http(s) link, else ``""`` and a problem naming *what* it was."""
        url = clean_text(url).strip()
        if not url:
            return ""
        if is_safe_url(url, schemes=frozenset({"http", "https"})):
            return url
        self.problem(
            "export_value",
            row,
            f"{where}: the {what} {shown(url)} is not an absolute http(s) link; the paper is shown "
            "without it.",
        )
        return ""

    def add(
        self,
        row: int,
        where: str,
        *,
        paper_id: str,
        title: str,
        authors: tuple[Author, ...] = (),
        abstract: str = "",
        keywords: tuple[str, ...] = (),
        tldr: str = "",
        decision: str = "",
        track: str = "",
        session: str = "",
        pdf: str = "",
        forum: str = "",
        venue: str = "",
        extras: Extras = NO_EXTRAS,
    ) -> None:
        """Add the paper read at *row* (*where* names it for messages) unless it has no id or title or
        repeats an earlier id; links that are not http(s) are left out.
        """
        paper_id = one_line(paper_id)
        title = one_line(title)
        if not paper_id:
            self.problem("export_value", row, f"{where} has no id; the paper is skipped.")
            return
        place, where = where, label(where, paper_id)
        if not title:
            self.problem("export_value", row, f"{where} has an empty title; the paper is skipped.")
            return
        first = self._ids.get(paper_id)
        if first is not None:
            self.problem(
                "export_duplicate",
                row,
                f"{where} has the id of {first}; the later paper is skipped.",
            )
            return
        key = key_for(self.prefix, paper_id)
        clash = self._keys.get(key)
        if clash is not None:
            self.problem(
                "export_duplicate",
                row,
                f"{where} has the key {key} of {clash[0]} (paper {clash[1]}), ids that differ only in case "
                "or punctuation; the later paper is skipped.",
            )
            return
        self._ids[paper_id] = place
        self._keys[key] = (place, paper_id)
        pdf = self.link(pdf, row=row, where=where, what="PDF link")
        forum = self.link(forum, row=row, where=where, what="forum link")
        extras = Extras(
            award=one_line(extras.award),
            **{
                name: self.link(getattr(extras, name), row=row, where=where, what=f"{name} link")
                for name in EXTRA_LINKS
            },
        )
        self.papers.append(
            AcceptedPaper(
                id=paper_id,
                key=key,
                title=title,
                authors=tuple(
                    Author(one_line(a.name), one_line(a.affiliation), a.contact)
                    for a in authors
                    if one_line(a.name)
                ),
                abstract=paragraphs(abstract),
                keywords=tuple(dict.fromkeys(k for k in (one_line(k) for k in keywords) if k)),
                tldr=paragraphs(tldr),
                decision=one_line(decision),
                track=one_line(track),
                session=one_line(session),
                pdf=pdf,
                forum=forum,
                venue=one_line(venue),
                row=row,
                source=self.source,
                extras=extras,
            )
        )

    def result(self) -> Export:
        """The papers and problems collected."""
        return Export(tuple(self.papers), tuple(self.problems))
