"""A real-world-shaped BibTeX corpus: the field mix of what Google Scholar, DBLP and Zotero export.

The same papers as the synthetic corpus (keys, titles, authors, venues, years), written the way
exported files are: ``@string`` macros for venues and months, a ``@preamble`` with ``\\noopsort``,
DBLP's proceedings as ``crossref`` parents with ``\\_`` in url and doi, journal articles with volume,
number and pages, theses, books, technical reports, biblatex (Better BibLaTeX) entries with ``date``,
``journaltitle`` and ``eprinttype``, and LaTeX in titles and names (accents, ``{Braces}``, ``\\emph``,
Google Scholar's ``$\\{$...$\\}$``, math). Each paper's shape is drawn from a generator seeded with its
number, so a size always gives the same file.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.generate import Paper

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ACCENTED = {"Ré": "R{\\'e}", "Chen": 'Ch{\\"e}n', "Gonzalez": "Gonz{\\'a}lez", "Jia": "J{\\'{\\i}}a"}
_JOURNALS = (
    "Journal of Machine Learning Research",
    "Communications of the ACM",
    "Proc. VLDB Endow.",
    "IEEE Transactions on Computers",
    "ACM Transactions on Computer Systems",
)
_SCHOOLS = (
    "Massachusetts Institute of Technology",
    "Stanford University",
    'ETH Z{\\"u}rich',
    "University of California, Berkeley",
)


def _macro(venue: str) -> str:
    return "v" + "".join(word[0] for word in venue.split()).lower()


def _names(paper: Paper, rng: random.Random) -> str:
    names = []
    for name in paper.authors:
        surname, given = (part.strip() for part in name.split(","))
        surname = _ACCENTED.get(surname, surname)
        names.append(f"{surname}, {given}" if rng.random() < 0.7 else f"{given} {surname}")
    return " and ".join(names) + (" and others" if rng.random() < 0.03 else "")


def _title(paper: Paper, rng: random.Random) -> str:
    words = paper.title.split()
    roll = rng.random()
    if roll < 0.25:  # protected acronym or proper noun
        words[0] = "{" + words[0] + "}"
    elif roll < 0.35:
        words[-1] = "\\emph{" + words[-1] + "}"
    elif roll < 0.40:
        words.insert(1, "$O(n \\log n)$")
    elif roll < 0.45:
        words.insert(1, "$\\{$ML$\\}$")
    return "{" + " ".join(words) + "}" if rng.random() < 0.3 else " ".join(words)


def render_real_bib(papers: list[Paper]) -> str:
    """The BibTeX file of *papers*, shaped like exported bibliographies."""
    venues = sorted({paper.venue for paper in papers})
    head = ['@preamble{ "\\newcommand{\\noopsort}[1]{}" }']
    head += [f'@string{{{_macro(venue)} = "{venue}"}}' for venue in venues]
    parents: dict[tuple[str, int], str] = {}
    entries = []
    for paper in papers:
        rng = random.Random(paper.number)
        names, title, key = _names(paper, rng), _title(paper, rng), paper.key
        slug = re.sub(r"\W", "", key)[:12]
        kind = rng.random()
        if kind < 0.30:  # DBLP: proceedings paper with a crossref parent
            parent = parents.setdefault(
                (paper.venue, paper.year), f"DBLP:conf/{_macro(paper.venue)}/{paper.year}"
            )
            fields = [
                ("author", names),
                ("title", title),
                ("pages", f"{rng.randint(1, 900)}--{rng.randint(901, 999)}"),
                ("crossref", parent),
                ("url", f"https://dblp.org/rec/conf/{slug}\\_{paper.year}"),
                ("doi", f"10.1145/{paper.number}.{paper.year}\\_{slug}"),
            ]
            entries.append(("inproceedings", key, fields))
        elif kind < 0.55:  # Google Scholar: booktitle as written, year, pages
            fields = [
                ("title", title),
                ("author", names),
                ("booktitle", f"{{Proceedings of the}} {paper.venue}"),
                ("pages", f"{rng.randint(1, 99)}--{rng.randint(100, 200)}"),
                ("year", str(paper.year)),
                ("organization", "$\\{$ACM$\\}$"),
            ]
            entries.append(("inproceedings", key, fields))
        elif kind < 0.75:  # journal article with macros
            fields = [
                ("author", names),
                ("title", title),
                ("journal", rng.choice(_JOURNALS)),
                ("volume", str(rng.randint(1, 60))),
                ("number", str(rng.randint(1, 12))),
                ("pages", f"{rng.randint(1, 500)}--{rng.randint(501, 900)}"),
                ("month", _MONTHS[rng.randint(0, 11)]),
                ("year", str(paper.year)),
                ("url", paper.url),
            ]
            entries.append(("article", key, fields))
        elif kind < 0.85:  # Zotero / Better BibLaTeX
            fields = [
                ("title", title),
                ("author", names),
                ("date", f"{paper.year}-{rng.randint(1, 12):02d}-01"),
                ("journaltitle", "arXiv preprint"),
                ("eprint", f"{paper.year % 100:02d}01.{paper.number:05d}"),
                ("eprinttype", "arxiv"),
                ("eprintclass", "cs.LG"),
                ("url", paper.url),
                ("langid", "english"),
                ("keywords", "machine learning, systems"),
            ]
            entries.append(("article", key, fields))
        elif kind < 0.90:
            fields = [
                ("author", names.split(" and ")[0]),
                ("title", title),
                ("school", rng.choice(_SCHOOLS)),
                ("year", str(paper.year)),
                ("month", _MONTHS[rng.randint(0, 11)]),
            ]
            entries.append(("phdthesis" if rng.random() < 0.7 else "mastersthesis", key, fields))
        elif kind < 0.95:
            fields = [
                ("author", names),
                ("title", title),
                ("publisher", "MIT Press"),
                ("address", "Cambridge, MA"),
                ("edition", str(rng.randint(1, 4))),
                ("year", "\\noopsort{a}" + str(paper.year)),
            ]
            entries.append(("book", key, fields))
        else:
            fields = [
                ("author", names),
                ("title", title),
                ("institution", "Example Labs"),
                ("number", f"TR-{paper.number}"),
                ("year", str(paper.year)),
            ]
            entries.append(("techreport", key, fields))
    out = ["\n".join(head), ""]
    for kind, key, fields in entries:
        body = ",\n".join(
            f"  {name} = {{{value}}}" if name != "month" else f"  {name} = {value}" for name, value in fields
        )
        out.append(f"@{kind}{{{key},\n{body},\n}}\n")
    for (venue, year), parent in sorted(parents.items(), key=lambda item: item[1]):
        out.append(
            f"@proceedings{{{parent},\n  title = {_macro(venue)},\n  booktitle = {_macro(venue)},\n"
            f"  publisher = {{ACM}},\n  year = {{{year}}},\n}}\n"
        )
    return "\n".join(out)
