"""What the people domain stores about a card, and the anchor and initials derived from a name."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def anchor_for(name: str) -> str:
    """The HTML id (and LaTeX label) of the card of *name*: ``person-<slug>``.

    The slug is the name folded to ASCII and lower case, each run of other characters written as
    ``-`` ("Anna Goldie" gives ``person-anna-goldie``). A letter or digit without an ASCII form (王, ж)
    is written as its hexadecimal code point, so names that differ in a letter never share an id
    ("Jun Wang (王军)" gives ``person-jun-wang-738b-519b``); names that differ only in case, accents,
    spacing or punctuation are one person.
    """
    parts: list[str] = []
    for char in unicodedata.normalize("NFKD", name):
        if char.isascii():
            parts.append(char.lower())
        elif unicodedata.category(char) == "Mn":  # an accent NFKD took off its letter
            continue
        elif unicodedata.category(char)[0] in "LN":
            parts.append(f" {ord(char):x} ")
        else:
            parts.append(" ")
    slug = _NOT_SLUG.sub("-", "".join(parts)).strip("-")
    if not slug:  # only symbols or marks: their code points
        slug = "-".join(f"{ord(char):x}" for char in name if not char.isspace())
    return f"person-{slug}"


def initials(name: str) -> str:
    """The letters of the avatar shown without a photo: first and last words' initials, upper case."""
    letters = [next((char for char in word if char.isalnum()), "") for word in name.split()]
    letters = [letter for letter in letters if letter]
    if not letters:
        return ""
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()


class PersonRecord(NamedTuple):
    """One organizer or speaker card, as the domain stores it (the API other features read)."""

    name: str
    #: ``"organizer"`` or ``"speaker"``.
    kind: str
    affiliation: str
    #: The profile URLs of the card (its schema.org ``sameAs``), in the order shown.
    same_as: tuple[str, ...]
    docname: str
    lineno: int
    #: The card's id in its page (see :func:`anchor_for`).
    anchor: str

    def shown(self) -> tuple[str, str, str, tuple[str, ...], str, str]:
        """What a link to the card depends on: every field but the line (for change detection)."""
        return (self.name, self.kind, self.affiliation, self.same_as, self.docname, self.anchor)
