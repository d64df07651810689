"""OpenReview's notes as JSON: API v2 (content values wrapped ``{"value": ...}``) and API v1 (bare).

Shape (openreview-py: ``openreview/api/client.py`` and ``openreview/openreview.py``, ``Note.to_json`` and
``Note.from_json``; docs.openreview.net, "Using the API"): a JSON list of notes, or the API's own
``{"notes": [...]}`` answer. A note has ``id``, ``number``, ``forum`` and ``content``: ``title``,
``authors`` (names; in v2's unified author schema objects ``{"fullname", "username", "institutions":
[{"name", "domain", "country"}]}``, of which the fullname and the first institution's name are kept),
``keywords`` (a list or a comma-separated string), ``TLDR`` (v1: ``TL;DR``), ``abstract``, ``pdf``,
``venue``, ``venueid``. ``authorids`` (profile ids and e-mails) is never read.

The decision, in this order: a reply in ``details.replies`` or ``details.directReplies`` (what
``get_all_notes(..., details="replies")`` returns) whose invitation (v2: one of ``invitations``; v1:
``invitation``) ends in ``Decision``, its ``decision`` read with :func:`is_accepted`; else, for notes
saved with ``Note.to_json()`` (no ``details``), ``content.venueid``: accepted unless it ends in
``/Withdrawn_Submission``, ``/Desk_Rejected_Submission``, ``/Rejected_Submission`` or ``/Submission``
(not yet decided), the wording then being ``content.venue`` ("MLSys 2024 Workshop Oral"). When no note
of the file has either, every note is a paper. v1 blind submissions keep the real authors in
``details.original.content``. A ``pdf`` of ``/pdf/<sha1>.pdf`` is linked as
``https://openreview.net/pdf?id=<note id>``; the forum as ``https://openreview.net/forum?id=<forum>``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from sphinx_workshop.accepted.records import Author, Export, ExportBuilder, is_accepted, label
from sphinx_workshop.accepted.tables import split_list

SITE = "https://openreview.net"
_NOT_DECIDED = ("/Withdrawn_Submission", "/Desk_Rejected_Submission", "/Rejected_Submission", "/Submission")

Verdict = tuple[bool, str] | None


def venueid_accepts(venueid: str) -> bool:
    """Whether a note's ``venueid`` places it in the venue (not withdrawn, rejected or undecided)."""
    return not venueid.strip().endswith(_NOT_DECIDED)


class WrongType(Exception):
    """A content field of the wrong type: the note is skipped."""


def _unwrap(value: Any) -> Any:
    # v2 wraps each content value as {"value": ...}; v1 does not. One reader takes both.
    if isinstance(value, dict) and "value" in value:
        return value["value"]
    return value


def _text(content: dict[str, Any], *names: str) -> str:
    for name in names:
        value = _unwrap(content.get(name))
        if value is None:
            continue
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        raise WrongType(f'"{name}" is not text')
    return ""


def _authors(content: dict[str, Any]) -> tuple[Author, ...]:
    value = _unwrap(content.get("authors"))
    if value is None:
        return ()
    if not isinstance(value, list):
        raise WrongType('"authors" is not a list')
    authors = []
    for item in value:
        if isinstance(item, str):
            authors.append(Author(item))
        elif isinstance(item, dict) and isinstance(item.get("fullname"), str):
            institutions = item.get("institutions")
            first = institutions[0] if isinstance(institutions, list) and institutions else {}
            name = first.get("name") if isinstance(first, dict) else None
            authors.append(Author(item["fullname"], name if isinstance(name, str) else ""))
        else:
            raise WrongType('"authors" holds an entry that is neither a name nor an author')
    return tuple(authors)


def _keywords(content: dict[str, Any]) -> tuple[str, ...]:
    value = _unwrap(content.get("keywords"))
    if value is None:
        return ()
    if isinstance(value, str):
        return split_list(value, ",;")
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise WrongType('"keywords" is neither a list of words nor text')


def _replies(note: dict[str, Any]) -> list[dict[str, Any]]:
    details = note.get("details")
    if not isinstance(details, dict):
        return []
    found: list[dict[str, Any]] = []
    for name in ("replies", "directReplies"):
        replies = details.get(name)
        if isinstance(replies, list):
            found.extend(reply for reply in replies if isinstance(reply, dict))
    return found


def _verdict(note: dict[str, Any], content: dict[str, Any]) -> Verdict:
    for reply in _replies(note):
        invitations = reply.get("invitations")
        if not isinstance(invitations, list):
            invitations = [reply.get("invitation")]
        if any(isinstance(i, str) and i.endswith("Decision") for i in invitations):
            reply_content = reply.get("content")
            decision = _unwrap(reply_content.get("decision")) if isinstance(reply_content, dict) else None
            if isinstance(decision, str) and decision.strip():
                return is_accepted(decision), decision
    venueid = _unwrap(content.get("venueid"))
    if isinstance(venueid, str) and venueid.strip():
        venue = _unwrap(content.get("venue"))
        wording = venue if isinstance(venue, str) and venue.strip() else "Accept"
        return venueid_accepts(venueid), wording
    return None


def _original_content(note: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
    # v1 blind submissions: "Anonymous" authors on the note, the real ones on the original it copies.
    details = note.get("details")
    original = details.get("original") if isinstance(details, dict) else None
    if isinstance(original, dict) and isinstance(original.get("content"), dict):
        return original["content"]  # type: ignore[no-any-return]
    return content


def _pdf(value: str, note_id: str) -> str:
    if value.startswith("/pdf/"):
        return f"{SITE}/pdf?id={quote(note_id, safe='')}"
    return value


def read_openreview_json(text: str, builder: ExportBuilder) -> Export:
    """The accepted papers of OpenReview's notes in the JSON *text*."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        builder.problem(
            "export_syntax",
            error.lineno,
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}; "
            "nothing was read from it.",
        )
        return builder.result()
    except (ValueError, RecursionError) as error:  # a number too long, nesting too deep
        builder.problem("export_syntax", 0, f"The file cannot be read as JSON ({error}); nothing was read.")
        return builder.result()
    if isinstance(data, dict) and isinstance(data.get("notes"), list):
        data = data["notes"]
    if not isinstance(data, list):
        builder.problem(
            "export_format",
            0,
            f"The file holds a JSON {type(data).__name__}, not a list of OpenReview notes; nothing was read.",
        )
        return builder.result()
    entries: list[tuple[int, dict[str, Any], dict[str, Any], Verdict]] = []
    for number, note in enumerate(data, start=1):
        where = f"Note {number}"
        if not isinstance(note, dict):
            builder.problem(
                "export_row",
                number,
                f"{where} is a JSON {type(note).__name__}, not an object; it is skipped.",
            )
            continue
        content = note.get("content")
        if not isinstance(content, dict):
            builder.problem("export_row", number, f"{where} has no content object; it is skipped.")
            continue
        entries.append((number, note, content, _verdict(note, content)))
    any_decision = any(verdict is not None for *_, verdict in entries)
    for number, note, content, verdict in entries:
        if any_decision and (verdict is None or not verdict[0]):
            continue  # rejected, withdrawn or undecided: not a problem, just not on the site
        _add(builder, number, note, content, verdict[1] if verdict else "")
    return builder.result()


def _add(
    builder: ExportBuilder, number: int, note: dict[str, Any], content: dict[str, Any], decision: str
) -> None:
    note_id = note.get("id")
    note_id = str(note_id) if isinstance(note_id, (str, int)) and not isinstance(note_id, bool) else ""
    where = label(f"Note {number}", note_id)
    try:
        title = _text(content, "title")
        authors = _authors(_original_content(note, content))
    except WrongType as error:
        builder.problem("export_row", number, f"{where}: {error}; the note is skipped.")
        return
    optional: dict[str, Any] = {}
    for field, read in (
        ("abstract", lambda: _text(content, "abstract")),
        ("tldr", lambda: _text(content, "TLDR", "TL;DR")),
        ("keywords", lambda: _keywords(content)),
        ("venue", lambda: _text(content, "venue")),
        ("pdf", lambda: _text(content, "pdf")),
    ):
        try:
            optional[field] = read()
        except WrongType as error:
            builder.problem("export_value", number, f"{where}: {error}; the paper is shown without it.")
    forum = note.get("forum") if isinstance(note.get("forum"), str) else note_id
    builder.add(
        number,
        f"Note {number}",
        paper_id=note_id,
        title=title,
        authors=authors,
        abstract=optional.get("abstract", ""),
        keywords=optional.get("keywords", ()),
        tldr=optional.get("tldr", ""),
        decision=decision,
        pdf=_pdf(optional.get("pdf", ""), note_id),
        forum=f"{SITE}/forum?id={quote(forum, safe='')}" if forum else "",
        venue=optional.get("venue", ""),
    )
