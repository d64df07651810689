"""The accepted-papers projects (issue 28, "Scale"): an export of N accepted papers, and the same papers
written by hand as MyST pages.

The papers come from one seeded ``random.Random`` with the lengths of a real program: titles of about
12 words (some with ``$math$``), 3 to 6 authors, 3 to 5 keywords, abstracts of about 200 words in two
paragraphs with ``$TeX$`` and Markdown emphasis and code, and the decisions of an ICLR-sized program
(5 % oral, 15 % spotlight, 80 % poster). Two variants are written:

- **sphinx-workshop** (``ext``): the export as the plain CSV of :mod:`sphinx_workshop.accepted.miniconf`,
  ``papers_accepted = {"papers": ...}``, and a page ``accepted`` holding the ``accepted-papers`` index;
  the extension writes a page per paper on every build (only those whose row changed).
- **plain Sphinx** (``plain``): a MyST page per paper (title, authors, decision, keywords, PDF link,
  abstract: the same text), and a page ``accepted`` listing them by decision (title linking the page,
  authors) with a hidden toctree of them.

Both use alabaster without global navigation (``bench.generate.CONF_COMMON``) and MyST's ``dollarmath``;
``conf-book/conf.py`` is the same configuration in sphinx-book-theme with its navigation (built with
``-c``), for the theme scenario.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import CONF_COMMON, CONFS, GIVEN, SURNAMES, WORDS, Size

#: The decisions, and the share of the program each has.
DECISIONS: tuple[tuple[str, float], ...] = (
    ("Accept (Oral)", 0.05),
    ("Accept (Spotlight)", 0.15),
    ("Accept (Poster)", 0.80),
)
_MATH = (r"$O(n \log n)$", r"$\ell_2$", r"$k$", r"$10\times$", r"$\mathbb{E}[r_t]$", r"$\alpha = 0.5$")
_KEYWORDS = (
    "compilers", "scheduling", "reinforcement learning", "databases", "caching", "networking",
    "hardware design", "autotuning", "graph neural networks", "distributed training", "storage",
    "program synthesis", "query optimization", "power management", "serverless", "video streaming",
)  # fmt: skip
#: The folder of the papers' pages (and the set of ``papers_accepted``) in both variants.
FOLDER = "papers"
EXPORT = "accepted.csv"
CONF_ACCEPTED = (
    'myst_enable_extensions = ["dollarmath"]\n'
    f'papers_accepted = {{"{FOLDER}": {{"export": "{EXPORT}", "venue": "Systems Workshop 2026"}}}}\n'
)


@dataclass(frozen=True)
class AcceptedPaper:
    """One synthetic accepted paper, as the export and the hand-written page both hold it."""

    id: str
    title: str
    authors: tuple[str, ...]
    abstract: str
    keywords: tuple[str, ...]
    decision: str

    @property
    def key(self) -> str:
        """The paper's key and docname in its folder (the plain CSV's ``paper-<id>``)."""
        return f"paper-{self.id}"

    @property
    def pdf(self) -> str:
        """Its PDF link."""
        return f"https://example.org/pdf/{self.id}.pdf"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(rng: random.Random, words: int) -> str:
    chosen = rng.choices(WORDS, k=words)
    roll = rng.random()
    position = rng.randrange(1, words)
    if roll < 0.15:
        chosen[position] = rng.choice(_MATH)
    elif roll < 0.25:
        chosen[position] = f"**{chosen[position]}**"
    elif roll < 0.32:
        chosen[position] = f"*{chosen[position]}*"
    elif roll < 0.36:
        chosen[position] = f"`{chosen[position]}`"
    return _upper_first(" ".join(chosen)) + "."


def _abstract(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(2):
        target, words = rng.randint(75, 125), []
        while len(" ".join(words).split()) < target:
            words.append(_sentence(rng, rng.randint(10, 25)))
        paragraphs.append(" ".join(words))
    return "\n\n".join(paragraphs)


def make_papers(count: int, seed: int = 2020) -> list[AcceptedPaper]:
    """*count* accepted papers, the same for a given seed."""
    rng = random.Random(seed)
    papers = []
    names, weights = zip(*DECISIONS, strict=True)
    for number in range(1, count + 1):
        title_words = rng.sample(WORDS, rng.randint(9, 15))
        if rng.random() < 0.05:
            title_words[rng.randrange(1, len(title_words))] = rng.choice(_MATH)
        authors = tuple(f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(3, 6)))
        papers.append(
            AcceptedPaper(
                id=str(number),
                title=_upper_first(" ".join(title_words)),
                authors=authors,
                abstract=_abstract(rng),
                keywords=tuple(rng.sample(_KEYWORDS, rng.randint(3, 5))),
                decision=rng.choices(names, weights)[0],
            )
        )
    return papers


def by_decision(papers: list[AcceptedPaper]) -> list[tuple[str, list[AcceptedPaper]]]:
    """The papers grouped as the ``accepted-papers`` index groups them: oral, spotlight, poster."""
    return [(name, [p for p in papers if p.decision == name]) for name, _share in DECISIONS]


def render_export(papers: list[AcceptedPaper]) -> str:
    """The plain CSV export of *papers*."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("id", "title", "authors", "abstract", "keywords", "decision", "pdf"))
    for p in papers:
        writer.writerow(
            (p.id, p.title, "; ".join(p.authors), p.abstract, "; ".join(p.keywords), p.decision, p.pdf)
        )
    return out.getvalue()


def render_paper_page(paper: AcceptedPaper) -> str:
    """A paper's hand-written MyST page (plain Sphinx): what the extension's page shows of the export."""
    label = paper.decision.removeprefix("Accept (").rstrip(")")
    return (
        f"# {paper.title}\n\n{', '.join(paper.authors)}\n\n"
        f"{label} · **Keywords:** {', '.join(paper.keywords)} · [PDF]({paper.pdf})\n\n"
        f"**Abstract**\n\n{paper.abstract}\n"
    )


def render_plain_index(papers: list[AcceptedPaper]) -> str:
    """The plain variant's list of papers by decision, and the hidden toctree of their pages."""
    parts = ["# Accepted papers\n"]
    order = []
    for decision, group in by_decision(papers):
        label = decision.removeprefix("Accept (").rstrip(")")
        parts.append(f"```{{rubric}} {label}\n```\n")
        for paper in group:
            parts.append(f"- [{paper.title}]({FOLDER}/{paper.key}.md)\n\n  {', '.join(paper.authors)}\n")
            order.append(f"{FOLDER}/{paper.key}")
    parts.append("```{toctree}\n:hidden:\n\n" + "\n".join(order) + "\n```\n")
    return "\n".join(parts)


EXT_INDEX = f"# Accepted papers\n\n```{{accepted-papers}} {FOLDER}\n```\n"
ROOT = "# Systems Workshop 2026\n\n```{toctree}\naccepted\n```\n"


@dataclass
class AcceptedProject:
    """One variant of an accepted-papers project on disk, and the edit of one paper."""

    variant: str
    size: Size
    root: Path
    seed: int = 2020
    papers: list[AcceptedPaper] = field(init=False)

    def __post_init__(self) -> None:
        self.papers = make_papers(self.size.papers, self.seed)

    @property
    def srcdir(self) -> Path:
        """Where the sources (and the alabaster conf.py) are."""
        return self.root / "src"

    @property
    def book_confdir(self) -> Path:
        """The folder of the sphinx-book-theme conf.py."""
        return self.root / "conf-book"

    def outdir(self, name: str = "html") -> Path:
        """An output folder (doctrees go inside it, Sphinx's default)."""
        return self.root / name

    @property
    def edited(self) -> AcceptedPaper:
        """The paper that the edit scenario changes: the middle one."""
        return self.papers[len(self.papers) // 2]

    def write(self) -> None:
        """Write the baseline sources (undoing the edit)."""
        src = self.srcdir
        (src / FOLDER).mkdir(parents=True, exist_ok=True)
        self.book_confdir.mkdir(parents=True, exist_ok=True)
        conf = CONFS[self.variant] + CONF_ACCEPTED
        (src / "conf.py").write_text(CONF_COMMON + conf, encoding="utf-8")
        book = CONF_COMMON.split("html_theme")[0] + 'html_theme = "sphinx_book_theme"\n' + conf
        (self.book_confdir / "conf.py").write_text(book, encoding="utf-8")
        (src / "index.md").write_text(ROOT, encoding="utf-8")
        if self.variant == "ext":
            (src / "accepted.md").write_text(EXT_INDEX, encoding="utf-8")
            (src / EXPORT).write_text(render_export(self.papers), encoding="utf-8")
            return
        (src / "accepted.md").write_text(render_plain_index(self.papers), encoding="utf-8")
        for paper in self.papers:
            (src / FOLDER / f"{paper.key}.md").write_text(render_paper_page(paper), encoding="utf-8")

    def edit_row(self, run: int) -> None:
        """Change the last sentence of one paper's abstract: its row of the export (ext) or its page."""
        old = self.edited
        abstract = f"{old.abstract} Revised in run {run}."
        new = AcceptedPaper(old.id, old.title, old.authors, abstract, old.keywords, old.decision)
        if self.variant == "ext":
            papers = [new if p is old else p for p in self.papers]
            (self.srcdir / EXPORT).write_text(render_export(papers), encoding="utf-8")
        else:
            (self.srcdir / FOLDER / f"{new.key}.md").write_text(render_paper_page(new), encoding="utf-8")
