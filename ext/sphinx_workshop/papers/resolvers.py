"""Links to a paper's identifiers (DOI, arXiv, handles, ...) at the resolvers that are well known."""

from __future__ import annotations

from urllib.parse import quote

#: Eprint resolvers that are well known; other eprint types are shown as text.
RESOLVERS = {
    "arxiv": "https://arxiv.org/abs/",
    "doi": "https://doi.org/",
    "hdl": "https://hdl.handle.net/",
    "jstor": "https://www.jstor.org/stable/",
    "pubmed": "https://pubmed.ncbi.nlm.nih.gov/",
    "googlebooks": "https://books.google.com/books?id=",
}

#: What an identifier keeps as written in a link: the characters a URL path holds without meaning
#: more than themselves. The rest is percent-encoded, as the DOI Handbook asks of a DOI in a URL
#: (SICI DOIs hold ``<``, ``>`` and ``#``; ``+``, ``&``, ``=``, ``?`` and quotes would mean more).
_KEPT = "/:;()!$*,@"


def resolver_url(kind: str, identifier: str) -> str:
    """The link of *identifier* at the resolver of *kind* (``"doi"``, ``"arxiv"``, ...), or "" if unknown."""
    base = RESOLVERS.get(kind.lower())
    return base + quote(identifier, safe=_KEPT) if base else ""
